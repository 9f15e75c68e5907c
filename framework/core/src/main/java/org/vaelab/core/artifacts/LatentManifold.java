package org.vaelab.core.artifacts;

/**
 * {@code images/manifold.png}, for a 2-D latent space: the learned data manifold of Kingma and
 * Welling 2014 ("Auto-Encoding Variational Bayes", figure 4). Evenly spaced probabilities
 * 0.05 to 0.95 in each coordinate go through the inverse normal CDF ({@link NormalQuantile}) to a
 * 20 x 20 grid of z, and the decoder's mean is drawn at each: z0 grows to the right, z1 upwards.
 * A model conditioned on labels decodes every code with the first test example's label.
 */
final class LatentManifold {

    static final String PATH = "images/manifold.png";
    static final int SIDE = 20;
    private static final double LOWEST = 0.05;
    private static final double HIGHEST = 0.95;

    private LatentManifold() {
    }

    /** The manifold; the model's latent space must be 2-D. */
    static Figure figure(FigureInputs inputs) {
        if (inputs.latentDim() != 2) {
            throw new IllegalArgumentException("the manifold needs a 2-D latent space, not " + inputs.latentDim()
                    + "-D");
        }
        double[] quantiles = new double[SIDE];
        for (int i = 0; i < SIDE; i++) {
            quantiles[i] = NormalQuantile.of(LOWEST + (HIGHEST - LOWEST) * i / (SIDE - 1));
        }
        float[] codes = new float[SIDE * SIDE * 2];
        for (int row = 0; row < SIDE; row++) {
            for (int column = 0; column < SIDE; column++) {
                int offset = (row * SIDE + column) * 2;
                codes[offset] = (float) quantiles[column];
                codes[offset + 1] = (float) quantiles[SIDE - 1 - row];
            }
        }
        float[] images = inputs.model().decoderMeans(codes, inputs.testLabelRepeated(0, SIDE * SIDE), SIDE * SIDE);
        return Figure.png(PATH, ImageGrid.render(images, SIDE * SIDE, inputs.shape(), SIDE));
    }
}
