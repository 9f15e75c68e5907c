package org.vaelab.core.run;

import java.awt.AWTError;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.vaelab.core.artifacts.Figure;
import org.vaelab.core.artifacts.FigureInputs;
import org.vaelab.core.artifacts.GraphLatentModel;
import org.vaelab.core.artifacts.TrainingSnapshots;
import org.vaelab.core.train.GeneratorGraph;
import org.vaelab.core.train.PriorSampler;
import org.vaelab.core.train.VaeGraph;

/**
 * The {@link TrainingSnapshots} of image data after each evaluated epoch ({@code eval.every_epochs}
 * and the last), written to {@value #FOLDER} of the run directory as {@code SERIES-epoch-NNNN.png}
 * and given to the trackers as image series at the epoch's global step. Prior samples decode the
 * same latent codes at every epoch: each snapshot takes a fresh generator of the run's picture
 * stream, which leaves the draws of the final figures as they were.
 */
final class TrainingPictures {

    /** The folder of the run directory that holds the snapshots. */
    static final String FOLDER = "images/training";

    private final Assembly model;
    private final RunDirectory directory;
    private final TrackerGroup tracker;
    private boolean failed;

    TrainingPictures(Assembly model, RunDirectory directory, TrackerGroup tracker) {
        this.model = model;
        this.directory = directory;
        this.tracker = tracker;
    }

    /**
     * Draws the snapshots of {@code evaluated} (an evaluation graph holding the weights after
     * {@code epoch}). A failure to draw (a missing font, say) is said once on {@code out} and ends
     * the snapshots of this run, which goes on.
     */
    void write(VaeGraph evaluated, int epoch, long step, PrintStream out) throws IOException {
        if (failed || !TrainingSnapshots.applies(model.data().shape())) {
            return;
        }
        Map<String, Figure> figures;
        try {
            figures = draw(evaluated, epoch);
        } catch (RuntimeException | AWTError e) {
            failed = true;
            out.println("warning: the pictures over training could not be drawn (" + e + "); training goes on");
            return;
        }
        for (Map.Entry<String, Figure> figure : figures.entrySet()) {
            tracker.logImage(directory.write(figure.getValue().path(), figure.getValue().content()::writeTo),
                    figure.getKey(), step);
        }
    }

    private Map<String, Figure> draw(VaeGraph evaluated, int epoch) {
        double[] unmeasured = new double[model.parts().latentDim()];
        Arrays.fill(unmeasured, Double.NaN);
        FigureInputs inputs = new FigureInputs(GraphLatentModel.of(evaluated, GeneratorGraph.of(evaluated,
                model.parts()), PriorSampler.of(evaluated, model.parts())), model.data().shape(), model.data().test(),
                unmeasured, model.streams().pictures(), directory.root().resolve(RunDirectory.METRICS),
                model.classNames());
        return TrainingSnapshots.draw(inputs, FOLDER, String.format(Locale.ROOT, "epoch-%04d", epoch));
    }
}
