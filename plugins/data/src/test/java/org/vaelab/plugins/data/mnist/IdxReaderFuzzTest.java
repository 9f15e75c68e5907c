package org.vaelab.plugins.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.spi.InvalidInputException;

/**
 * Coverage-guided fuzzing of {@link IdxReader#read} on the bytes of a file: any file gives an
 * array of exactly the size its header declares, or an {@link InvalidInputException} that names
 * the file; any other exception, an out-of-memory error or a hang is a finding. The number of
 * dimensions asked for is the input's fourth byte (the header's), taken into 1..3. Seeded with
 * slices of the real Fashion-MNIST test files (Debian's dataset-fashion-mnist), plain and gzipped;
 * crashing inputs are kept under {@code IdxReaderFuzzTestInputs/read}.
 */
class IdxReaderFuzzTest {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    /** Images and labels in each seed slice. */
    private static final int[] SLICES = {1, 3};
    private static final Path FILE = tempFile();

    static Stream<byte[]> read() throws IOException {
        byte[] images = gunzip(FASHION.resolve("t10k-images-idx3-ubyte.gz"));
        byte[] labels = gunzip(FASHION.resolve("t10k-labels-idx1-ubyte.gz"));
        List<byte[]> seeds = new ArrayList<>();
        for (int count : SLICES) {
            for (byte[] slice : List.of(slice(images, 16, 28 * 28, count), slice(labels, 8, 1, count))) {
                seeds.add(slice);
                seeds.add(gzip(slice));
            }
        }
        return seeds.stream();
    }

    @MethodSource
    @FuzzTest
    void read(byte[] input) throws IOException {
        Files.write(FILE, input);
        int dimensions = input.length > 3 ? Math.floorMod(input[3] - 1, 3) + 1 : 1;
        IdxArray array;
        try {
            array = IdxReader.read(FILE, dimensions, "values");
        } catch (InvalidInputException refused) {
            assertFalse(refused.getMessage().isBlank(), "a refusal says what is wrong");
            return;
        }
        assertEquals(dimensions, array.dims().length);
        assertEquals(Arrays.stream(array.dims()).asLongStream().reduce(1, (a, b) -> a * b), array.values().length,
                "as many values as the header declares");
    }

    /** The header of {@code idx} declaring {@code count} items, and its first {@code count} items. */
    private static byte[] slice(byte[] idx, int headerBytes, int itemBytes, int count) {
        byte[] slice = Arrays.copyOf(idx, headerBytes + count * itemBytes);
        ByteBuffer.wrap(slice).putInt(4, count);
        return slice;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("idx-fuzz", ".idx");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
