package org.vaelab.plugins.data.npy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.vaelab.plugins.data.factors.FactorColumns;
import org.vaelab.plugins.data.grey.Dequantization;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;

/**
 * Examples from NumPy arrays ({@link NpyConfig}): vectors {@code [N, D]} or images
 * {@code [N, H, W]}, {@code [N, C, H, W]}, {@code [N, H, W, C]} (reordered to VAELab's
 * {@code [C, H, W]}), with optional integer labels. {@code uint8} values are grey levels, kept as
 * one byte each (one array per example) and read as {@code b / 255} (an array of only 0 and 1 is
 * binary, kept as bits, as are {@code bool} arrays); float arrays are taken as they are, as
 * floats. With a test array, the last {@code validation} of the (shuffled) training examples
 * validate; with one array, its (shuffled) examples train, then validate, then test.
 */
public final class NpyDataset implements Dataset {

    private final NpyConfig config;

    /** The dataset {@code config} describes. */
    public NpyDataset(NpyConfig config) {
        this.config = config;
    }

    /** How the values are kept. */
    private enum Kind { GREY, BITS, FLOATS }

    @Override
    public DataSplits load(LoadContext context) throws IOException {
        Path trainPath = context.baseDirectory().resolve(config.path()).normalize();
        Examples train;
        int[] trainLabels;
        FactorColumns factors = null;
        try (ArrayFile file = ArrayFile.open(trainPath, "data.path")) {
            train = Examples.read(file, config.key(), "data.key", config.layout());
            trainLabels = labels(file, config.labels(), "labels", train, context);
            if (config.factors() != null) {
                factors = factors(file, train, limit(train.count(), config.trainLimit()), context);
            }
        }
        Examples test = null;
        int[] testLabels = null;
        if (config.hasTestArray()) {
            Path testPath = config.testPath() == null ? trainPath
                    : context.baseDirectory().resolve(config.testPath()).normalize();
            String option = config.testPath() == null ? "data.path" : "data.test_path";
            try (ArrayFile file = ArrayFile.open(testPath, option)) {
                test = Examples.read(file, config.testKey(), "data.test_key", config.layout());
                testLabels = labels(file, config.testLabels(), "test_labels", test, context);
            }
            requireAlike(train, test);
        }
        int trainCount = limit(train.count(), config.trainLimit());
        int testCount = test == null ? 0 : limit(test.count(), config.testLimit());
        Kind kind = kind(train, trainCount, test, testCount);
        if (config.dequantize() != Dequantization.NONE && kind != Kind.GREY) {
            throw new InvalidInputException("dequantize: uniform dequantizes 8-bit grey levels, but " + train.source()
                    + " holds " + (kind == Kind.BITS ? "binary values (bool, or uint8 of only 0 and 1)"
                    : train.type() + " values") + "; leave dequantize out");
        }
        int classes = classes(trainLabels, trainCount, testLabels, testCount);

        SplittableRandom random = new SplittableRandom(context.seed());
        int[] order = order(trainCount, random.split());
        DataSplit fit;
        DataSplit validation;
        DataSplit held;
        if (test == null) {
            SplitSizes sizes = SplitSizes.of(trainCount, config.validation(), config.test())
                    .orElseThrow(() -> new InvalidInputException(train.source() + ": its " + trainCount
                            + " examples leave none to train on with validation " + config.validation() + " and test "
                            + config.test()));
            int validationStart = sizes.train();
            int testStart = validationStart + sizes.validation();
            fit = withFactors(split(train, kind, order, 0, validationStart, trainLabels), factors, order, 0);
            validation = withFactors(split(train, kind, order, validationStart, testStart, trainLabels), factors,
                    order, validationStart);
            held = withFactors(split(train, kind, order, testStart, trainCount, trainLabels), factors, order,
                    testStart);
        } else {
            int validationCount = config.validation().of(trainCount);
            if (validationCount >= trainCount) {
                throw new InvalidInputException("validation (" + config.validation()
                        + (config.validation().isFraction() ? ", " + validationCount + " examples" : "")
                        + ") must be smaller than the " + trainCount + " training examples used from "
                        + train.source());
            }
            fit = split(train, kind, order, 0, trainCount - validationCount, trainLabels);
            validation = split(train, kind, order, trainCount - validationCount, trainCount, trainLabels);
            held = split(test, kind, order(testCount, null), 0, testCount, testLabels);
        }
        Dequantization dequantize = config.dequantize();
        BatchTransform transform = dequantize.trainTransform();
        // One independent stream per split, so the test values do not depend on the validation size.
        validation = dequantize.once(validation, random.split());
        held = dequantize.once(held, random.split());
        DataShape shape = new DataShape(train.dims(), range(kind, train, trainCount, test, testCount), classes);
        return new DataSplits(fit, validation, held, dequantize.shape(shape), transform);
    }

    /** The labels {@code labels} names: a key of an archive, or a {@code .npy} file beside a {@code .npy} one. */
    private int[] labels(ArrayFile file, String labels, String option, Examples examples, LoadContext context)
            throws IOException {
        if (labels == null) {
            return null;
        }
        if (file.isArchive()) {
            return Labels.read(file, labels, "data." + option, examples);
        }
        Path path = context.baseDirectory().resolve(labels).normalize();
        try (ArrayFile labelFile = ArrayFile.open(path, "data." + option + ", a .npy file of labels since "
                + file.path() + " is a .npy array")) {
            return Labels.read(labelFile, null, "data." + option, examples);
        }
    }

