package org.vaelab.plugins.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.plugins.data.table.Scaling;
import org.vaelab.spi.InvalidInputException;

/**
 * Coverage-guided fuzzing of {@link CsvReader#read} on the bytes of a file: any file gives whole
 * rows of finite values (and a label per row when a label column is chosen), or an
 * {@link InvalidInputException} that names the file; any other exception, an out-of-memory error
 * or a hang is a finding. The options come from the input's last byte XOR a line feed, so that a
 * file ending in a line feed is read with the defaults: bit 0 no header, bits 1-2 the delimiter
 * ({@code , ; tab space}), bit 3 one skipped line, bit 4 missing: drop_rows, bit 5 column 0 as the
 * label, bits 6-7 max_rows (0, 1, 2, 5). Seeded with real tables from Debian's python3-statsmodels;
 * crashing inputs are kept under {@code CsvReaderFuzzTestInputs/read}.
 */
class CsvReaderFuzzTest {

    private static final Path STATSMODELS = Path.of("/usr/lib/python3/dist-packages/statsmodels/datasets");
    /** Small tables, whole; and the first lines of fair.csv (6,366 rows). */
    private static final List<String> TABLES = List.of("longley/longley.csv", "stackloss/stackloss.csv",
            "statecrime/statecrime.csv", "cpunish/cpunish.csv", "spector/spector.csv", "heart/heart.csv");
    private static final String FAIR = "fair/fair.csv";
    private static final int FAIR_LINES = 30;
    private static final List<String> DELIMITERS = List.of(",", ";", "\t", " ");
    private static final int[] MAX_ROWS = {0, 1, 2, 5};
    private static final Path FILE = tempFile();

    static Stream<byte[]> read() throws IOException {
        if (!Files.isDirectory(STATSMODELS)) {
            throw new IllegalStateException(STATSMODELS + " not found; install python3-statsmodels");
        }
        List<String> fair = Files.readAllLines(STATSMODELS.resolve(FAIR)).subList(0, FAIR_LINES);
        return Stream.concat(TABLES.stream().map(table -> bytes(STATSMODELS.resolve(table))),
                Stream.of((String.join("\n", fair) + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    @MethodSource
    @FuzzTest
    void read(byte[] input) throws IOException {
        Files.write(FILE, input);
        int options = input.length == 0 ? 0 : (input[input.length - 1] ^ '\n') & 0xFF;
        CsvConfig config = new CsvConfig(FILE.toString(), (options & 1) == 0, DELIMITERS.get(options >> 1 & 3),
                options >> 3 & 1, null, (options & 32) == 0 ? null : "0", Scaling.STANDARDIZE,
                (options & 16) == 0 ? MissingCells.ERROR : MissingCells.DROP_ROWS, 0.1, 0.1, MAX_ROWS[options >> 6]);
        CsvRows rows;
        try {
            rows = CsvReader.read(FILE, config);
        } catch (InvalidInputException refused) {
            assertFalse(refused.getMessage().isBlank(), "a refusal says what is wrong");
            return;
        }
        int width = rows.columns().size();
        assertTrue(width > 0 && rows.values().length % width == 0, "whole rows of " + width + " values");
        assertTrue(Arrays.stream(rows.values()).allMatch(Double::isFinite), "finite values");
        if (rows.labels() != null) {
            assertEquals(rows.values().length / width, rows.labels().length, "a label per row");
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("csv-fuzz", ".csv");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
