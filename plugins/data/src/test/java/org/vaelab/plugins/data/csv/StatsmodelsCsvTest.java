package org.vaelab.plugins.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vaelab.plugins.data.SplitValues.features;
import static org.vaelab.plugins.data.SplitValues.labels;
import static org.vaelab.plugins.data.SplitValues.meanAndDeviation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.plugins.data.table.ColumnScaling;
import org.vaelab.plugins.data.table.Scaling;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;

/**
 * Published tables shipped with Debian's {@code python3-statsmodels}: Fisher's iris (in
 * scikit-learn's headerless layout), Grunfeld's investment panel, Brownlee's stack loss, the
 * Danish money demand data (with a byte order mark) and the 1996 American National Election Study
 * extract (tab-separated).
 */
class StatsmodelsCsvTest {

    private static final SplitSize FIFTH = SplitSize.parse("0.2");
    private static final Path STATSMODELS = Path.of("/usr/lib/python3/dist-packages/statsmodels");
    private static final Path DATASETS = STATSMODELS.resolve("datasets");

    @BeforeAll
    static void needsStatsmodels() {
        assumeTrue(Files.isDirectory(DATASETS), "apt-get install python3-statsmodels to run these tests");
    }

    @Test
    void irisWithAnIndexedLabelColumnAfterASkippedLine() throws Exception {
        CsvData iris = CsvTesting.read(STATSMODELS, "genmod/tests/results/iris.csv",
                Map.of("header", false, "skipLines", 1, "labelColumn", "4", "scaling", Scaling.NONE), 3);
        DataSplits splits = iris.splits();
        assertEquals(List.of(120, 15, 15), List.of(splits.train().size(), splits.validation().size(),
                splits.test().size()));
        assertEquals(List.of(4), splits.shape().dims());
        assertEquals(List.of("0", "1", "2"), iris.classes());
        int[] perClass = new int[3];
        double sepalLength = 0;
        for (DataSplit split : List.of(splits.train(), splits.validation(), splits.test())) {
            for (int label : labels(split)) {
                perClass[label]++;
            }
            float[] values = features(split);
            for (int i = 0; i < values.length; i += 4) {
                sepalLength += values[i];
            }
        }
        assertArrayEquals(new int[] {50, 50, 50}, perClass);
        assertEquals(876.5, sepalLength, 1e-3, "the sepal lengths of Fisher's 150 flowers");
    }

    @Test
    void grunfeldFirmsBecomeClassesInOrderOfFirstAppearance() throws Exception {
        CsvData grunfeld = CsvTesting.read(DATASETS, "grunfeld/grunfeld.csv", Map.of("labelColumn", "firm"), 1);
        assertEquals(11, grunfeld.classes().size());
        assertEquals(List.of("General Motors", "US Steel", "General Electric"), grunfeld.classes().subList(0, 3));
        assertEquals(List.of("invest", "value", "capital", "year"), grunfeld.scaling().columns());
        assertEquals(11, grunfeld.splits().shape().classes());
        assertEquals(176, grunfeld.splits().train().size());
    }

    @Test
    void stackLossScalingIsFittedOnTheTrainingSplitOnly() throws Exception {
        DataSplits raw = CsvTesting.read(DATASETS, "stackloss/stackloss.csv",
                Map.of("validation", FIFTH, "test", FIFTH, "scaling", Scaling.NONE), 5).splits();
        CsvData standardized = CsvTesting.read(DATASETS, "stackloss/stackloss.csv",
                Map.of("validation", FIFTH, "test", FIFTH), 5);
        ColumnScaling scaling = standardized.scaling();
        assertEquals(List.of("STACKLOSS", "AIRFLOW", "WATERTEMP", "ACIDCONC"), scaling.columns());
        assertEquals(List.of(13, 4, 4), List.of(raw.train().size(), raw.validation().size(), raw.test().size()));

        float[] rawTrain = features(raw.train());
        for (int j = 0; j < 4; j++) {
            double[] stats = meanAndDeviation(rawTrain, 4, j);
            assertEquals(stats[0], scaling.offsets().get(j), 1e-4, "offset of " + scaling.columns().get(j));
            assertEquals(stats[1], scaling.scales().get(j), 1e-4, "scale of " + scaling.columns().get(j));
            double[] scaled = meanAndDeviation(features(standardized.splits().train()), 4, j);
            assertEquals(0, scaled[0], 1e-5);
            assertEquals(1, scaled[1], 1e-5);
        }
        float[] rawValidation = features(raw.validation());
        float[] validation = features(standardized.splits().validation());
        for (int i = 0; i < validation.length; i++) {
            int j = i % 4;
            assertEquals((rawValidation[i] - scaling.offsets().get(j)) / scaling.scales().get(j), validation[i], 1e-5);
        }
        double[] validationStats = meanAndDeviation(validation, 4, 0);
        assertNotEquals(0, validationStats[0], 1e-3, "validation is not standardised with its own statistics");

        double stackLoss = 0;
        for (DataSplit part : List.of(raw.train(), raw.validation(), raw.test())) {
            float[] values = features(part);
            for (int i = 0; i < values.length; i += 4) {
                stackLoss += values[i];
            }
        }
        assertEquals(368, stackLoss, 1e-9, "Brownlee's 21 stack losses add up to 368");
    }

    @Test
    void danishDataStartsWithAByteOrderMark() throws Exception {
        CsvData danish = CsvTesting.read(DATASETS, "danish_data/data.csv", Map.of("labelColumn", "period"), 1);
        assertEquals(List.of("lrm", "lry", "lpy", "ibo", "ide"), danish.scaling().columns());
        assertEquals("1974Q1", danish.classes().get(0));
        assertEquals(55, danish.classes().size());
    }

    @Test
    void electionStudyIsTabSeparated() throws Exception {
        CsvData anes = CsvTesting.read(DATASETS, "anes96/anes96.csv",
                Map.of("delimiter", "\t", "labelColumn", "'vote'", "scaling", Scaling.MINMAX), 1);
        assertEquals(List.of("1", "0"), anes.classes());
        assertEquals(List.of(9), anes.splits().shape().dims());
        assertEquals(ValueRange.UNIT_INTERVAL, anes.splits().shape().range());
        int votes = 0;
        int rows = 0;
        for (DataSplit split : List.of(anes.splits().train(), anes.splits().validation(), anes.splits().test())) {
            for (int label : labels(split)) {
                votes += label == 0 ? 1 : 0;
                rows++;
            }
        }
        assertEquals(944, rows);
        assertEquals(393, votes, "393 of the 944 respondents have vote = 1, class 0 as it comes first");
        for (float value : features(anes.splits().train())) {
            assertTrue(value >= 0 && value <= 1);
        }
    }
}
