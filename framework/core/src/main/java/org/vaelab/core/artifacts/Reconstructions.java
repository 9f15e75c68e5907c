package org.vaelab.core.artifacts;

import java.awt.image.BufferedImage;

/**
 * {@code images/reconstructions.png}: up to two blocks of 16 test images, each row of inputs above
 * the row of their reconstructions, the decoder's mean at the posterior mean (both with the
 * example's label for a conditional model).
 */
final class Reconstructions {

    static final String PATH = "images/reconstructions.png";
    private static final int COLUMNS = 16;
    private static final int BLOCKS = 2;

    private Reconstructions() {
    }

    static Figure figure(FigureInputs inputs) {
        return Figure.png(PATH, grid(inputs, BLOCKS));
    }

    /** Up to {@code maxBlocks} blocks of up to 16 test images and their reconstructions, undecorated. */
    static BufferedImage grid(FigureInputs inputs, int maxBlocks) {
        int size = inputs.shape().size();
        int columns = Math.min(COLUMNS, inputs.test().size());
        int blocks = Math.min(maxBlocks, inputs.test().size() / columns);
        int count = columns * blocks;
        float[] originals = inputs.testExamples(0, count);
        int[] labels = inputs.testLabels(0, count);
        float[] reconstructions = inputs.model().decoderMeans(inputs.model().posteriorMeans(originals, labels, count),
                labels, count);
        float[] grid = new float[2 * count * size];
        int rowLength = columns * size;
        for (int block = 0; block < blocks; block++) {
            System.arraycopy(originals, block * rowLength, grid, 2 * block * rowLength, rowLength);
            System.arraycopy(reconstructions, block * rowLength, grid, (2 * block + 1) * rowLength, rowLength);
        }
        return ImageGrid.render(grid, 2 * count, inputs.shape(), columns);
    }
}
