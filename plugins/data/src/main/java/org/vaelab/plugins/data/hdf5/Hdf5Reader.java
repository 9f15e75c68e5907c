package org.vaelab.plugins.data.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vaelab.plugins.data.UnreadableFile;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.ValueRange;

/**
 * Reads named datasets of an HDF5 file (The HDF Group, HDF5 File Format Specification version 3)
 * with jHDF, a pure-Java reader, checking each against what a dataset of examples or of labels
 * must be. Images are stored channels last ({@code [N, H, W, C]}, as NumPy and h5py write them)
 * and are kept channels first ({@code [C, H, W]}, the data shape's layout).
 */
final class Hdf5Reader implements AutoCloseable {

    /** The most values one dataset may hold: the largest Java array. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /** About how many uint8 values one slice of examples reads. */
    private static final int SLICE_VALUES = 1 << 22;

    private final Path file;
    private final HdfFile hdf;

    /** Opens {@code file}; a missing file or one that is not HDF5 is bad input naming it. */
    Hdf5Reader(Path file) {
        this.file = file;
        if (!Files.exists(file)) {
            throw new InvalidInputException(file + " does not exist; expected an HDF5 file");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file + " is a directory, not an HDF5 file");
        }
        try {
            this.hdf = new HdfFile(file);
        } catch (HdfException e) {
            throw new InvalidInputException(file + " is not a readable HDF5 file: " + UnreadableFile.reason(e), e);
        }
    }

    /**
     * The examples of dataset {@code name}: uint8 as levels, one array per example, read a slice of
     * examples at a time (so a dataset of any size that fits the heap, such as 3D Shapes' 5.9
     * billion values); float32 and float64 as floats, whole (at most {@link #MAX_VALUES}).
     */
    ExampleArray examples(String name) {
        Dataset dataset = dataset(name);
        int[] shape = dataset.getDimensions();
        List<Integer> dims = exampleDims(name, shape);
        DataType type = dataset.getDataType();
        ChannelsFirst layout = ChannelsFirst.of(shape);
        if (isUnsignedByte(type)) {
            return new ExampleArray(dims, levelRows(dataset, shape, layout), ValueRange.UNIT_INTERVAL);
        }
        if (type instanceof FloatingPoint && (type.getSize() == Float.BYTES || type.getSize() == Double.BYTES)) {
            if (dataset.getSize() > MAX_VALUES) {
                throw new InvalidInputException(file + ": dataset " + name + " holds " + dataset.getSize()
                        + " float values; floats are read whole into one array of at most " + MAX_VALUES
                        + " values (uint8 levels have no such limit)");
            }
            Object stored = dataset.getDataFlat();
            float[] values = new float[Array.getLength(stored)];
            for (int i = 0; i < values.length; i++) {
                values[layout.index(i)] = (float) Array.getDouble(stored, i);
            }
            return new ExampleArray(dims, values, FloatRange.of(values, file + ": dataset " + name));
        }
        throw new InvalidInputException(file + ": dataset " + name + " holds " + describe(type)
                + "; expected uint8 (levels read as v/255), float32 or float64");
    }

    /** The uint8 examples of {@code dataset}, one array each in VAELab's order, read a slice at a time. */
    private static byte[][] levelRows(Dataset dataset, int[] shape, ChannelsFirst layout) {
        int count = shape[0];
        int width = Math.toIntExact(Arrays.stream(shape).skip(1).asLongStream().reduce(1, Math::multiplyExact));
        byte[][] rows = new byte[count][];
        int perSlice = Math.max(1, SLICE_VALUES / width);
        int[] stored = new int[perSlice * width];
        for (int start = 0; start < count; start += perSlice) {
            int examples = Math.min(perSlice, count - start);
            long[] offset = new long[shape.length];
            offset[0] = start;
            int[] sliceShape = shape.clone();
            sliceShape[0] = examples;
            flatten(dataset.getData(offset, sliceShape), stored, 0);
            for (int i = 0; i < examples; i++) {
                byte[] row = new byte[width];
                for (int k = 0; k < width; k++) {
                    row[layout.index(k)] = (byte) stored[i * width + k];
                }
                rows[start + i] = row;
            }
        }
        return rows;
    }

    /** Copies the integers of a nested array (as jHDF returns a slice) into {@code out} from {@code at}, row-major. */
    private static int flatten(Object array, int[] out, int at) {
        if (array instanceof int[] values) {
            System.arraycopy(values, 0, out, at, values.length);
            return at + values.length;
        }
        if (array.getClass().getComponentType().isPrimitive()) {
            int length = Array.getLength(array);
            for (int i = 0; i < length; i++) {
                out[at + i] = Array.getInt(array, i);
            }
            return at + length;
        }
        int next = at;
        for (Object inner : (Object[]) array) {
            next = flatten(inner, out, next);
        }
        return next;
    }

    /** The labels of dataset {@code name}, which must hold {@code count} integers of 0 or more. */
    int[] labels(String name, int count) {
        Dataset dataset = dataset(name);
        int[] shape = dataset.getDimensions();
        boolean column = shape.length == 1 || shape.length == 2 && shape[1] == 1;
        if (!column || shape[0] != count) {
            throw new InvalidInputException(file + ": labels " + name + " have shape " + Arrays.toString(shape)
                    + "; expected [" + count + "] or [" + count + ", 1], one label per example");
        }
        if (!(dataset.getDataType() instanceof FixedPoint)) {
            throw new InvalidInputException(file + ": labels " + name + " hold " + describe(dataset.getDataType())
                    + "; expected integers");
        }
        Object stored = dataset.getDataFlat();
        if (!stored.getClass().getComponentType().isPrimitive()) {
            throw new InvalidInputException(file + ": labels " + name + " hold " + describe(dataset.getDataType())
                    + ", which Java reads as big integers; expected integers of up to 64 bits, signed");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            long label = Array.getLong(stored, i);
            if (label < 0 || label > Integer.MAX_VALUE) {
                throw new InvalidInputException(file + ": label " + label + " of example " + i + " in " + name
                        + " is not a class number (0 or more)");
            }
            labels[i] = (int) label;
        }
        return labels;
    }

    /** The numbers of dataset {@code name}, {@code [count]} or {@code [count, F]}, as a table of {@code count} rows. */
    double[] table(String name, int count, String option) {
        Dataset dataset = dataset(name);
        int[] shape = dataset.getDimensions();
        if (shape.length < 1 || shape.length > 2 || shape[0] != count) {
            throw new InvalidInputException(file + ": " + option + " " + name + " has shape " + Arrays.toString(shape)
                    + "; expected [" + count + ", F], one row per example");
        }
        if (!(dataset.getDataType() instanceof FixedPoint || dataset.getDataType() instanceof FloatingPoint)) {
            throw new InvalidInputException(file + ": " + option + " " + name + " holds "
                    + describe(dataset.getDataType()) + "; expected numbers");
        }
        Object stored = dataset.getDataFlat();
        if (!stored.getClass().getComponentType().isPrimitive()) {
            throw new InvalidInputException(file + ": " + option + " " + name + " hold "
                    + describe(dataset.getDataType()) + ", which Java reads as big integers; expected numbers of up "
                    + "to 64 bits");
        }
        double[] values = new double[Array.getLength(stored)];
        Arrays.setAll(values, i -> Array.getDouble(stored, i));
        return values;
    }

    @Override
    public void close() {
        hdf.close();
    }

    private Dataset dataset(String name) {
        Node node;
        try {
            node = hdf.getByPath(name);
        } catch (HdfException e) {
            throw new InvalidInputException(file + " has no dataset " + name + "; its datasets: "
                    + String.join(", ", datasetPaths(hdf)));
        }
        if (!(node instanceof Dataset dataset)) {
            throw new InvalidInputException(file + ": " + name + " is a group, not a dataset; its datasets: "
                    + String.join(", ", datasetPaths(hdf)));
        }
        return dataset;
    }

    private List<Integer> exampleDims(String name, int[] shape) {
        if (Arrays.stream(shape).skip(1).anyMatch(side -> side <= 0)) {
            throw new InvalidInputException(file + ": dataset " + name + " has shape " + Arrays.toString(shape)
                    + "; every example needs at least one value");
        }
        if (shape.length == 2) {
            return List.of(shape[1]);
        }
        if (shape.length == 3) {
            return List.of(1, shape[1], shape[2]);
        }
        if (shape.length == 4 && (shape[3] == 1 || shape[3] == 3)) {
            return List.of(shape[3], shape[1], shape[2]);
        }
        throw new InvalidInputException(file + ": dataset " + name + " has shape " + Arrays.toString(shape)
                + "; expected [N, D] vectors, [N, H, W] grey images or [N, H, W, C] images with C 1 or 3");
    }

    private static boolean isUnsignedByte(DataType type) {
        return type instanceof FixedPoint fixed && fixed.getSize() == 1 && !fixed.isSigned();
    }

    private static String describe(DataType type) {
        String kind = type instanceof FixedPoint fixed ? (fixed.isSigned() ? "int" : "uint")
                : type instanceof FloatingPoint ? "float" : type.getClass().getSimpleName();
        return type instanceof FixedPoint || type instanceof FloatingPoint ? kind + type.getSize() * Byte.SIZE : kind;
    }

    private static List<String> datasetPaths(Group group) {
        List<String> paths = new ArrayList<>();
        for (Node node : group) {
            if (node instanceof Dataset) {
                paths.add(node.getPath());
            } else if (node instanceof Group child) {
                paths.addAll(datasetPaths(child));
            }
        }
        return paths;
    }
}
