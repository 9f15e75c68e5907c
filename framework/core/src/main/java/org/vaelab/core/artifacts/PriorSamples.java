package org.vaelab.core.artifacts;

/**
 * {@code images/samples.png}: the decoder's mean at 128 latent codes drawn from the prior N(0, I),
 * 16 per row.
 */
final class PriorSamples {

    static final String PATH = "images/samples.png";
    private static final int COLUMNS = 16;
    private static final int COUNT = 128;

    private PriorSamples() {
    }

    static Figure figure(FigureInputs inputs) {
        float[] samples = inputs.model().decoderMeans(inputs.priorDraws(COUNT), COUNT);
        return Figure.png(PATH, ImageGrid.render(samples, COUNT, inputs.shape(), COLUMNS));
    }
}
