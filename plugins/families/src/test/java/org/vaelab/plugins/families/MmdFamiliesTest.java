package org.vaelab.plugins.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The losses of WAE-MMD (Tolstikhin et al. 2018, Algorithm 2) and InfoVAE (Zhao et al. 2019) from
 * given terms: two examples with {@code log p(x|z)} of -10 and -30 and KL of 2 and 4, codes {0, 1}
 * and prior draws {0, 2} in one dimension, whose MMD is {@code sum_s s / (2s + 4) - 1/2} with the
 * inverse multiquadratics kernels and {@code (e^-2 - 1) / 2} with the Gaussian kernel.
 */
class MmdFamiliesTest {

    private static final double RECONSTRUCTION = 20;
    private static final double KL = 3;

    @Test
    void waeMmdIsTheReconstructionPlusLambdaTimesTheMmd() {
        double mmd = 0;
        for (double s : MmdKernel.SCALES) {
            mmd += s / (2 * s + 4) - 0.5;
        }
        Map<String, Double> out = objective(new WaeMmdFamily(new WaeMmdConfig(10)));
        assertEquals(RECONSTRUCTION + 10 * mmd, out.get("loss"), 1e-12);
        assertEquals(mmd, out.get("mmd"), 1e-12, "logged as train/mmd");
        assertEquals(1, new WaeMmdFamily(new WaeMmdConfig(10)).samples(4), "one code per example, as Algorithm 2");
    }

    @Test
    void infoVaeWeighsTheKlOneMinusAlphaAndTheMmdAlphaPlusLambdaMinusOne() {
        double mmd = (Math.exp(-2) - 1) / 2;
        Map<String, Double> out = objective(new InfoVaeFamily(new InfoVaeConfig(0.25, 2)));
        assertEquals(RECONSTRUCTION + 0.75 * KL + 1.25 * mmd, out.get("loss"), 1e-12);
        assertEquals(mmd, out.get("mmd"), 1e-12);
        assertEquals(RECONSTRUCTION + KL, objective(new InfoVaeFamily(new InfoVaeConfig(0, 1))).get("loss"), 1e-12,
                "alpha = 0, lambda = 1: the negative ELBO");
    }

    @Test
    void onlyTheMmdFamiliesAskForPriorSamples() {
        assertTrue(new WaeMmdFamily(new WaeMmdConfig(1)).usesPriorSamples());
        assertTrue(new InfoVaeFamily(new InfoVaeConfig(1, 1)).usesPriorSamples());
        assertFalse(new VaeFamily().usesPriorSamples());
        assertFalse(new DipVaeFamily(DipVaeFamily.Covariance.OF_MEANS, 1, 1).usesPriorSamples());
    }

    @Test
    void aNegativeMmdWeightIsRefusedNamingLambda() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new InfoVaeConfig(0.5, 0.25));
        assertEquals("lambda", e.key());
        assertTrue(e.getMessage().contains("alpha + lambda must be at least 1"), e.getMessage());
    }

    /** The family's loss and its metric on the terms of the class comment. */
    private static Map<String, Double> objective(ModelFamily family) {
        SameDiff sd = SameDiff.create();
        SDVariable unused = sd.constant(Nd4j.scalar(Double.NaN));
        ObjectiveTerms terms = new ObjectiveTerms(1, constant(sd, new double[] {-10, -30}), unused,
                constant(sd, new double[] {2, 4}), unused, column(sd, 0, 1), unused, unused, column(sd, 0, 2));
        Objective objective = family.objective(sd, terms);
        return Map.of("loss", objective.loss().eval().getDouble(0),
                "mmd", objective.metrics().getOrDefault("mmd", unused).eval().getDouble(0));
    }

    private static SDVariable constant(SameDiff sd, double[] values) {
        return sd.constant(Nd4j.createFromArray(values).castTo(DataType.DOUBLE));
    }

    private static SDVariable column(SameDiff sd, double... values) {
        return sd.constant(Nd4j.createFromArray(values).castTo(DataType.DOUBLE).reshape(values.length, 1));
    }
}
