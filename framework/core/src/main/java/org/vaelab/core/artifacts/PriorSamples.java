package org.vaelab.core.artifacts;

import java.awt.image.BufferedImage;
import java.util.stream.IntStream;

/**
 * {@code images/samples.png}: the decoder's mean at 128 latent codes drawn from the model's prior,
 * 16 per row; for a model conditioned on labels, one row of 16 per class, row c decoded with
 * label c (p(x|z, y = c), Sohn, Lee and Yan 2015).
 */
final class PriorSamples {

    static final String PATH = "images/samples.png";
    private static final int COLUMNS = 16;
    private static final int COUNT = 128;

    private PriorSamples() {
    }

    static Figure figure(FigureInputs inputs) {
        return Figure.png(PATH, grid(inputs));
    }

    /** The samples, undecorated. */
    static BufferedImage grid(FigureInputs inputs) {
        int classes = inputs.model().conditioningClasses();
        int count = classes > 0 ? classes * COLUMNS : COUNT;
        int[] labels = classes > 0 ? IntStream.range(0, count).map(i -> i / COLUMNS).toArray() : null;
        float[] samples = inputs.model().decoderMeans(inputs.priorDraws(count), labels, count);
        return ImageGrid.render(samples, count, inputs.shape(), COLUMNS);
    }
}
