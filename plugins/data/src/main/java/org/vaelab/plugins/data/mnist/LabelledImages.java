package org.vaelab.plugins.data.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import org.vaelab.spi.InvalidInputException;

/**
 * Grey-level images with a class label each, read from an IDX image file (magic {@code 0x00000803})
 * and the matching IDX label file (magic {@code 0x00000801}).
 *
 * @param source the image file, for messages
 * @param rows the height of every image
 * @param cols the width of every image
 * @param pixels {@code count * rows * cols} unsigned bytes, 0 (background) to 255, row-major
 * @param labels one label per image
 */
record LabelledImages(Path source, int rows, int cols, byte[] pixels, int[] labels) {

    /** Reads and cross-checks an image file and its label file, whose labels must be below {@code classes}. */
    static LabelledImages read(Path imageFile, Path labelFile, int classes) throws IOException {
        IdxArray images = IdxReader.read(imageFile, 3, "pixels");
        int rows = images.dims()[1];
        int cols = images.dims()[2];
        if (rows == 0 || cols == 0 || (long) rows * cols > Integer.MAX_VALUE) {
            throw new InvalidInputException(imageFile + ": images of " + rows + "x" + cols
                    + " pixels are not usable; expected a positive size such as 28x28");
        }
        IdxArray labelArray = IdxReader.read(labelFile, 1, "labels");
        if (images.count() != labelArray.count()) {
            throw new InvalidInputException(imageFile + " holds " + images.count() + " images but " + labelFile
                    + " holds " + labelArray.count() + " labels");
        }
        int[] labels = new int[labelArray.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Byte.toUnsignedInt(labelArray.values()[i]);
            if (labels[i] >= classes) {
                throw new InvalidInputException(labelFile + ": label " + labels[i] + " of image " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        return new LabelledImages(imageFile, rows, cols, images.values(), labels);
    }

    /** The number of images. */
    int count() {
        return labels.length;
    }

    /** The number of pixels in one image. */
    int imageSize() {
        return rows * cols;
    }

    /** The grey levels of images {@code [from, to)}, scaled to [0, 1]. */
    float[] greyLevels(int from, int to) {
        float[] grey = new float[(to - from) * imageSize()];
        int offset = from * imageSize();
        for (int i = 0; i < grey.length; i++) {
            grey[i] = Byte.toUnsignedInt(pixels[offset + i]) / 255f;
        }
        return grey;
    }

    /** The images whose label is one of {@code classes}, in their order. */
    LabelledImages ofClasses(Collection<Integer> classes) {
        int size = imageSize();
        int[] keptLabels = Arrays.stream(labels).filter(classes::contains).toArray();
        byte[] keptPixels = new byte[keptLabels.length * size];
        int kept = 0;
        for (int i = 0; i < labels.length; i++) {
            if (classes.contains(labels[i])) {
                System.arraycopy(pixels, i * size, keptPixels, kept++ * size, size);
            }
        }
        return new LabelledImages(source, rows, cols, keptPixels, keptLabels);
    }

    /** The labels of images {@code [from, to)}. */
    int[] labels(int from, int to) {
        return Arrays.copyOfRange(labels, from, to);
    }
}
