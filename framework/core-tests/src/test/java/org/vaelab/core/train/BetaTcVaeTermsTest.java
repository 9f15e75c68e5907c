package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.Family;
import org.vaelab.spi.model.ModelFamily;

/**
 * beta-TCVAE's three logged terms (Chen et al. 2018, eq. 2) add up to a one-sample Monte Carlo
 * estimate of the batch's mean KL: their sum agrees with the closed-form KL of the same graph
 * within four standard errors; and for a model whose posteriors barely differ from the prior (a
 * random one), the mutual information and the total correlation are near 0 (with Chen et al.'s
 * {@code log(N M)} they would read about 11 and 33 nats).
 */
class BetaTcVaeTermsTest {

    private static final int WIDTH = 12;
    private static final int LATENT = 4;
    private static final int BATCH = 400;

    @Test
    void miTcAndDimensionWiseKlSumToTheKl() {
        Map<String, Double> terms = terms();
        double sum = terms.get("mi") + terms.get("tc") + terms.get("dwkl");
        double kl = terms.get("kl");
        System.out.printf("BetaTcVaeTermsTest: MI %.4f + TC %.4f + DWKL %.4f = %.4f; closed-form KL %.4f%n",
                terms.get("mi"), terms.get("tc"), terms.get("dwkl"), sum, kl);
        // The one-sample estimate log q(z|x) - log p(z) of a KL of about kl nats per example has a
        // spread of order sqrt(2 kl) over examples; its batch mean, of order sqrt(2 kl / BATCH).
        assertEquals(kl, sum, 4 * Math.sqrt(2 * kl / BATCH) + 1e-3);
        for (String term : List.of("mi", "tc")) {
            assertEquals(0, terms.get(term), 0.05, term + " of a model whose posteriors are near the prior");
        }
    }

    /** The family's terms and the mean closed-form KL on one batch of a random model. */
    private static Map<String, Double> terms() {
        ModelFamily family = TestModels.component(Family.MODEL_FAMILY, "{type: beta_tcvae}");
        VaeGraph graph = new ModelParts(TestModels.component(Family.ENCODER, "{type: mlp, hidden: [16]}"),
                TestModels.component(Family.DECODER, "{type: mlp, hidden: [16]}"), TestModels.BERNOULLI,
                TestModels.beta(1.0), family, TestModels.shape(WIDTH), LATENT)
                .build(family.samples(1), new SplittableRandom(3));
        assertEquals(List.of("family/mi", "family/tc", "family/dwkl"),
                graph.familyMetrics().stream().sorted((a, b) -> order(a) - order(b)).toList());
        SplittableRandom random = new SplittableRandom(8);
        Map<String, INDArray> feed = TestModels.feed(TestModels.binary(random, BATCH, WIDTH),
                TestModels.gaussian(random, BATCH, LATENT), 1.0, 0.0);
        Map<String, INDArray> out = graph.sameDiff()
                .output(feed, "family/mi", "family/tc", "family/dwkl", VaeGraph.KL_MEAN);
        return Map.of("mi", out.get("family/mi").getDouble(0), "tc", out.get("family/tc").getDouble(0),
                "dwkl", out.get("family/dwkl").getDouble(0), "kl", out.get(VaeGraph.KL_MEAN).getDouble(0));
    }

    private static int order(String metric) {
        return List.of("family/mi", "family/tc", "family/dwkl").indexOf(metric);
    }
}
