package org.vaelab.plugins.data.binarized;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.vaelab.plugins.data.UnreadableFile;
import org.vaelab.spi.InvalidInputException;

/**
 * Reads the text format of the binarised MNIST files of Larochelle and Murray (2011) ({@code .amat}):
 * one image per line, its {@code width} values written {@code 0} or {@code 1}, separated by spaces
 * (tabs and trailing spaces allowed; blank lines skipped, as {@code numpy.loadtxt} skips them).
 * Gzipped files are recognised by their first two bytes.
 */
final class AmatReader {

    private static final int BUFFER = 1 << 16;
    /** The most values a Java array of bits can hold. */
    private static final long MAX_VALUES = (long) (Integer.MAX_VALUE - 8) * Long.SIZE;

    private AmatReader() {
    }

    /**
     * Reads {@code file}'s images as bits, value {@code i} (row-major) bit {@code i % 64} of word {@code i / 64}.
     *
     * @throws InvalidInputException when a line does not hold {@code width} values of 0 or 1, or the
     *     file holds no image
     */
    static Bits read(Path file, int width) throws IOException {
        try (InputStream in = open(file)) {
            Parser parser = new Parser(file, width);
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    parser.accept(buffer[i]);
                }
            }
            return parser.end();
        } catch (ZipException | EOFException e) {
            throw new InvalidInputException(file + " is a corrupt or truncated gzip stream ("
                    + UnreadableFile.reason(e) + ")", e);
        } catch (IOException e) {
            throw UnreadableFile.explain(file, "an .amat file", e).orElseThrow(() -> e);
        }
    }

    /** The state of reading a file byte by byte. */
    private static final class Parser {
        private final Path file;
        private final int width;
        private long[] words = new long[1024];
        private long values;
        private long line = 1;
        private int column;
        private int token;
        private int first;
        private int images;

        Parser(Path file, int width) {
            this.file = file;
            this.width = width;
        }

        void accept(int c) {
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                if (token == 0) {
                    first = c;
                }
                token++;
                return;
            }
            endToken();
            if (c == '\n') {
                endLine();
            }
        }

        Bits end() {
            endToken();
            endLine();
            if (images == 0) {
                throw new InvalidInputException(file + " holds no images; each line of an .amat file of binarised "
                        + "images holds " + width + " values 0 or 1");
            }
            return new Bits(Arrays.copyOf(words, (int) ((values + Long.SIZE - 1) / Long.SIZE)), images, width);
        }

        private void endToken() {
            if (token == 0) {
                return;
            }
            if (token != 1 || (first != '0' && first != '1')) {
                throw new InvalidInputException(file + ", line " + line + ", value " + (column + 1) + ": not 0 or 1; "
                        + "each line of an .amat file of binarised images holds " + width + " values 0 or 1");
            }
            if (column == width) {
                throw new InvalidInputException(file + ", line " + line + " holds more than " + width
                        + " values; each line of an .amat file of binarised images holds " + width);
            }
            if (first == '1') {
                long bit = values + column;
                int word = (int) (bit >>> 6);
                if (word >= words.length) {
                    words = Arrays.copyOf(words, (int) Math.min(Integer.MAX_VALUE - 8, words.length * 2L));
                }
                words[word] |= 1L << (bit & 63);
            }
            column++;
            token = 0;
        }

        private void endLine() {
            if (column > 0 && column < width) {
                throw new InvalidInputException(file + ", line " + line + " holds " + column
                        + " values; each line of an .amat file of binarised images holds " + width);
            }
            if (column == width) {
                values += width;
                images++;
                if (values > MAX_VALUES - width || images == Integer.MAX_VALUE) {
                    throw new InvalidInputException(file + " holds more images than this reader takes");
                }
            }
            column = 0;
            line++;
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzipped ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER) : in;
    }

    /**
     * Binary images read from a file.
     *
     * @param words the bits, row-major
     * @param images the number of images
     * @param width the values of one image
     */
    record Bits(long[] words, int images, int width) {

        /** The number of values. */
        long values() {
            return (long) images * width;
        }

        /** Images {@code [from, to)} as bits of their own. */
        long[] range(int from, int to) {
            long start = (long) from * width;
            long count = (long) (to - from) * width;
            long[] part = new long[(int) ((count + Long.SIZE - 1) / Long.SIZE)];
            for (long i = 0; i < count; i++) {
                long bit = start + i;
                if ((words[(int) (bit >>> 6)] >>> (bit & 63) & 1L) != 0) {
                    part[(int) (i >>> 6)] |= 1L << (i & 63);
                }
            }
            return part;
        }
    }
}