    /** The factors {@code factors} names, of the first {@code count} examples; as {@link #labels}. */
    private FactorColumns factors(ArrayFile file, Examples examples, int count, LoadContext context)
            throws IOException {
        if (file.isArchive()) {
            return FactorArray.read(file, config.factors(), "data.factors", examples, count, config.factorNames());
        }
        Path path = context.baseDirectory().resolve(config.factors()).normalize();
        try (ArrayFile factorFile = ArrayFile.open(path, "data.factors, a .npy file of factors since " + file.path()
                + " is a .npy array")) {
            return FactorArray.read(factorFile, null, "data.factors", examples, count, config.factorNames());
        }
    }

    /** {@code split}, the examples {@code order[from..]}, with their factors when there are any. */
    private static DataSplit withFactors(DataSplit split, FactorColumns factors, int[] order, int from) {
        return factors == null ? split : split.withFactors(factors.rows(order, from, from + split.size()));
    }

    /** Refuses a test array whose examples differ from the training ones in shape or in kind of value. */
    private static void requireAlike(Examples train, Examples test) {
        if (!train.dims().equals(test.dims())) {
            throw new InvalidInputException(test.source() + " holds examples of shape " + test.dims() + " but "
                    + train.source() + " of shape " + train.dims() + " (as [C, H, W] images or [D] vectors)");
        }
        if (train.type() != test.type() && !(train.type().isFloat() && test.type().isFloat())) {
            throw new InvalidInputException(test.source() + " holds " + test.type() + " values but " + train.source()
                    + " holds " + train.type() + " values; save them alike");
        }
    }

    private static Kind kind(Examples train, int trainCount, Examples test, int testCount) {
        if (!train.isBytes()) {
            return Kind.FLOATS;
        }
        return train.bytes().binaryUpTo(trainCount) && (test == null || test.bytes().binaryUpTo(testCount))
                ? Kind.BITS : Kind.GREY;
    }

    /** What the values the model sees are: grey levels and bits as such, floats by what they hold. */
    private static ValueRange range(Kind kind, Examples train, int trainCount, Examples test, int testCount) {
        return switch (kind) {
            case GREY -> ValueRange.UNIT_INTERVAL;
            case BITS -> ValueRange.BINARY;
            case FLOATS -> {
                ValueRange range = range(train.floats(), trainCount * train.width());
                ValueRange testRange = test == null ? ValueRange.BINARY
                        : range(test.floats(), testCount * test.width());
                yield range.within(testRange) ? testRange : testRange.within(range) ? range : ValueRange.REAL;
            }
        };
    }

    private static ValueRange range(float[] values, int count) {
        ValueRange range = ValueRange.BINARY;
        for (int i = 0; i < count; i++) {
            float value = values[i];
            if (value < 0 || value > 1) {
                return ValueRange.REAL;
            }
            if (value != 0 && value != 1) {
                range = ValueRange.UNIT_INTERVAL;
            }
        }
        return range;
    }

    /** The number of classes: one more than the largest label used, 0 without labels. */
    private static int classes(int[] trainLabels, int trainCount, int[] testLabels, int testCount) {
        if (trainLabels == null) {
            return 0;
        }
        int largest = 0;
        for (int i = 0; i < trainCount; i++) {
            largest = Math.max(largest, trainLabels[i]);
        }
        for (int i = 0; testLabels != null && i < testCount; i++) {
            largest = Math.max(largest, testLabels[i]);
        }
        return largest + 1;
    }

    /** {@code 0..count-1}, shuffled (Fisher-Yates) when {@code random} is given and the config shuffles. */
    private int[] order(int count, SplittableRandom random) {
        int[] order = new int[count];
        Arrays.setAll(order, i -> i);
        if (random != null && config.shuffle()) {
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    /** Examples {@code order[from..to)} of {@code examples} as a split, kept as {@code kind} says. */
    private static DataSplit split(Examples examples, Kind kind, int[] order, int from, int to, int[] allLabels) {
        int width = examples.width();
        int rows = to - from;
        int[] labels = allLabels == null ? null : new int[rows];
        for (int r = 0; r < rows && labels != null; r++) {
            labels[r] = allLabels[order[from + r]];
        }
        long values = (long) rows * width;
        switch (kind) {
            case GREY -> {
                byte[][] out = new byte[rows][];
                for (int r = 0; r < rows; r++) {
                    out[r] = examples.bytes().row(order[from + r]);
                }
                return DataSplit.ofByteRows(out, labels, width);
            }
            case BITS -> {
                long[] words = new long[Math.toIntExact((values + Long.SIZE - 1) / Long.SIZE)];
                for (int r = 0; r < rows; r++) {
                    examples.bytes().copyBits(order[from + r], words, (long) r * width);
                }
                return DataSplit.ofBits(words, values, labels, width);
            }
            default -> {
                int[] fileOrder = examples.fileOrder();
                float[] out = new float[Math.toIntExact(values)];
                for (int r = 0; r < rows; r++) {
                    int source = order[from + r] * width;
                    for (int k = 0; k < width; k++) {
                        out[r * width + k] = examples.floats()[source + fileOrder[k]];
                    }
                }
                return new DataSplit(out, labels, width);
            }
        }
    }

    private static int limit(int count, int limit) {
        return limit == 0 ? count : Math.min(count, limit);
    }
}
