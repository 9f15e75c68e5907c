package org.vaelab.plugins.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.SplitValues.features;
import static org.vaelab.plugins.data.SplitValues.labels;
import static org.vaelab.plugins.data.csv.CsvTesting.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.plugins.data.table.Scaling;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;

/** Reading small CSV files the tests write: formats, column choice, labels, missing values, splitting. */
class CsvDatasetTest {

    /** Keeps every row in the training split, unscaled, so the file's values can be compared. */
    private static final Map<String, Object> ALL_TRAINING =
            Map.of("validation", SplitSize.NONE, "test", SplitSize.NONE, "scaling", Scaling.NONE);

    @TempDir
    Path folder;

    @Test
    void labelValuesBecomeClassIdsInOrderOfFirstAppearance() throws Exception {
        CsvData data = read(folder, """
                length,width,species
                1,10,virginica
                2,20,setosa
                3,30,virginica
                4,40,versicolor
                5,50,setosa
                """, allTraining("labelColumn", "species"));
        assertEquals(List.of("virginica", "setosa", "versicolor"), data.classes());
        assertEquals(List.of("length", "width"), data.scaling().columns());
        assertEquals(List.of(2), data.splits().shape().dims());
        assertEquals(3, data.splits().shape().classes());
        int[] expected = {0, 1, 0, 2, 1};
        DataSplit train = data.splits().train();
        float[] values = features(train);
        int[] labels = labels(train);
        for (int i = 0; i < train.size(); i++) {
            int row = (int) values[2 * i];
            assertEquals(10f * row, values[2 * i + 1], "the columns of a row stay together");
            assertEquals(expected[row - 1], labels[i], "row " + row + " keeps its label");
        }
    }

    @Test
    void rowsAreShuffledWithTheSeedBeforeSplitting() throws Exception {
        StringBuilder content = new StringBuilder("x\n");
        IntStream.range(0, 50).forEach(i -> content.append(i).append('\n'));
        CsvTesting.write(folder, content.toString());
        Map<String, Object> options = Map.of("validation", SplitSize.parse("0.2"), "test", SplitSize.parse("0.1"),
                "scaling", Scaling.NONE);
        DataSplits one = read(folder, CsvTesting.FILE, options, 7).splits();
        DataSplits again = read(folder, CsvTesting.FILE, options, 7).splits();
        DataSplits other = read(folder, CsvTesting.FILE, options, 8).splits();
        assertEquals(List.of(35, 10, 5), List.of(one.train().size(), one.validation().size(), one.test().size()));
        assertArrayEquals(all(one), all(again));
        assertFalse(Arrays.equals(all(one), all(other)));
        float[] sorted = all(one);
        Arrays.sort(sorted);
        float[] expected = new float[50];
        IntStream.range(0, 50).forEach(i -> expected[i] = i);
        assertArrayEquals(expected, sorted, "every row is in exactly one split");
        assertNotEquals(0f, all(one)[0], "the order is shuffled");
    }

    @Test
    void byteOrderMarkAndCrlfLineEndsAreHandled() throws Exception {
        CsvData data = read(folder, "\uFEFFa,b\r\n1,2\r\n3,4\r\n", ALL_TRAINING);
        assertEquals(List.of("a", "b"), data.scaling().columns());
        assertEquals(2, data.splits().train().size());
        assertEquals(10f, sum(features(data.splits().train())));
    }

