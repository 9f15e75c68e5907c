package org.vaelab.plugins.data.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.vaelab.spi.InvalidInputException;

/**
 * Reads NumPy's {@code .npy} format ({@code numpy.lib.format}; NEP 1, "A Simple File Format for
 * NumPy Arrays"): the magic string {@code \x93NUMPY}, a major and a minor version byte (1.0, 2.0
 * or 3.0), the header's length (a little-endian {@code uint16} in version 1, {@code uint32} in 2 and
 * 3), the header ({@link NpyHeader}; Latin-1 text, UTF-8 in version 3), then the elements, C order,
 * nothing after them. The header is read first, so that a caller can refuse an array by its type
 * or shape before its data is read.
 */
final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy itself refuses headers over 10,000 bytes unless told otherwise; this reader allows far more. */
    private static final int MAX_HEADER = 1 << 20;
    /** The most elements a Java array reliably holds. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int CHUNK = 1 << 16;

    private NpyReader() {
    }

    /**
     * Reads the magic string, the version and the header.
     *
     * @param source the array, for messages ({@code images.npy}, {@code data.npz[x_train]})
     * @throws InvalidInputException when the bytes are not a {@code .npy} header of a version this
     *     reader knows
     */
    static NpyHeader header(InputStream in, String source) throws IOException {
        byte[] preamble = in.readNBytes(MAGIC.length + 2);
        if (preamble.length < MAGIC.length || !Arrays.equals(preamble, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new InvalidInputException(source + " is not a NumPy .npy array: it does not start with the magic "
                    + "string \\x93NUMPY");
        }
        if (preamble.length < MAGIC.length + 2) {
            throw new InvalidInputException(source + " is truncated: it ends inside the .npy header");
        }
        int major = preamble[MAGIC.length];
        int minor = preamble[MAGIC.length + 1];
        if (major < 1 || major > 3 || minor != 0) {
            throw new InvalidInputException(source + " is a .npy file of format version " + Byte.toUnsignedInt(
                    preamble[MAGIC.length]) + "." + Byte.toUnsignedInt(preamble[MAGIC.length + 1])
                    + ", which this reader does not know (it reads 1.0, 2.0 and 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new InvalidInputException(source + " is truncated: it ends inside the .npy header");
        }
        ByteBuffer length = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? Short.toUnsignedInt(length.getShort())
                : Integer.toUnsignedLong(length.getInt());
        if (headerLength > MAX_HEADER) {
            throw new InvalidInputException(source + ": its .npy header claims " + headerLength + " bytes, more than "
                    + "the " + MAX_HEADER + " this reader allows");
        }
        byte[] text = in.readNBytes((int) headerLength);
        if (text.length < headerLength) {
            throw new InvalidInputException(source + " is truncated: it ends inside the .npy header");
        }
        return NpyHeader.parse(new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1),
                source).at(MAGIC.length + 2L + lengthBytes + headerLength);
    }

    /**
     * The examples of a one-byte array ({@code bool}, {@code uint8}), {@code width} values each, in
     * VAELab's order: bits while they are 0 and 1, bytes from there on ({@link ByteValues}). Not
     * bounded by the size of one Java array.
     *
     * @param fileOrder for each value of an example in VAELab's order, its index in the file's example
     * @param available the bytes the file holds after the header, or -1 when unknown: fewer than
     *     the header declares are refused before anything is allocated
     */
    static ByteValues byteValues(InputStream in, NpyHeader header, String source, long available, int[] fileOrder)
            throws IOException {
        if (header.type().size() != 1) {
            throw new IllegalArgumentException(header.type() + " is not a one-byte type");
        }
        long count;
        try {
            count = header.count();
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (header.shape()[0] > MAX_ELEMENTS || count / Long.SIZE > MAX_ELEMENTS) {
            throw new InvalidInputException(source + ": its shape " + header.describeShape() + " holds more than the "
                    + MAX_ELEMENTS + " examples or " + MAX_ELEMENTS * Long.SIZE
                    + " values this reader takes");
        }
        if (available >= 0 && count > available) {
            throw truncated(header, source, available);
        }
        ByteValues values = ByteValues.read(in, Math.toIntExact(header.shape()[0]), fileOrder,
                read -> truncated(header, source, read));
        requireEnd(in, header, source);
        return values;
    }

    /**
     * The elements of a float type, as floats ({@code float64} rounded to the nearest float);
     * {@code available} as for {@link #byteValues}.
     */
    static float[] floats(InputStream in, NpyHeader header, String source, long available) throws IOException {
        NpyType type = header.type();
        if (!type.isFloat()) {
            throw new IllegalArgumentException(type + " is not a float type");
        }
        float[] values = new float[elements(header, source, available)];
        read(in, header, source, values.length, (buffer, offset, count) -> {
            if (type == NpyType.FLOAT32) {
                buffer.asFloatBuffer().get(values, offset, count);
            } else {
                for (int i = 0; i < count; i++) {
                    values[offset + i] = (float) buffer.getDouble(i * Double.BYTES);
                }
            }
        });
        return values;
    }

    /**
     * The elements of an integer or boolean type, as longs; see {@link #byteValues}.
     *
     * @throws InvalidInputException for a {@code uint64} value beyond {@code Long.MAX_VALUE}
     */
    static long[] integers(InputStream in, NpyHeader header, String source, long available) throws IOException {
        NpyType type = header.type();
        if (!type.isInteger()) {
            throw new IllegalArgumentException(type + " is not an integer type");
        }
        long[] values = new long[elements(header, source, available)];
        read(in, header, source, values.length, (buffer, offset, count) -> {
            for (int i = 0; i < count; i++) {
                values[offset + i] = integer(buffer, i * type.size(), type);
                if (type == NpyType.UINT64 && values[offset + i] < 0) {
                    throw new InvalidInputException(source + ": element " + (offset + i) + " is "
                            + Long.toUnsignedString(values[offset + i]) + ", beyond the integers this reader takes");
                }
            }
        });
        return values;
    }

    /** The elements of a numeric type (integer, boolean or float), as doubles; see {@link #integers}. */
    static double[] numbers(InputStream in, NpyHeader header, String source, long available) throws IOException {
        NpyType type = header.type();
        double[] values = new double[elements(header, source, available)];
        read(in, header, source, values.length, (buffer, offset, count) -> {
            for (int i = 0; i < count; i++) {
                int at = i * type.size();
                values[offset + i] = switch (type) {
                    case FLOAT32 -> buffer.getFloat(at);
                    case FLOAT64 -> buffer.getDouble(at);
                    case UINT64 -> Double.parseDouble(Long.toUnsignedString(buffer.getLong(at)));
                    default -> integer(buffer, at, type);
                };
            }
        });
        return values;
    }

    private static long integer(ByteBuffer buffer, int at, NpyType type) {
        return switch (type) {
            case BOOL, UINT8 -> Byte.toUnsignedLong(buffer.get(at));
            case INT8 -> buffer.get(at);
            case UINT16 -> Short.toUnsignedLong(buffer.getShort(at));
            case INT16 -> buffer.getShort(at);
            case UINT32 -> Integer.toUnsignedLong(buffer.getInt(at));
            case INT32 -> buffer.getInt(at);
            case INT64, UINT64 -> buffer.getLong(at);
            default -> throw new IllegalArgumentException(type + " is not an integer type");
        };
    }

    /** What to do with each chunk: {@code count} elements from the buffer's start, at element {@code offset}. */
    @FunctionalInterface
    private interface Chunk {
        void accept(ByteBuffer buffer, int offset, int count);
    }

    private static void read(InputStream in, NpyHeader header, String source, int count, Chunk chunk)
            throws IOException {
        int size = header.type().size();
        byte[] bytes = new byte[CHUNK];
        int perChunk = CHUNK / size;
        for (int offset = 0; offset < count; offset += perChunk) {
            int elements = Math.min(perChunk, count - offset);
            int read = in.readNBytes(bytes, 0, elements * size);
            if (read < elements * size) {
                throw truncated(header, source, (long) offset * size + read);
            }
            chunk.accept(ByteBuffer.wrap(bytes, 0, read).order(header.order()), offset, elements);
        }
        requireEnd(in, header, source);
    }

    private static int elements(NpyHeader header, String source, long available) {
        long count;
        try {
            count = header.count();
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count > MAX_ELEMENTS) {
            throw new InvalidInputException(source + ": its shape " + header.describeShape() + " holds more than the "
                    + MAX_ELEMENTS + " values this reader takes from one array");
        }
        if (available >= 0 && count * header.type().size() > available) {
            throw truncated(header, source, available);
        }
        return (int) count;
    }

    private static InvalidInputException truncated(NpyHeader header, String source, long found) {
        return new InvalidInputException(source + " is truncated: its header declares " + header.typeName()
                + " values of shape " + header.describeShape() + ", " + header.count() * header.type().size()
                + " bytes of data, but it holds " + found);
    }

    private static void requireEnd(InputStream in, NpyHeader header, String source) throws IOException {
        if (in.read() != -1) {
            throw new InvalidInputException(source + " has data after the " + header.count() * header.type().size()
                    + " bytes its header declares (" + header.typeName() + ", shape " + header.describeShape() + ")");
        }
    }
}
