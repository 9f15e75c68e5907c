package org.vaelab.core.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vaelab.core.artifacts.Figure;
import org.vaelab.core.artifacts.FigureInputs;
import org.vaelab.core.artifacts.Figures;
import org.vaelab.core.artifacts.GraphLatentModel;
import org.vaelab.core.train.GeneratorGraph;
import org.vaelab.core.train.PriorSampler;
import org.vaelab.core.train.VaeGraph;

/**
 * Writes the {@link Figures figures} of a trained model into its run directory, drawn from the test
 * split, the run's {@code metrics.csv}, and the run's picture stream for prior samples.
 */
final class Pictures {

    private Pictures() {
    }

    /**
     * Writes every figure; returns their paths relative to the run directory, in order.
     *
     * @param trained an evaluation graph (no dropout) of {@code model}
     * @param klPerDimension the mean KL of each latent dimension on the test split, nats
     * @param console where the drawing is shown while it lasts
     */
    static List<String> write(VaeGraph trained, Assembly model, double[] klPerDimension, RunDirectory directory,
            Console console) throws IOException {
        GeneratorGraph generator = GeneratorGraph.of(trained, model.parts());
        FigureInputs inputs = new FigureInputs(GraphLatentModel.of(trained, generator,
                PriorSampler.of(trained, model.parts())), model.data().shape(),
                model.data().test(), klPerDimension, model.streams().pictures(),
                directory.root().resolve(RunDirectory.METRICS), model.classNames());
        List<String> paths = new ArrayList<>();
        List<Figures.Drawing> drawings = Figures.drawings(inputs);
        try (Stage stage = console.stage("pictures", drawings.size(), "figures")) {
            for (Figures.Drawing drawing : drawings) {
                for (Figure figure : drawing.draw()) {
                    directory.write(figure.path(), figure.content()::writeTo);
                    paths.add(figure.path());
                }
                stage.advance(1);
            }
        }
        return paths;
    }
}