    @Test
    void oldMacAndMixedLineEndsAreHandled() throws Exception {
        for (String text : List.of("a,b\r1,2\r3,4\r", "a,b\n1,2\r\n3,4\r")) {
            CsvData data = read(folder, text, ALL_TRAINING);
            assertEquals(List.of("a", "b"), data.scaling().columns(), text);
            assertEquals(2, data.splits().train().size(), text);
            assertEquals(10f, sum(features(data.splits().train())), text);
        }
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws Exception {
        CsvData data = read(folder, """
                "value","who"
                "1.5","Smith, J."
                2,"say ""hi""\"
                "3","two
                lines"
                """, allTraining("labelColumn", "who"));
        assertEquals(3, data.splits().train().size());
        assertEquals(6.5f, sum(features(data.splits().train())));
        assertEquals(List.of("Smith, J.", "say \"hi\"", "two\nlines"), data.classes());
    }

    @Test
    void columnsAreChosenByNameOrIndexInTheOrderGiven() throws Exception {
        CsvData data = read(folder, "a,b,c\n1,2,3\n", allTraining("columns", List.of("c", "0")));
        assertEquals(List.of("c", "a"), data.scaling().columns());
        assertArrayEquals(new float[] {3, 1}, features(data.splits().train()));
    }

    @Test
    void withoutAHeaderColumnsAreNamedByIndex() throws Exception {
        CsvData data = read(folder, "1,2,yes\n3,4,no\n5,6,yes\n",
                allTraining("header", false, "labelColumn", "2"));
        assertEquals(List.of("0", "1"), data.scaling().columns());
        assertEquals(List.of("yes", "no"), data.classes());
        assertEquals(3, data.splits().train().size());
    }

    @Test
    void skippedLinesComeBeforeTheHeader() throws Exception {
        CsvData data = read(folder, "# exported 2024-01-01\n# units: cm\nh,w\n1,2\n",
                allTraining("skipLines", 2));
        assertEquals(List.of("h", "w"), data.scaling().columns());
        assertArrayEquals(new float[] {1, 2}, features(data.splits().train()));
    }

    @Test
    void otherDelimiters() throws Exception {
        assertArrayEquals(new float[] {1.5f, 2},
                features(read(folder, "a;b\n1.5;2\n", allTraining("delimiter", ";")).splits().train()));
        assertArrayEquals(new float[] {1, 2},
                features(read(folder, "a\tb\n1\t2\n", allTraining("delimiter", "\t")).splits().train()));
    }

    @Test
    void numbersMayHaveSignsExponentsAndSpaces() throws Exception {
        CsvData data = read(folder, "a,b,c,d\n+1.5e3, -.5 ,7.,2E-1\n", ALL_TRAINING);
        assertArrayEquals(new float[] {1500, -0.5f, 7, 0.2f}, features(data.splits().train()));
    }

    @Test
    void emptyLinesAreIgnored() throws Exception {
        CsvData data = read(folder, "a\n\n1\n\n\n2\n\n", ALL_TRAINING);
        assertEquals(2, data.splits().train().size());
    }

    @Test
    void droppingRowsLeavesOutMissingValuesInTheUsedColumnsOnly() throws Exception {
        CsvData data = read(folder, """
                a,b,unused,label
                1,1,,x
                ,2,z,x
                3,NaN,z,y
                4,na,z,y
                5,5,n/a,
                6,6,,y
                """, allTraining("columns", List.of("a", "b"), "labelColumn", "label",
                "missing", MissingCells.DROP_ROWS));
        float[] values = features(data.splits().train());
        Arrays.sort(values);
        assertArrayEquals(new float[] {1, 1, 6, 6}, values);
        assertEquals(List.of("x", "y"), data.classes());
    }

    @Test
    void maxRowsTakesTheFirstRowsKept() throws Exception {
        CsvData data = read(folder, "a\n1\n\n2\n3\n4\n", allTraining("maxRows", 3));
        float[] values = features(data.splits().train());
        Arrays.sort(values);
        assertArrayEquals(new float[] {1, 2, 3}, values);
    }

    @Test
    void minMaxScalingDeclaresTheUnitInterval() throws Exception {
        StringBuilder content = new StringBuilder("a,b\n");
        IntStream.range(0, 40).forEach(i -> content.append(i).append(',').append(i * i % 7).append('\n'));
        CsvData data = read(folder, content.toString(), Map.of("scaling", Scaling.MINMAX));
        assertEquals(ValueRange.UNIT_INTERVAL, data.splits().shape().range());
        for (DataSplit split : List.of(data.splits().train(), data.splits().validation(), data.splits().test())) {
            for (float value : features(split)) {
                assertTrue(value >= 0 && value <= 1, "value " + value);
            }
        }
    }

    @Test
    void withoutALabelColumnTheSplitsHaveNoLabels() throws Exception {
        CsvData data = read(folder, "a\n1\n2\n", ALL_TRAINING);
        assertFalse(data.splits().train().hasLabels());
        assertEquals(0, data.splits().shape().classes());
        assertEquals(List.of(), data.classes());
    }

    /** The values of all three splits, in split order. */
    private static float[] all(DataSplits splits) {
        List<Float> values = new ArrayList<>();
        for (DataSplit split : List.of(splits.train(), splits.validation(), splits.test())) {
            for (float value : features(split)) {
                values.add(value);
            }
        }
        float[] all = new float[values.size()];
        IntStream.range(0, all.length).forEach(i -> all[i] = values.get(i));
        return all;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    /** {@link #ALL_TRAINING} with more options, given as name, value, name, value and so on. */
    private static Map<String, Object> allTraining(Object... more) {
        Map<String, Object> options = new HashMap<>(ALL_TRAINING);
        for (int i = 0; i < more.length; i += 2) {
            options.put((String) more[i], more[i + 1]);
        }
        return options;
    }
}
