package org.vaelab.plugins.data.npy;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vaelab.spi.InvalidInputException;

/**
 * The examples of one array, as read: {@code count} examples of {@code dims} values each, kept
 * as the values of a {@code uint8} or {@code bool} array (in VAELab's order) or as floats (in the
 * file's order), and how each example's values are ordered in the file.
 *
 * @param source the array, for messages
 * @param type its element type: {@code uint8}, {@code bool}, {@code float32} or {@code float64}
 * @param count the number of examples
 * @param dims the shape of one example as VAELab takes it: {@code [D]} for vectors,
 *     {@code [C, H, W]} for images
 * @param channelsLast whether the file holds each image as {@code [H, W, C]}, to be reordered to
 *     {@code [C, H, W]}
 * @param bytes the values of a {@code uint8} or {@code bool} array, else null
 * @param floats the values of a float array, else null
 */
record Examples(String source, NpyType type, int count, List<Integer> dims, boolean channelsLast, ByteValues bytes,
                float[] floats) {

    /** The element types examples may have. */
    static final Set<NpyType> TYPES = EnumSet.of(NpyType.UINT8, NpyType.BOOL, NpyType.FLOAT32, NpyType.FLOAT64);
    private static final String SHAPES = "[N, D] vectors, or [N, H, W], [N, C, H, W] or [N, H, W, C] images";

    /**
     * Reads the examples of the array {@code key} names in {@code file}, refusing, before its data
     * is read, a type, an order or a shape they cannot have.
     *
     * @param option the spec's key that named the array, for messages
     */
    static Examples read(ArrayFile file, String key, String option, ImageLayout layout) throws IOException {
        return file.read(key, option, (header, in, source, available) -> {
            requireCOrder(header, source);
            if (header.type() == null || !TYPES.contains(header.type())) {
                throw new InvalidInputException(source + " holds " + header.typeName() + " values; examples must be "
                        + "uint8 (grey levels, scaled to [0, 1]), bool, float32 or float64"
                        + (header.type() != null && header.type().isInteger()
                                ? ": convert them, for example with a.astype(np.uint8) for grey levels 0..255 or "
                                        + "a.astype(np.float32)" : ""));
            }
            long[] shape = header.shape();
            if (shape.length < 2 || shape.length > 4) {
                throw new InvalidInputException(source + " has shape " + header.describeShape() + "; examples must be "
                        + SHAPES + (shape.length == 1 ? " (a 1-D array is one value per example: reshape it to "
                        + "[N, 1], or is it the labels?)" : ""));
            }
            if (shape[0] == 0) {
                throw new InvalidInputException(source + " has shape " + header.describeShape() + ": no examples");
            }
            for (int i = 1; i < shape.length; i++) {
                if (shape[i] == 0) {
                    throw new InvalidInputException(source + " has shape " + header.describeShape()
                            + ": examples of no values");
                }
            }
            ImageLayout resolved = shape.length == 4 ? layout.of(shape) : ImageLayout.NCHW;
            if (resolved == ImageLayout.AUTO) {
                throw new InvalidInputException(source + " has shape " + header.describeShape() + ", which does not "
                        + "say where its channels are (1, 3 or 4 of them, in the second or the last dimension); set "
                        + "layout: nchw for [N, C, H, W] or nhwc for [N, H, W, C]");
            }
            List<Integer> dims = dims(shape, resolved, source, header);
            if (header.type().isFloat()) {
                float[] values = NpyReader.floats(in, header, source, available);
                requireFinite(values, source, dims.stream().reduce(1, Math::multiplyExact));
                return new Examples(source, header.type(), (int) shape[0], dims, resolved == ImageLayout.NHWC, null,
                        values);
            }
            boolean channelsLast = resolved == ImageLayout.NHWC;
            return new Examples(source, header.type(), (int) shape[0], dims, channelsLast,
                    NpyReader.byteValues(in, header, source, available, fileOrder(dims, channelsLast)), null);
        });
    }

    /** Refuses an array in Fortran (column-major) order, saying how to write it in C order. */
    static void requireCOrder(NpyHeader header, String source) {
        if (header.fortranOrder()) {
            throw new InvalidInputException(source + " is in Fortran (column-major) order, which is not read: save it "
                    + "in C order, numpy.save(file, numpy.ascontiguousarray(a))");
        }
    }

    private static List<Integer> dims(long[] shape, ImageLayout layout, String source, NpyHeader header) {
        long size = 1;
        for (int i = 1; i < shape.length; i++) {
            size *= shape[i];
            if (size > NpyReader.MAX_ELEMENTS) {
                throw new InvalidInputException(source + " has shape " + header.describeShape()
                        + ": examples of more values than this reader takes");
            }
        }
        return switch (shape.length) {
            case 2 -> List.of((int) shape[1]);
            case 3 -> List.of(1, (int) shape[1], (int) shape[2]);
            default -> layout == ImageLayout.NCHW
                    ? List.of((int) shape[1], (int) shape[2], (int) shape[3])
                    : List.of((int) shape[3], (int) shape[1], (int) shape[2]);
        };
    }

    private static void requireFinite(float[] values, String source, int width) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InvalidInputException(source + ": value " + (i % width) + " of example " + (i / width)
                        + " is "
                        + values[i] + "; examples must be finite numbers");
            }
        }
    }

    /** The number of values of one example. */
    int width() {
        return dims.stream().reduce(1, Math::multiplyExact);
    }

    /** Whether the values are one byte each (a {@code uint8} or {@code bool} array). */
    boolean isBytes() {
        return bytes != null;
    }

    /**
     * For each value of an example in VAELab's order ({@code [C, H, W]}), its index in the file's
     * example: the identity but for images stored channels last.
     */
    int[] fileOrder() {
        return fileOrder(dims, channelsLast);
    }

    private static int[] fileOrder(List<Integer> dims, boolean channelsLast) {
        int width = dims.stream().reduce(1, Math::multiplyExact);
        int[] order = new int[width];
        if (!channelsLast) {
            for (int k = 0; k < width; k++) {
                order[k] = k;
            }
            return order;
        }
        int channels = dims.get(0);
        int height = dims.get(1);
        int columns = dims.get(2);
        for (int c = 0; c < channels; c++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < columns; w++) {
                    order[(c * height + h) * columns + w] = (h * columns + w) * channels + c;
                }
            }
        }
        return order;
    }
}
