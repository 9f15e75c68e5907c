package org.vaelab.plugins.data.swissroll;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.plugins.data.table.ScaledSplits;
import org.vaelab.plugins.data.table.Scaling;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;

/**
 * The Swiss roll: {@code n} points drawn from the load seed, the first ones training, then
 * validation, then test; with {@code standardize}, x, y and z are centred and scaled by the
 * training split's mean and standard deviation. The splits carry no labels; each point's roll
 * parameter t is its annotation ({@link DataSplit#annotated}), by which plots colour it.
 */
public final class SwissRollDataset implements Dataset {

    /** The name of the splits' annotation. */
    public static final String ROLL_PARAMETER = "roll parameter t";

    private final SwissRollConfig config;

    /** The dataset {@code config} describes. */
    public SwissRollDataset(SwissRollConfig config) {
        this.config = config;
    }

    @Override
    public DataSplits load(LoadContext context) {
        SwissRoll roll = generate(context.seed());
        SplitSizes sizes = SplitSizes.of(config.n(), config.validation(), config.test()).orElseThrow();
        Scaling scaling = config.standardize() ? Scaling.STANDARDIZE : Scaling.NONE;
        DataSplits splits = ScaledSplits.of(SwissRoll.COORDINATES, roll.points(), null, 0, sizes, scaling).splits();
        int validationStart = sizes.train();
        int testStart = validationStart + sizes.validation();
        return new DataSplits(annotate(splits.train(), roll, 0, validationStart),
                annotate(splits.validation(), roll, validationStart, testStart),
                annotate(splits.test(), roll, testStart, sizes.total()), splits.shape(), splits.trainTransform());
    }

    private static DataSplit annotate(DataSplit split, SwissRoll roll, int from, int to) {
        return split.annotated(ROLL_PARAMETER, Arrays.copyOfRange(roll.roll(), from, to));
    }

    /**
     * The unscaled points that {@link #load} splits for {@code seed}, in split order (training,
     * validation, test), with the roll parameter of each.
     */
    public SwissRoll generate(long seed) {
        return SwissRoll.generate(config.n(), config.noise(), new SplittableRandom(seed));
    }
}
