package org.vaelab.plugins.data.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.spi.InvalidInputException;

/**
 * Coverage-guided fuzzing of the {@code .npy}/{@code .npz} reader on the bytes of a file: any file
 * gives examples of exactly the size their header declares, or an {@link InvalidInputException};
 * any other exception, an out-of-memory error or a hang is a finding. Seeded with arrays in the
 * format NumPy writes (NEP 1): version 1.0 and 2.0 headers, uint8, bool and float32 arrays of
 * images and vectors, one of them in an {@code .npz} archive; crashing inputs are kept under
 * {@code NpyReaderFuzzTestInputs/read}.
 */
class NpyReaderFuzzTest {

    private static final Path FILE = tempFile();

    static Stream<byte[]> read() throws IOException {
        byte[] grey = npy(1, "|u1", "(3, 2, 2)", new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255});
        ByteBuffer floats = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            floats.putFloat(i / 4f - 0.5f);
        }
        return List.of(grey, npy(2, "<f4", "(2, 3)", floats.array()),
                npy(1, "|b1", "(2, 1, 2, 1)", new byte[] {0, 1, 1, 0}), npz("x", grey)).stream();
    }

    @MethodSource
    @FuzzTest
    void read(byte[] input) throws IOException {
        Files.write(FILE, input);
        Examples examples;
        try (ArrayFile file = ArrayFile.open(FILE, "data.path")) {
            examples = Examples.read(file, null, "data.key", ImageLayout.AUTO);
        } catch (InvalidInputException refused) {
            assertFalse(refused.getMessage().isBlank(), "a refusal says what is wrong");
            return;
        }
        long values = examples.isBytes() ? examples.bytes().size() : examples.floats().length;
        assertEquals((long) examples.count() * examples.width(), values, "as many values as the header declares");
        assertEquals(examples.width(), examples.fileOrder().length);
    }

    /** A {@code .npy} file of format {@code version}.0 as NumPy writes it: the header padded to 64 bytes. */
    static byte[] npy(int version, String descr, String shape, byte[] data) {
        String dictionary = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int lengthBytes = version == 1 ? 2 : 4;
        int prefix = 6 + 2 + lengthBytes;
        int padded = (prefix + dictionary.length() + 1 + 63) / 64 * 64;
        String header = dictionary + " ".repeat(padded - prefix - dictionary.length() - 1) + "\n";
        ByteBuffer out = ByteBuffer.allocate(padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) version).put((byte) 0);
        if (version == 1) {
            out.putShort((short) header.length());
        } else {
            out.putInt(header.length());
        }
        return out.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data).array();
    }

    private static byte[] npz(String key, byte[] npy) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(key + ".npy"));
            zip.write(npy);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("npy-fuzz", ".npy");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
