package org.vaelab.plugins.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * MIWAE and CIWAE (Rainforth et al. 2018, section 4) against their bounds computed directly from
 * sample-major log weights spread over 40 nats: MIWAE is the mean over M groups of
 * {@code log (1/K) sum_k w_mk}, with M = 1 the IWAE bound and K = 1 the ELBO; CIWAE is
 * {@code beta ELBO + (1 - beta) IWAE_K}, with beta = 0 the IWAE bound and beta = 1 the ELBO.
 */
class ImportanceWeightedFamiliesTest {

    private static final int BATCH = 3;

    @Test
    void miwaeAveragesTheBoundsOfItsGroups() {
        int groups = 3;
        int k = 4;
        double[] logWeights = logWeights(new SplittableRandom(1), groups * k * BATCH);
        double expected = 0;
        for (int m = 0; m < groups; m++) {
            for (int b = 0; b < BATCH; b++) {
                double[] group = new double[k];
                for (int i = 0; i < k; i++) {
                    group[i] = logWeights[(i * groups + m) * BATCH + b];
                }
                expected += logMeanExp(group) / (groups * BATCH);
            }
        }
        assertEquals(-expected, loss(new MiwaeFamily(new MiwaeConfig(groups, k)), logWeights), 1e-9);
        assertEquals(groups * k, new MiwaeFamily(new MiwaeConfig(groups, k)).samples(1), "M K samples of z");
    }

    @Test
    void miwaeWithOneGroupIsIwaeAndWithOneSampleTheElbo() {
        double[] logWeights = logWeights(new SplittableRandom(2), 6 * BATCH);
        assertEquals(iwae(logWeights, 6), -loss(new MiwaeFamily(new MiwaeConfig(1, 6)), logWeights), 1e-9);
        assertEquals(elbo(logWeights), -loss(new MiwaeFamily(new MiwaeConfig(6, 1)), logWeights), 1e-9);
    }

    @Test
    void ciwaeMixesTheElboAndTheIwaeBoundOfTheSameSamples() {
        int k = 5;
        double[] logWeights = logWeights(new SplittableRandom(3), k * BATCH);
        double elbo = elbo(logWeights);
        double iwae = iwae(logWeights, k);
        assertEquals(0.3 * elbo + 0.7 * iwae, -loss(new CiwaeFamily(new CiwaeConfig(0.3, k)), logWeights), 1e-9);
        assertEquals(iwae, -loss(new CiwaeFamily(new CiwaeConfig(0, k)), logWeights), 1e-9);
        assertEquals(elbo, -loss(new CiwaeFamily(new CiwaeConfig(1, k)), logWeights), 1e-9);
    }

    @Test
    void moreThan1024SamplesAreRefusedNamingTheKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new MiwaeConfig(64, 32));
        assertEquals("samples", e.key());
        assertEquals("groups times samples, the samples of z per example, must be at most 1024; found 64 x 32 = 2048",
                e.getMessage());
    }

    /** The IWAE bound of k sample-major samples per example, averaged over the batch. */
    private static double iwae(double[] logWeights, int k) {
        double sum = 0;
        for (int b = 0; b < BATCH; b++) {
            double[] samples = new double[k];
            for (int i = 0; i < k; i++) {
                samples[i] = logWeights[i * BATCH + b];
            }
            sum += logMeanExp(samples);
        }
        return sum / BATCH;
    }

    private static double elbo(double[] logWeights) {
        double sum = 0;
        for (double w : logWeights) {
            sum += w;
        }
        return sum / logWeights.length;
    }

    private static double logMeanExp(double[] values) {
        double largest = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            largest = Math.max(largest, v);
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - largest);
        }
        return largest + Math.log(sum / values.length);
    }

    private static double loss(ModelFamily family, double[] logWeights) {
        SameDiff sd = SameDiff.create();
        SDVariable weights = sd.constant(Nd4j.createFromArray(logWeights).castTo(DataType.DOUBLE));
        SDVariable unused = sd.constant(Nd4j.scalar(Double.NaN));
        ObjectiveTerms terms = new ObjectiveTerms(logWeights.length / BATCH, unused, weights, unused, unused, unused,
                unused, unused);
        return family.objective(sd, terms).loss().eval().getDouble(0);
    }

    private static double[] logWeights(SplittableRandom random, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = -100 - 40 * random.nextDouble();
        }
        return values;
    }
}
