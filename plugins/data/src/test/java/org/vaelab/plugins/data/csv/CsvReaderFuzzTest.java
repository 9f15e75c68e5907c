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
import org.vaelab.plugins.data.SplitValues;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.plugins.data.table.Scaling;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.LoadContext;

/**
 * Coverage-guided fuzzing of the {@code csv} dataset's reading ({@link CsvReader#read}, then the
 * shuffle, split and scaling of {@link CsvDataset#read}) on the bytes of a file: any file gives
 * splits of finite float32 values with a label per row when a label column is chosen, or an
 * {@link InvalidInputException} that names the file; any other exception, a value the model
 * cannot train on, an out-of-memory error or a hang is a finding. The input is the file followed
 * by one byte of options, XOR a line feed, so that a line feed selects the defaults: bit 0 no header, bits 1-2 the
 * delimiter ({@code , ; tab space}), bit 3 one skipped line, bit 4 missing: drop_rows, bit 5 column 0 as the label, bit
 * 6 max_rows: 2, bit 7 scaling: none. Seeded with real tables from Debian's python3-statsmodels, each with a line feed
 * appended; crashing inputs are kept under
 * {@code CsvReaderFuzzTestInputs/read}.
 */
class CsvReaderFuzzTest {

    private static final Path STATSMODELS = Path.of("/usr/lib/python3/dist-packages/statsmodels/datasets");
    /** Small tables, whole; and the first lines of fair.csv (6,366 rows). */
    private static final List<String> TABLES = List.of("longley/longley.csv", "stackloss/stackloss.csv",
            "statecrime/statecrime.csv", "cpunish/cpunish.csv", "spector/spector.csv", "heart/heart.csv");
    private static final String FAIR = "fair/fair.csv";
    private static final int FAIR_LINES = 30;
    private static final List<String> DELIMITERS = List.of(",", ";", "\t", " ");
    private static final Path FILE = tempFile();

    static Stream<byte[]> read() throws IOException {
        if (!Files.isDirectory(STATSMODELS)) {
            throw new IllegalStateException(STATSMODELS + " not found; install python3-statsmodels");
        }
        List<String> fair = Files.readAllLines(STATSMODELS.resolve(FAIR)).subList(0, FAIR_LINES);
        return Stream.concat(TABLES.stream().map(table -> bytes(STATSMODELS.resolve(table))),
                Stream.of((String.join("\n", fair) + "\n").getBytes(StandardCharsets.UTF_8)))
                .map(CsvReaderFuzzTest::withDefaultOptions);
    }

    private static final SplitSize TENTH = SplitSize.parse("0.1");

    @MethodSource
    @FuzzTest
    void read(byte[] input) throws IOException {
        int length = Math.max(0, input.length - 1);
        Files.write(FILE, Arrays.copyOf(input, length));
        int options = input.length == 0 ? 0 : (input[length] ^ '\n') & 0xFF;
        boolean labelled = (options & 32) != 0;
        CsvConfig config = new CsvConfig(FILE.getFileName().toString(), (options & 1) == 0,
                DELIMITERS.get(options >> 1 & 3), options >> 3 & 1, null, labelled ? "0" : null,
                (options & 128) == 0 ? Scaling.STANDARDIZE : Scaling.NONE,
                (options & 16) == 0 ? MissingCells.ERROR : MissingCells.DROP_ROWS, TENTH, TENTH,
                (options & 64) == 0 ? 0 : 2);
        CsvData data;
        try {
            data = new CsvDataset(config).read(new LoadContext(FILE.getParent(), 1));
        } catch (InvalidInputException refused) {
            assertFalse(refused.getMessage().isBlank(), "a refusal says what is wrong");
            return;
        }
        for (DataSplit split : List.of(data.splits().train(), data.splits().validation(), data.splits().test())) {
            float[] values = SplitValues.features(split);
            for (float value : values) {
                assertTrue(Float.isFinite(value), "finite float32 values, found " + value);
            }
            for (int i = 0; i < split.size(); i++) {
                assertEquals(labelled, split.label(i).isPresent(), "a label on every row, or on none");
            }
        }
    }

    /** {@code table} followed by a line feed, the byte of the default options. */
    private static byte[] withDefaultOptions(byte[] table) {
        byte[] input = Arrays.copyOf(table, table.length + 1);
        input[table.length] = '\n';
        return input;
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
