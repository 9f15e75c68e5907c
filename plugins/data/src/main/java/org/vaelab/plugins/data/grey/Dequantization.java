package org.vaelab.plugins.data.grey;

import java.util.random.RandomGenerator;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;

/**
 * Whether 8-bit grey levels are dequantized for a continuous likelihood. Grey level {@code b} in
 * {@code 0..255}, which a dataset keeps as the value {@code x = b / 255}, becomes
 * {@code (b + u) / 256} with {@code u ~ U(0, 1)}: uniform noise filling the level's cell
 * {@code [b / 256, (b + 1) / 256)}, so that a density of the values is a bound on the probability of
 * the discrete images (Theis, van den Oord and Bethge 2016, section 3.1), as Loaiza-Ganem and
 * Cunningham 2019 do for the continuous Bernoulli. Written with grey levels {@code x = b / 256},
 * this is the {@code (256 x + u) / 256} of the literature: the mean of a value is {@code x + 1/512}
 * and every value lies in {@code [x, x + 1/256)}, inside [0, 1).
 */
public enum Dequantization {

    /** Grey levels as they are. */
    NONE,

    /**
     * A fresh {@code u} for every value of every training batch, drawn from the batch's seeded
     * stream; the validation and test values dequantized once, from the load seed, so that every
     * evaluation sees the same values.
     */
    UNIFORM;

    /** The number of grey levels of 8-bit data. */
    public static final int LEVELS = 256;

    /** Dequantizes a training batch of grey levels {@code b / 255} in place. */
    private static final BatchTransform BATCHES = (batch, rows, width, random) -> {
        for (int i = 0; i < rows * width; i++) {
            batch[i] = dequantize(batch[i], random.nextDouble());
        }
    };

    /** The transform of training batches of grey levels. */
    public BatchTransform trainTransform() {
        return this == NONE ? BatchTransform.IDENTITY : BATCHES;
    }

    /** The shape of the dequantized data: values in [0, 1) from {@link #LEVELS} levels. */
    public DataShape shape(DataShape grey) {
        return this == NONE ? grey : grey.dequantized(LEVELS);
    }

    /**
     * {@code split}'s grey levels, dequantized once with noise from {@code random}, as floats, with
     * its labels and factors (the split itself when not dequantizing).
     */
    public DataSplit once(DataSplit split, RandomGenerator random) {
        if (this == NONE) {
            return split;
        }
        int width = split.width();
        float[] values = new float[Math.multiplyExact(split.size(), width)];
        int[] labels = split.hasLabels() ? new int[split.size()] : null;
        for (int row = 0; row < split.size(); row++) {
            split.copyRow(row, values, row);
            if (labels != null) {
                labels[row] = split.label(row).orElseThrow();
            }
        }
        dequantizeInPlace(values, random);
        DataSplit dequantized = new DataSplit(values, labels, width);
        return split.factors().map(dequantized::withFactors).orElse(dequantized);
    }

    /** Dequantizes grey levels {@code b / 255} in place, with noise from {@code random}. */
    public static void dequantizeInPlace(float[] greyLevels, RandomGenerator random) {
        for (int i = 0; i < greyLevels.length; i++) {
            greyLevels[i] = dequantize(greyLevels[i], random.nextDouble());
        }
    }

    /**
     * {@code (b + u) / 256} for the grey level {@code greyLevel = b / 255}, kept below
     * {@code (b + 1) / 256} where rounding to a float would reach it.
     *
     * @param u in [0, 1)
     */
    static float dequantize(float greyLevel, double u) {
        int level = Math.max(0, Math.min(LEVELS - 1, Math.round(greyLevel * (LEVELS - 1))));
        float upper = (level + 1) / (float) LEVELS;
        float value = (float) ((level + u) / LEVELS);
        return value < upper ? value : Math.nextDown(upper);
    }
}
