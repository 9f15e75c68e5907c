package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training step that runs the model's graph forward and backward: every model trains this way.
 *
 * <p>The graph and its gradient function, as SameDiff builds them, are compiled once per batch
 * shape into a {@link CompiledGraph} run on {@link EngineThreads#count()} threads; the same spec
 * and seed give the same digits whatever that count. A graph with an op the compiled plan cannot
 * run trains through SameDiff's own session instead, slower, with the same numbers; the
 * {@link #kind()} says which ran.
 */
final class GraphStep implements TrainingStep {

    /** The {@link #kind()} of a step run by compiled plans. */
    static final String COMPILED = "compiled";
    /** The {@link #kind()} of a step run by SameDiff's session. */
    static final String SESSION = "session";

    private final VaeGraph graph;
    private final List<String> outputs;
    private final List<String> parameters;
    private final int lanes;
    private final CompiledPlans plans;
    private Map<String, INDArray> lastGradients = Map.of();

    /**
     * @param lanes the threads a compiled plan runs on
     * @param compile whether to compile the graph; without, every step runs in SameDiff's session
     */
    GraphStep(VaeGraph graph, int lanes, boolean compile) {
        this(graph, lanes, compile, true);
    }

    /**
     * @param lanes the threads a compiled plan runs on
     * @param compile whether to compile the graph; without, every step runs in SameDiff's session
     * @param shareMemory whether a compiled plan's arrays whose lifetimes do not overlap share a
     *     buffer ({@link MemoryPlanner})
     */
    GraphStep(VaeGraph graph, int lanes, boolean compile, boolean shareMemory) {
        this.graph = graph;
        this.lanes = lanes;
        SameDiffGraphs.createGradients(graph.sameDiff());
        List<String> names = new ArrayList<>(List.of(VaeGraph.LOSS, VaeGraph.RECON_LOSS, VaeGraph.KL_MEAN));
        names.addAll(graph.familyMetrics());
        this.outputs = List.copyOf(names);
        this.parameters = graph.parameterNames();
        List<String> wanted = new ArrayList<>(outputs);
        parameters.forEach(parameter -> wanted.add(gradientName(parameter)));
        this.plans = compile ? new CompiledPlans(graph.sameDiff().getFunction(SameDiffGraphs.GRADIENT_FUNCTION),
                wanted, lanes, shareMemory) : null;
    }

    /**
     * {@inheritDoc} Through the compiled plan, the gradient arrays are the plan's own, overwritten
     * by the next call; through SameDiff's session, the previous call's gradient arrays are freed
     * first ({@link HostArrays#free}).
     */
    @Override
    public Outcome compute(TrainingBatch batch) {
        Map<String, INDArray> feed = batch.feed();
        CompiledGraph plan = plans == null ? null : plans.run(feed);
        Map<String, INDArray> measured;
        Map<String, INDArray> gradients;
        if (plan != null) {
            measured = new HashMap<>();
            outputs.forEach(name -> measured.put(name, plan.value(name)));
            gradients = new LinkedHashMap<>();
            for (String parameter : parameters) {
                gradients.put(parameter, plan.value(gradientName(parameter)));
            }
        } else {
            HostArrays.free(lastGradients.values());
            OutAndGrad result = graph.sameDiff().calculateGradientsAndOutputs(feed, outputs, parameters);
            measured = result.getOutputs();
            gradients = result.getGradients();
            lastGradients = gradients;
        }
        Map<String, Double> familyMetrics = new LinkedHashMap<>();
        for (String name : graph.familyMetrics()) {
            familyMetrics.put(name.substring(VaeGraph.FAMILY_METRIC.length()), measured.get(name).getDouble(0));
        }
        StepValues values = new StepValues(measured.get(VaeGraph.LOSS).getDouble(0),
                measured.get(VaeGraph.RECON_LOSS).getDouble(0), measured.get(VaeGraph.KL_MEAN).getDouble(0),
                batch.weighting(), familyMetrics);
        if (plan == null) {
            HostArrays.free(measured.values());
        }
        return new Outcome(values, gradients);
    }

    private String gradientName(String parameter) {
        SameDiff sd = graph.sameDiff();
        return sd.getVariable(parameter).getGradient().name();
    }

    @Override
    public int threads() {
        return lanes;
    }

    @Override
    public String kind() {
        return plans != null && plans.compilable() ? COMPILED : SESSION;
    }
}
