package org.vaelab.testkit.contract;

import java.util.SplittableRandom;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;

/**
 * The data the model-part contracts train on: binary 16 x 16 images, each one of four random
 * prototypes with 5% of its pixels flipped, labelled with its prototype. A VAE learns them in a
 * few dozen steps, and their labels let a conditional model family be tested too.
 */
final class ContractData {

    static final int CLASSES = 4;
    static final DataShape SHAPE = DataShape.image(1, 16, 16, ValueRange.BINARY, CLASSES);
    private static final double FLIP = 0.05;

    private ContractData() {
    }

    /** 160 training, 32 validation and 32 test images, the same every time. */
    static DataSplits images() {
        SplittableRandom random = new SplittableRandom(2015);
        boolean[][] prototypes = new boolean[CLASSES][SHAPE.size()];
        for (boolean[] prototype : prototypes) {
            for (int i = 0; i < prototype.length; i++) {
                prototype[i] = random.nextBoolean();
            }
        }
        return new DataSplits(split(prototypes, 160, random), split(prototypes, 32, random),
                split(prototypes, 32, random), SHAPE, BatchTransform.IDENTITY);
    }

    private static DataSplit split(boolean[][] prototypes, int size, SplittableRandom random) {
        int width = SHAPE.size();
        float[] values = new float[size * width];
        int[] labels = new int[size];
        for (int n = 0; n < size; n++) {
            labels[n] = n % CLASSES;
            for (int i = 0; i < width; i++) {
                boolean on = prototypes[labels[n]][i] ^ random.nextDouble() < FLIP;
                values[n * width + i] = on ? 1f : 0f;
            }
        }
        return new DataSplit(values, labels, width);
    }
}
