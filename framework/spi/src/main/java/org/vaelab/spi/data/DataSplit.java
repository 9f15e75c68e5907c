package org.vaelab.spi.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One split of a dataset held in memory: {@code size} examples of {@code width} values each,
 * row-major, kept as floats, as grey-level bytes ({@link #ofBytes}, {@link #ofByteRows}) or as bits
 * ({@link #ofBits}),
 * and read as floats by {@link #copyRow}; optional integer labels, and an optional named
 * annotation: one number per example that is not an input of the model but describes the example,
 * such as the Swiss roll's roll parameter t, by which plots colour the examples when there are no
 * labels; and, for data generated from known factors of variation, an optional {@link FactorTable}
 * giving every example's factors, against which disentanglement metrics judge a model's codes.
 */
public final class DataSplit {

    private final RowStore features;
    private final int[] labels;
    private final int size;
    private final int width;
    private String annotationName;
    private double[] annotation;
    private FactorTable factors;

    /**
     * @param features {@code size * width} values, row-major; not copied
     * @param labels one label per example, or null when the data has none; not copied
     * @param width the number of values per example
     */
    public DataSplit(float[] features, int[] labels, int width) {
        this(new RowStore.Floats(features), labels, width);
    }

    private DataSplit(RowStore features, int[] labels, int width) {
        if (width <= 0 || features.length() % width != 0) {
            throw new IllegalArgumentException(features.length() + " values do not form rows of " + width);
        }
        this.features = features;
        this.width = width;
        this.size = Math.toIntExact(features.length() / width);
        if (labels != null && labels.length != size) {
            throw new IllegalArgumentException(labels.length + " labels for " + size + " examples");
        }
        this.labels = labels;
    }

    /**
     * A split of grey levels kept as one unsigned byte per value, value {@code b} read as
     * {@code b / 255}: a quarter of the memory of floats.
     *
     * @param levels {@code size * width} grey levels, row-major; not copied
     * @param labels one label per example, or null; not copied
     * @param width the number of values per example
     */
    public static DataSplit ofBytes(byte[] levels, int[] labels, int width) {
        return new DataSplit(new RowStore.Bytes(levels), labels, width);
    }

    /**
     * A split of grey levels kept as one unsigned byte per value in one array per example, value
     * {@code b} read as {@code b / 255}: as {@link #ofBytes}, but not bounded by the size of one
     * Java array, so that a large image set (200,000 RGB images of 64 x 64: 2.5 GB) fits in one split.
     *
     * @param rows one array of {@code width} grey levels per example; not copied
     * @param labels one label per example, or null; not copied
     * @param width the number of values per example
     */
    public static DataSplit ofByteRows(byte[][] rows, int[] labels, int width) {
        return new DataSplit(new RowStore.ByteRows(rows, width), labels, width);
    }

    /**
     * A split of binary values kept as one bit per value: value {@code i} (row-major) is bit
     * {@code i % 64} of {@code words[i / 64]}, read as 0 or 1.
     *
     * @param words the bits; not copied
     * @param values the number of values, {@code size * width}
     * @param labels one label per example, or null; not copied
     * @param width the number of values per example
     */
    public static DataSplit ofBits(long[] words, long values, int[] labels, int width) {
        return new DataSplit(new RowStore.Bits(words, values), labels, width);
    }

    /**
     * This split with an annotation.
     *
     * @param name what the values are, for plot legends (such as {@code roll parameter t})
     * @param values one value per example; not copied
     */
    public DataSplit annotated(String name, double[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException(values.length + " annotation values for " + size + " examples");
        }
        DataSplit annotated = copy();
        annotated.annotationName = Objects.requireNonNull(name, "name");
        annotated.annotation = values;
        return annotated;
    }

    /**
     * This split with the ground-truth factors of its examples.
     *
     * @param table one row of factor indices per example
     */
    public DataSplit withFactors(FactorTable table) {
        if (table.size() != size) {
            throw new IllegalArgumentException(table.size() + " rows of factors for " + size + " examples");
        }
        DataSplit withFactors = copy();
        withFactors.factors = table;
        return withFactors;
    }

    /** The ground-truth factors of the examples, if the data was generated from known factors. */
    public Optional<FactorTable> factors() {
        return Optional.ofNullable(factors);
    }

    private DataSplit copy() {
        DataSplit copy = new DataSplit(features, labels, width);
        copy.annotationName = annotationName;
        copy.annotation = annotation;
        copy.factors = factors;
        return copy;
    }

    /** The name of the annotation, if the split has one. */
    public Optional<String> annotationName() {
        return Optional.ofNullable(annotationName);
    }

    /**
     * The annotation of example {@code index}.
     *
     * @throws IllegalStateException when the split has no annotation
     */
    public double annotation(int index) {
        if (annotation == null) {
            throw new IllegalStateException("the split has no annotation");
        }
        return annotation[index];
    }

    /** The number of examples. */
    public int size() {
        return size;
    }

    /** The number of values per example. */
    public int width() {
        return width;
    }

    /** Copies example {@code index} into {@code target} at row {@code row}. */
    public void copyRow(int index, float[] target, int row) {
        features.copy((long) index * width, target, row * width, width);
    }

    /** The label of example {@code index}, if the split has labels. */
    public Optional<Integer> label(int index) {
        return labels == null ? Optional.empty() : Optional.of(labels[index]);
    }

    /** Whether the split has labels. */
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * Feeds every value (as the IEEE-754 bits of the float it is read as, big-endian) and every
     * label to {@code digest}, in order: the same values give the same digest however they are kept.
     */
    public void updateDigest(MessageDigest digest) {
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * width);
        float[] values = new float[width];
        for (int row = 0; row < size; row++) {
            copyRow(row, values, 0);
            bytes.clear();
            bytes.asFloatBuffer().put(values);
            digest.update(bytes.array());
        }
        if (labels != null) {
            ByteBuffer labelBytes = ByteBuffer.allocate(Integer.BYTES * labels.length);
            labelBytes.asIntBuffer().put(labels);
            digest.update(labelBytes.array());
        }
    }

    /** Examples {@code [from, to)} as a new split, kept as this one is (copies the values). */
    public DataSplit slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        RowStore part = features.range((long) from * width, (long) to * width);
        int[] partLabels = labels == null ? null : Arrays.copyOfRange(labels, from, to);
        DataSplit slice = new DataSplit(part, partLabels, width);
        if (annotation != null) {
            slice = slice.annotated(annotationName, Arrays.copyOfRange(annotation, from, to));
        }
        return factors == null ? slice : slice.withFactors(factors.slice(from, to));
    }
}
