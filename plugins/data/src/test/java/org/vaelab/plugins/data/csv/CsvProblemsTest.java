package org.vaelab.plugins.data.csv;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.InputProblems.assertProblem;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.plugins.data.table.Scaling;

/** Every way a CSV file or its column choice can be wrong: one line naming the file, line and column. */
class CsvProblemsTest {

    @TempDir
    Path folder;

    @Test
    void missingFile() {
        assertProblem(() -> CsvTesting.read(folder, "nowhere.csv", Map.of(), 1),
                folder.resolve("nowhere.csv").toString(), "not found", "relative to the spec's folder");
    }

    @Test
    void directory() {
        assertProblem(() -> CsvTesting.read(folder, ".", Map.of(), 1), "is a directory");
    }

    @Test
    void aFileLongerThanMemoryAllowsIsRefusedByItsSizeWithoutBeingRead() throws IOException {
        Path big = folder.resolve("big.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(3L << 30);
        }
        assertProblem(() -> CsvTesting.read(folder, "big.csv", Map.of(), 1), big.toString(),
                "has 3221225472 bytes; a CSV file is read into memory whole", "allows CSV files of up to "
                        + CsvReader.maxBytes() + " bytes", "VAE_JAVA_OPTS=-Xmx");
    }

    @Test
    void aDeviceWithoutEndIsReadNoFurtherThanTheLimit() {
        Path endless = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.isReadable(endless), "a device without end, such as Linux's");
        assertProblem(() -> CsvReader.read(endless, CsvTesting.config(endless.toString(), Map.of()), 1000),
                "/dev/zero has more than 1000 bytes; a CSV file is read into memory whole");
    }

    @Test
    void emptyFile() {
        assertProblem(() -> CsvTesting.read(folder, "", Map.of()), CsvTesting.FILE, "is empty",
                "expected a header line");
        assertProblem(() -> CsvTesting.read(folder, "\uFEFF\r\n\r\n", Map.of()), "is empty");
        assertProblem(() -> CsvTesting.read(folder, "", Map.of("header", false)), "is empty: expected rows of data");
    }

    @Test
    void headerWithoutData() {
        assertProblem(() -> CsvTesting.read(folder, "a,b\n\n", Map.of()), CsvTesting.FILE, "has no rows of data");
    }

    @Test
    void everyLineSkipped() {
        assertProblem(() -> CsvTesting.read(folder, "a\n1\n", Map.of("skipLines", 3)),
                "has 3 line(s), all skipped by skip_lines (3)");
        assertProblem(() -> CsvTesting.read(folder, "# note\n", Map.of("skipLines", 1)),
                "is empty after the 1 line(s) of skip_lines");
    }

    @Test
    void raggedRowNamesItsLineCountingEmptyLinesAndQuotedLineBreaks() {
        assertProblem(() -> CsvTesting.read(folder, "a,b,c\r\n1,\"two\r\nlines\",3\r\n\r\n4,5\r\n",
                        Map.of("columns", List.of("a", "c"))),
                CsvTesting.FILE + ", line 5: 2 field(s), expected 3 as on the header on line 1");
        assertProblem(() -> CsvTesting.read(folder, "1,2\n3,4,5\n", Map.of("header", false)),
                "line 2: 3 field(s), expected 2 as on line 1");
    }

    @Test
    void nonNumericCellNamesLineAndColumn() {
        assertProblem(() -> CsvTesting.read(folder, "# units\nx,y\n1,2\n3,abc\n", Map.of("skipLines", 1)),
                CsvTesting.FILE + ", line 4, column 'y' (index 1): 'abc' is not a number");
        assertProblem(() -> CsvTesting.read(folder, "1,0x1F\n", Map.of("header", false)),
                "line 1, column 1: '0x1F' is not a number");
        assertProblem(() -> CsvTesting.read(folder, "x\n1e999\n", Map.of()),
                "line 2, column 'x' (index 0): '1e999' is too large");
        // finite as a double, but infinite in the float32 splits the model trains on (found by CsvReaderFuzzTest)
        assertProblem(() -> CsvTesting.read(folder, "x\n1\n-3.5e38\n", Map.of("scaling", Scaling.NONE)),
                "line 3, column 'x' (index 0): '-3.5e38' is too large: the model trains in 32-bit floating point");
        assertProblem(() -> CsvTesting.read(folder, "x\nInfinity\n", Map.of()), "'Infinity' is not a number");
    }

    @Test
    void aHeaderReadAsDataGetsAHint() {
        assertProblem(() -> CsvTesting.read(folder, "x,y\n1,2\n", Map.of("header", false)),
                "line 1, column 0: 'x' is not a number; is line 1 a header? then set header: true");
    }

    @Test
    void multiLineCellIsShownOnOneLine() {
        String message = assertProblem(() -> CsvTesting.read(folder, "x\n\"1\n2\"\n", Map.of()),
                "line 2, column 'x' (index 0): '1\\n2' is not a number");
        assertTrue(message.length() < 200, message);
    }

    @Test
    void missingValuesAreErrorsUnlessDropped() {
        assertProblem(() -> CsvTesting.read(folder, "a,b\n1,2\n3,\n", Map.of()),
                "line 3, column 'b' (index 1): empty cell; fill it in, or set missing: drop_rows");
        assertProblem(() -> CsvTesting.read(folder, "a,b\n1,NaN\n", Map.of()),
                "line 2, column 'b' (index 1): missing value 'NaN'");
        assertProblem(() -> CsvTesting.read(folder, "a,label\n1,x\n2, \n", Map.of("labelColumn", "label")),
                "line 3, column 'label' (index 1): empty cell");
        assertProblem(() -> CsvTesting.read(folder, "a\nNA\n\"\"\n", Map.of("missing", MissingCells.DROP_ROWS)),
                "has no rows of data: all 2 have missing values (missing: drop_rows)");
    }

    @Test
    void unknownColumnNameSuggestsTheClosest() {
        assertProblem(() -> CsvTesting.read(folder, "sepal_length,sepal_width\n1,2\n",
                        Map.of("columns", List.of("sepal_lenght"))),
                CsvTesting.FILE + " (the header on line 1): no column named 'sepal_lenght' in the header. "
                        + "Did you mean 'sepal_length'? Columns: sepal_length, sepal_width");
        String message = assertProblem(() -> CsvTesting.read(folder, "a,b\n1,2\n", Map.of("labelColumn", "species")),
                "no column named 'species'", "Columns: a, b");
        assertTrue(!message.contains("Did you mean"), message);
    }

    @Test
    void columnIndexOutOfRange() {
        assertProblem(() -> CsvTesting.read(folder, "a,b\n1,2\n", Map.of("columns", List.of("0", "2"))),
                "column index 2 is out of range: the file has 2 columns, 0 to 1");
    }

    @Test
    void withoutAHeaderColumnsAreIndices() {
        assertProblem(() -> CsvTesting.read(folder, "1,2\n", Map.of("header", false, "labelColumn", "b")),
                CsvTesting.FILE + " (line 1): 'b' is not a column index; without a header (header: false)");
    }

    @Test
    void theLabelColumnIsNoFeature() {
        assertProblem(() -> CsvTesting.read(folder, "a,b\n1,2\n",
                        Map.of("columns", List.of("a", "1"), "labelColumn", "b")),
                "columns lists 1, the label column 'b' (index 1), which is kept out of the features");
        assertProblem(() -> CsvTesting.read(folder, "a\n1\n", Map.of("labelColumn", "a")),
                "no feature columns are left: the only column is the label column 'a' (index 0)");
    }

    @Test
    void aColumnTwiceByNameAndIndex() {
        assertProblem(() -> CsvTesting.read(folder, "a,b\n1,2\n", Map.of("columns", List.of("b", "1"))),
                "columns lists b and 1, both the column 'b' (index 1)");
    }

    @Test
    void ambiguousHeaderName() {
        assertProblem(() -> CsvTesting.read(folder, "a,a,b\n1,2,3\n", Map.of("columns", List.of("a"))),
                "the header names columns 0 and 1 'a'; choose one by index");
    }

    @Test
    void unterminatedQuote() {
        assertProblem(() -> CsvTesting.read(folder, "a,b\n1,\"2\n3,4\n", Map.of()),
                CsvTesting.FILE + ": malformed CSV near line", "EOF reached before encapsulated token finished");
    }

    @Test
    void tooFewRowsToTrainOn() {
        assertProblem(() -> CsvTesting.read(folder, "a\n1\n2\n",
                        Map.of("validation", SplitSize.parse("0.4"), "test", SplitSize.parse("0.4"))),
                "its 2 row(s) leave none to train on with validation 0.4 and test 0.4");
    }

    @Test
    void notUtf8() throws IOException {
        Files.write(folder.resolve(CsvTesting.FILE), new byte[] {'a', '\n', (byte) 0xE9, '\n'});
        assertProblem(() -> CsvTesting.read(folder, CsvTesting.FILE, Map.of(), 1), "is not UTF-8 text");
    }
}
