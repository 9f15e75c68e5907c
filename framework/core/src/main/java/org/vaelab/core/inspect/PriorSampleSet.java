package org.vaelab.core.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.vaelab.core.artifacts.GraphLatentModel;
import org.vaelab.core.artifacts.ImageGrid;
import org.vaelab.core.run.AtomicFile;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.core.train.GeneratorGraph;
import org.vaelab.core.train.PriorSampler;
import org.vaelab.spi.data.DataShape;

/**
 * Samples of a trained run's generative model: latent codes z drawn from the model's prior p(z) and the
 * decoder's mean of p(x|z) at each (Kingma and Welling 2014, section 3), as in the run's
 * {@code images/samples.png}; for a model conditioned on labels, the mean of p(x|z, y) with a
 * label y for each sample (Sohn, Lee and Yan 2015).
 *
 * @param codes the codes, {@code [count, latentDim]} row-major
 * @param labels the label each code was decoded with, or null for a model not conditioned on labels
 * @param means the decoder's means, {@code [count, D]} row-major
 * @param count how many samples
 * @param shape the shape of one example
 */
public record PriorSampleSet(float[] codes, int[] labels, float[] means, int count, DataShape shape) {

    /**
     * {@code count} samples, the codes drawn from a generator seeded with {@code seed}. A model
     * conditioned on labels decodes them all with {@code label} when given, otherwise the classes
     * in order, in equal consecutive shares.
     *
     * @throws IllegalArgumentException when a label is given for a model not conditioned on
     *     labels, or is not one of its classes
     */
    public static PriorSampleSet of(TrainedRun run, int count, long seed, OptionalInt label) {
        int classes = run.parts().conditioning().classes();
        if (label.isPresent() && (label.getAsInt() < 0 || label.getAsInt() >= classes)) {
            throw new IllegalArgumentException(classes == 0 ? "the model is not conditioned on labels"
                    : "label " + label.getAsInt() + " is not one of the model's classes, 0 to " + (classes - 1));
        }
        int[] labels = classes == 0 ? null
                : IntStream.range(0, count).map(i -> label.orElse((int) ((long) i * classes / count))).toArray();
        float[] codes = PriorSampler.of(run.graph(), run.parts()).draw(count, new SplittableRandom(seed));
        float[] means = GraphLatentModel.of(run.graph(), GeneratorGraph.of(run.graph(), run.parts()))
                .decoderMeans(codes, labels, count);
        return new PriorSampleSet(codes, labels, means, count, run.shape());
    }

    /** Writes the samples as an image grid, {@code ceil(sqrt(count))} to a row; image data only. */
    public void writePng(Path target) throws IOException {
        int columns = (int) Math.ceil(Math.sqrt(count));
        AtomicFile.write(target, file -> {
            if (!ImageIO.write(ImageGrid.render(means, count, shape, columns), "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Writes {@code label} (for a model conditioned on labels), {@code z0 .. z(d-1), x0 .. x(D-1)} per sample. */
    public void writeCsv(Path target) throws IOException {
        int latent = codes.length / count;
        int width = shape.size();
        List<String> header = new ArrayList<>();
        if (labels != null) {
            header.add("label");
        }
        header.addAll(CsvTable.numbered("z", latent));
        header.addAll(CsvTable.numbered("x", width));
        CsvTable.write(target, header, count, i -> {
            List<Object> row = new ArrayList<>();
            if (labels != null) {
                row.add(labels[i]);
            }
            for (int j = 0; j < latent; j++) {
                row.add(codes[i * latent + j]);
            }
            for (int j = 0; j < width; j++) {
                row.add(means[i * width + j]);
            }
            return row;
        });
    }
}
