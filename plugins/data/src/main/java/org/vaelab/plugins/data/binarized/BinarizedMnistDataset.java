package org.vaelab.plugins.data.binarized;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;

/**
 * The fixed binarisation of MNIST of Larochelle and Murray (2011, "The Neural Autoregressive
 * Distribution Estimator", AISTATS), the data of most published log-likelihoods of binary MNIST:
 * each pixel sampled once to 0 or 1, split into 50,000 training, 10,000 validation and 10,000
 * test images, published as {@code binarized_mnist_train.amat}, {@code binarized_mnist_valid.amat}
 * and {@code binarized_mnist_test.amat} (text, one image of 784 values per line;
 * {@link AmatReader}). The splits are the files', unshuffled and unlabelled; the values are kept
 * as bits.
 */
public final class BinarizedMnistDataset implements Dataset {

    /** The files, in the order train, validation, test. */
    static final List<String> FILES = List.of(
            "binarized_mnist_train.amat", "binarized_mnist_valid.amat", "binarized_mnist_test.amat");
    /** Where they are published. */
    static final String SOURCE = "http://www.cs.toronto.edu/~larocheh/public/datasets/binarized_mnist/";
    private static final int SIDE = 28;

    private final BinarizedMnistConfig config;

    /** The dataset {@code config} describes. */
    public BinarizedMnistDataset(BinarizedMnistConfig config) {
        this.config = config;
    }

    @Override
    public DataSplits load(LoadContext context) throws IOException {
        Path folder = context.baseDirectory().resolve(config.path()).normalize();
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("binarised MNIST folder " + folder
                    + (Files.exists(folder) ? " is not a directory" : " does not exist") + "; it must hold "
                    + String.join(", ", FILES) + " (each optionally .gz), published at " + SOURCE);
        }
        AmatReader.Bits train = AmatReader.read(file(folder, FILES.get(0)), SIDE * SIDE);
        AmatReader.Bits valid = AmatReader.read(file(folder, FILES.get(1)), SIDE * SIDE);
        AmatReader.Bits test = AmatReader.read(file(folder, FILES.get(2)), SIDE * SIDE);
        DataSplit trainImages = first(train, config.trainLimit());
        DataSplit validImages = first(valid, 0);
        DataSplit fit;
        DataSplit validation;
        if (config.valid() == ValidSplit.TRAIN) {
            fit = concatenated(trainImages, validImages);
            validation = validImages.slice(0, 0);
        } else {
            fit = trainImages;
            validation = validImages;
        }
        return new DataSplits(fit, validation, first(test, config.testLimit()),
                DataShape.image(1, SIDE, SIDE, ValueRange.BINARY, 0), BatchTransform.IDENTITY);
    }

    /** The file {@code name} in {@code folder}, as it is or gzipped. */
    private static Path file(Path folder, String name) {
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gzipped = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gzipped)) {
            return gzipped;
        }
        throw new InvalidInputException(plain + " not found, nor " + name + ".gz; the binarised MNIST folder must "
                + "hold " + String.join(", ", FILES) + ", published at " + SOURCE);
    }

    private static DataSplit first(AmatReader.Bits images, int limit) {
        int count = limit == 0 ? images.images() : Math.min(limit, images.images());
        return DataSplit.ofBits(images.range(0, count), (long) count * images.width(), null, images.width());
    }

    private static DataSplit concatenated(DataSplit first, DataSplit second) {
        int width = first.width();
        long values = (long) (first.size() + second.size()) * width;
        long[] words = new long[Math.toIntExact((values + Long.SIZE - 1) / Long.SIZE)];
        float[] row = new float[width];
        long bit = 0;
        for (DataSplit split : List.of(first, second)) {
            for (int i = 0; i < split.size(); i++) {
                split.copyRow(i, row, 0);
                for (float value : row) {
                    if (value != 0) {
                        words[(int) (bit >>> 6)] |= 1L << (bit & 63);
                    }
                    bit++;
                }
            }
        }
        return DataSplit.ofBits(words, values, null, width);
    }
}
