// Active units per stochastic layer of a trained run with model.prior and model.posterior two_layer, for
// docs/models.md: the activity statistic of Burda, Grosse and Salakhutdinov 2016 (section 5.2),
// A_u = Cov_x(E_q[u|x]) > 0.01, per layer, on the test split, from the figures' code [mu1(x), mu2(mu1(x))]:
// E_q[z1|x] = mu1(x) exactly, E_q[z2|x] approximated by mu2 at z1's mean. The run's own test/active_units is
// "not applicable" for this posterior.
//   RUN=runs/fashion-mlp-two-layer/RUN TOP=50 jshell --class-path framework/cli/target/vaelab.jar bench/layer_activity.jsh
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.core.train.GraphFeed;
import org.vaelab.core.train.VaeGraph;

var run = TrainedRun.open(Path.of(System.getenv("RUN")), PluginLoader.load(ClassLoader.getSystemClassLoader()),
        System::getenv);
var graph = run.graph();
var split = run.test();
int d = graph.latentDim();
int top = Integer.parseInt(System.getenv("TOP"));
double[] mean = new double[d];
double[] deviations = new double[d];
int n = 0;
for (int start = 0; start < split.size(); start += 500) {
    int rows = Math.min(500, split.size() - start);
    var eps = Nd4j.zeros(DataType.FLOAT, (long) graph.samples() * rows, d);
    double[] code = graph.output(GraphFeed.ofRows(graph, split, start, rows, eps), VaeGraph.Z_CODE)
            .get(VaeGraph.Z_CODE).castTo(DataType.DOUBLE).dup('c').data().asDouble();
    for (int r = 0; r < rows; r++) {
        n++;
        for (int j = 0; j < d; j++) {
            double value = code[r * d + j];
            double delta = value - mean[j];
            mean[j] += delta / n;
            deviations[j] += delta * (value - mean[j]);
        }
    }
}
int bottomActive = 0;
int topActive = 0;
for (int j = 0; j < d; j++) {
    if (deviations[j] / n > 0.01) {
        if (j < d - top) {
            bottomActive++;
        } else {
            topActive++;
        }
    }
}
System.out.printf("active units: z1 %d of %d, z2 %d of %d (%d test examples)%n", bottomActive, d - top, topActive,
        top, n);
/exit
