package org.vaelab.plugins.data.mnist;

import static org.vaelab.plugins.data.mnist.MnistTesting.TEST_IMAGES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TEST_LABELS;
import static org.vaelab.plugins.data.mnist.MnistTesting.TRAIN_IMAGES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TRAIN_LABELS;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A small MNIST-format dataset of 4x3 images written as the four IDX files: 20 training and
 * 8 test images, pixel {@code i} of a file being {@code (7 i + offset) mod 256} and label {@code i}
 * being {@code i mod 10}.
 */
final class SyntheticMnist {

    static final int ROWS = 4;
    static final int COLS = 3;
    static final int TRAIN = 20;
    static final int TEST = 8;
    static final int TEST_OFFSET = 100;

    private SyntheticMnist() {
    }

    /** Writes the four files, uncompressed, into {@code folder}. */
    static void write(Path folder) throws IOException {
        writeImages(folder.resolve(TRAIN_IMAGES), TRAIN, ROWS, COLS, pixels(TRAIN * ROWS * COLS, 0));
        writeLabels(folder.resolve(TRAIN_LABELS), labels(TRAIN));
        writeImages(folder.resolve(TEST_IMAGES), TEST, ROWS, COLS, pixels(TEST * ROWS * COLS, TEST_OFFSET));
        writeLabels(folder.resolve(TEST_LABELS), labels(TEST));
    }

    static void writeImages(Path file, int count, int rows, int cols, byte[] pixels) throws IOException {
        MnistTesting.writeIdx(file, 0x803, new int[] {count, rows, cols}, pixels);
    }

    static void writeLabels(Path file, byte[] labels) throws IOException {
        MnistTesting.writeIdx(file, 0x801, new int[] {labels.length}, labels);
    }

    static byte[] pixels(int count, int offset) {
        byte[] pixels = new byte[count];
        for (int i = 0; i < count; i++) {
            pixels[i] = (byte) (7 * i + offset);
        }
        return pixels;
    }

    static byte[] labels(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        return labels;
    }

    /** The grey level of pixel {@code index} of a file written with {@code offset}. */
    static float grey(int index, int offset) {
        return ((7 * index + offset) & 0xFF) / 255f;
    }
}
