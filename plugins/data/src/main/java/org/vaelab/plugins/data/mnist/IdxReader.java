package org.vaelab.plugins.data.mnist;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.vaelab.plugins.data.UnreadableFile;
import org.vaelab.spi.InvalidInputException;

/**
 * Reads IDX files of unsigned bytes, gzipped or not, as described on LeCun's MNIST page
 * (http://yann.lecun.com/exdb/mnist/, "File formats for the MNIST database"): a big-endian header
 * of the magic number {@code 0x000008NN} (type 0x08, unsigned byte; {@code NN} dimensions) and one
 * 32-bit size per dimension, then the values row-major. Gzip is recognised by its magic bytes
 * {@code 0x1f 0x8b}, not by the file name.
 */
final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int BUFFER = 1 << 16;
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /**
     * Reads {@code file}, which must hold an IDX array of unsigned bytes in {@code dimensions} dimensions.
     *
     * @param values what the values are ("pixels", "labels"), for messages
     * @throws InvalidInputException if the file is not such an array: wrong magic number, truncated,
     *     longer than its header says, or a broken gzip stream
     */
    static IdxArray read(Path file, int dimensions, String values) throws IOException {
        try (InputStream in = open(file)) {
            int[] dims = readHeader(in, file, dimensions);
            long expected = 1;
            for (int dim : dims) {
                expected *= dim;
                if (expected > MAX_VALUES) {
                    throw new InvalidInputException(file + ": header declares more than " + MAX_VALUES + " " + values);
                }
            }
            byte[] data = in.readNBytes((int) expected);
            if (data.length < expected) {
                throw new InvalidInputException(file + " is truncated: expected " + expected + " bytes of " + values
                        + " after the header, found " + data.length);
            }
            if (in.read() != -1) {
                throw new InvalidInputException(file + " has data after the " + expected + " bytes of " + values
                        + " its header declares");
            }
            return new IdxArray(dims, data);
        } catch (ZipException | EOFException e) {
            throw new InvalidInputException(
                    file + " is a corrupt or truncated gzip stream (" + UnreadableFile.reason(e) + ")", e);
        } catch (IOException e) {
            throw UnreadableFile.explain(file, "an IDX file", e).orElseThrow(() -> e);
        }
    }

    /** Opens {@code file} for reading its content, decompressing it if it starts with the gzip magic bytes. */
    static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzipped ? new GZIPInputStream(in, BUFFER) : in;
    }

    private static int[] readHeader(InputStream in, Path file, int dimensions) throws IOException {
        int length = 4 * (1 + dimensions);
        ByteBuffer header = ByteBuffer.wrap(in.readNBytes(length));
        int expectedMagic = UNSIGNED_BYTE << 8 | dimensions;
        if (header.limit() >= 4 && header.getInt(0) != expectedMagic) {
            throw new InvalidInputException(String.format("%s: magic number 0x%08X, expected 0x%08X, "
                    + "the IDX magic number of a %d-dimensional array of unsigned bytes",
                    file, header.getInt(0), expectedMagic, dimensions));
        }
        if (header.limit() < length) {
            throw new InvalidInputException(file + " is truncated: expected a " + length + "-byte IDX header, found "
                    + header.limit() + " bytes");
        }
        int[] dims = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            dims[i] = header.getInt(4 * (i + 1));
            if (dims[i] < 0) {
                throw new InvalidInputException(file + ": dimension " + i + " of the header is negative ("
                        + dims[i] + ")");
            }
        }
        return dims;
    }
}
