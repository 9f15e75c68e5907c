package org.vaelab.plugins.data.swissroll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.SplitValues.features;
import static org.vaelab.plugins.data.SplitValues.meanAndDeviation;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;

/** Generating, splitting and standardising the Swiss roll. */
class SwissRollDatasetTest {

    private static final double LOW = 1.5 * Math.PI;
    private static final double HIGH = 4.5 * Math.PI;

    @Test
    void splitsHaveTheConfiguredSizesAndShape() {
        DataSplits splits = load(new SwissRollConfig(1000, 0.05, share("0.15"), share("0.05"), true), 1);
        assertEquals(800, splits.train().size());
        assertEquals(150, splits.validation().size());
        assertEquals(50, splits.test().size());
        assertEquals(List.of(3), splits.shape().dims());
        assertEquals(ValueRange.REAL, splits.shape().range());
        assertEquals(0, splits.shape().classes());
        assertFalse(splits.train().hasLabels());
        assertSame(BatchTransform.IDENTITY, splits.trainTransform());
    }

    @Test
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers() {
        SwissRollConfig config = new SwissRollConfig(500, 0.05, share("0.1"), share("0.1"), true);
        DataSplits one = load(config, 42);
        DataSplits again = load(config, 42);
        DataSplits other = load(config, 43);
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(features(split(one, s)), features(split(again, s)));
            assertFalse(Arrays.equals(features(split(one, s)), features(split(other, s))));
        }
    }

    @Test
    void withoutNoisePointsLieOnTheRollAtTheirRollParameter() {
        SwissRoll roll = dataset(new SwissRollConfig(2000, 0, share("0.1"), share("0.1"), false)).generate(7);
        assertEquals(2000, roll.roll().length);
        assertEquals(3 * 2000, roll.points().length);
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < roll.roll().length; i++) {
            double t = roll.roll()[i];
            double x = roll.points()[3 * i];
            double y = roll.points()[3 * i + 1];
            double z = roll.points()[3 * i + 2];
            assertEquals(t, Math.hypot(x, z), 1e-9, "the distance from the axis is t");
            assertEquals(t, angle(x, z, t), 1e-9, "the angle around the axis is t");
            assertTrue(y >= 0 && y <= 21, "height " + y);
            lowest = Math.min(lowest, t);
            highest = Math.max(highest, t);
        }
        assertTrue(lowest >= LOW && lowest < LOW + 0.1, "t starts at 1.5 pi: " + lowest);
        assertTrue(highest <= HIGH && highest > HIGH - 0.1, "t ends at 4.5 pi: " + highest);
    }

    @Test
    void noiseHasTheConfiguredStandardDeviation() {
        double[] clean = dataset(new SwissRollConfig(5000, 0, share("0.1"), share("0.1"), false)).generate(3).points();
        double[] noisy = dataset(new SwissRollConfig(5000, 0.5, share("0.1"), share("0.1"), false)).generate(3)
                .points();
        double squares = 0;
        for (int i = 0; i < clean.length; i++) {
            squares += (noisy[i] - clean[i]) * (noisy[i] - clean[i]);
        }
        assertEquals(0.5, Math.sqrt(squares / clean.length), 0.01);
    }

    @Test
    void unstandardisedSplitsHoldTheGeneratedPointsInOrder() {
        SwissRollDataset dataset = dataset(new SwissRollConfig(100, 0.05, share("0.1"), share("0.2"), false));
        double[] points = dataset.generate(5).points();
        DataSplits splits = dataset.load(new LoadContext(Path.of("."), 5));
        float[] all = concat(features(splits.train()), features(splits.validation()), features(splits.test()));
        assertEquals(points.length, all.length);
        for (int i = 0; i < points.length; i++) {
            assertEquals((float) points[i], all[i]);
        }
    }

    @Test
    void everySplitIsAnnotatedWithTheRollParameterOfItsPoints() {
        SwissRollDataset dataset = dataset(new SwissRollConfig(100, 0.05, share("0.1"), share("0.2"), true));
        double[] roll = dataset.generate(5).roll();
        DataSplits splits = dataset.load(new LoadContext(Path.of("."), 5));
        int index = 0;
        for (DataSplit split : List.of(splits.train(), splits.validation(), splits.test())) {
            assertEquals(Optional.of(SwissRollDataset.ROLL_PARAMETER), split.annotationName());
            for (int i = 0; i < split.size(); i++) {
                assertEquals(roll[index++], split.annotation(i));
            }
        }
        assertEquals(100, index);
        assertEquals(roll[80 + 3], splits.test().slice(2, 5).annotation(1), "a slice keeps its rows' annotations");
    }

    @Test
    void standardisationUsesTheTrainingSplitStatisticsForEverySplit() {
        SwissRollDataset dataset = dataset(new SwissRollConfig(4000, 0.05, share("0.25"), share("0.25"), true));
        DataSplits splits = dataset.load(new LoadContext(Path.of("."), 11));
        double[] raw = dataset.generate(11).points();
        float[] train = features(splits.train());
        for (int c = 0; c < 3; c++) {
            double[] stats = meanAndDeviation(train, 3, c);
            assertEquals(0, stats[0], 1e-5, "training mean of coordinate " + c);
            assertEquals(1, stats[1], 1e-5, "training deviation of coordinate " + c);
        }
        // Validation and test are scaled with the training statistics, so theirs are near, not exactly, 0 and 1.
        double[] rawTrain = meanAndDeviation(Arrays.copyOf(floats(raw), 3 * 2000), 3, 0);
        float[] test = features(splits.test());
        assertEquals((raw[3 * 3000] - rawTrain[0]) / rawTrain[1], test[0], 1e-5);
        double[] testStats = meanAndDeviation(test, 3, 0);
        assertTrue(testStats[0] != 0 && Math.abs(testStats[0]) < 0.1, "test mean " + testStats[0]);
        assertTrue(testStats[1] != 1 && Math.abs(testStats[1] - 1) < 0.1, "test deviation " + testStats[1]);
    }

    /** The angle of (x, z) around the axis, unwrapped into the turn of the roll that holds t. */
    private static double angle(double x, double z, double t) {
        double angle = Math.atan2(z, x);
        return angle + 2 * Math.PI * Math.round((t - angle) / (2 * Math.PI));
    }

    private static float[] floats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static float[] concat(float[]... parts) {
        float[] all = new float[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    private static DataSplit split(DataSplits splits, int index) {
        return List.of(splits.train(), splits.validation(), splits.test()).get(index);
    }

    private static SwissRollDataset dataset(SwissRollConfig config) {
        return new SwissRollDataset(config);
    }

    private static DataSplits load(SwissRollConfig config, long seed) {
        return dataset(config).load(new LoadContext(Path.of("."), seed));
    }

    private static SplitSize share(String written) {
        return SplitSize.parse(written);
    }
}
