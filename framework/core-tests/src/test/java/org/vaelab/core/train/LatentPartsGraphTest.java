package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.core.eval.ImportanceSampling;
import org.vaelab.core.eval.LatentStatistics;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.latent.DiagonalGaussianPosterior;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.StandardNormalPrior;
import org.vaelab.spi.model.ModelFamily;

/**
 * The prior and posterior of a spec, through the whole graph: a mixture prior set to N(0, I) gives the default
 * model's log importance weights, and its Monte Carlo KL averages to the default's closed-form KL; a learned prior's
 * importance-weighted bound is at or above its ELBO (Burda et al. 2016, theorem 1); the latent statistics a
 * posterior or prior does not define are left out; a KL schedule on each dimension is refused where no
 * per-dimension KL exists; a mixture prior's samples fall in each component as often as its weight says.
 */
class LatentPartsGraphTest {

    private static final int WIDTH = 12;
    private static final int LATENT = 2;
    private static final String MLP = "{type: mlp, hidden: [8], activation: tanh}";

    @Test
    void aMixturePriorAtTheStandardNormalGivesTheDefaultLogWeightsAndAnUnbiasedKl() {
        int samples = 2000;
        VaeGraph standard = parts(new StandardNormalPrior(), new DiagonalGaussianPosterior(), TestModels.beta(1))
                .build(samples, new SplittableRandom(5));
        VaeGraph mixture = parts(TestModels.component(Family.PRIOR, "{type: mog, components: 1}"),
                new DiagonalGaussianPosterior(), TestModels.beta(1)).build(samples, new SplittableRandom(5));
        TestModels.setValues(mixture.sameDiff(), "prior/means", new double[LATENT]);
        SplittableRandom random = new SplittableRandom(6);
        INDArray x = TestModels.binary(random, 3, WIDTH);
        INDArray eps = TestModels.gaussian(random, samples * 3, LATENT);
        Map<String, INDArray> exact = standard.sameDiff().output(TestModels.feed(x, eps, 1, 0), VaeGraph.LOG_WEIGHT,
                VaeGraph.KL);
        Map<String, INDArray> estimated = mixture.sameDiff().output(TestModels.feed(x, eps, 1, 0),
                VaeGraph.LOG_WEIGHT, VaeGraph.KL);
        assertArrayEquals(exact.get(VaeGraph.LOG_WEIGHT).toDoubleVector(),
                estimated.get(VaeGraph.LOG_WEIGHT).toDoubleVector(), 1e-3);
        assertTrue(standard.latentTerms().klClosedForm());
        assertFalse(mixture.latentTerms().klClosedForm());
        double[] closedForm = exact.get(VaeGraph.KL).toDoubleVector();
        double[] monteCarlo = estimated.get(VaeGraph.KL).toDoubleVector();
        for (int b = 0; b < closedForm.length; b++) {
            // the log ratio's standard deviation is about sqrt(2 KL) for small KL: 5 standard errors of the mean
            double tolerance = 5 * Math.sqrt(2 * closedForm[b] + 0.01) / Math.sqrt(samples);
            assertEquals(closedForm[b], monteCarlo[b], tolerance, "example " + b);
        }
    }

    @Test
    void aLearnedPriorsImportanceWeightedBoundIsAtOrAboveItsElbo() {
        DataSplit split = TestModels.syntheticSplits(40, WIDTH, 8).train();
        for (String prior : List.of("{type: mog, components: 3, learned_weights: true}",
                "{type: vamp, pseudo_inputs: 4}")) {
            ModelParts parts = parts(TestModels.component(Family.PRIOR, prior),
                    TestModels.component(Family.POSTERIOR, "{type: planar, length: 2}"), TestModels.beta(1));
            VaeGraph graph = parts.build(1, new SplittableRandom(9));
            double elbo = new Evaluator(graph, 20).evaluate(split, new SplittableRandom(10)).elbo();
            double bound = ImportanceSampling.of(graph, parts, 64, 64, 20).meanLogLikelihood(split,
                    new SplittableRandom(11));
            assertTrue(bound >= elbo, prior + ": IWAE bound " + bound + " below the ELBO " + elbo);
        }
    }

    @Test
    void statisticsThePartsDoNotDefineAreLeftOut() {
        DataSplit split = TestModels.syntheticSplits(10, WIDTH, 12).train();
        VaeGraph flow = parts(new StandardNormalPrior(),
                TestModels.component(Family.POSTERIOR, "{type: planar, length: 2}"), TestModels.beta(1))
                .build(1, new SplittableRandom(13));
        LatentStatistics flowStatistics = LatentStatistics.of(flow, split, 5);
        assertFalse(flowStatistics.klPerDimensionDefined());
        assertFalse(flowStatistics.activityDefined());
        assertTrue(flowStatistics.metrics("test").isEmpty(), flowStatistics.metrics("test").toString());
        assertThrows(IllegalStateException.class, flowStatistics::activeUnits);

        VaeGraph mixture = parts(TestModels.component(Family.PRIOR, "{type: mog, components: 2}"),
                new DiagonalGaussianPosterior(), TestModels.beta(1)).build(1, new SplittableRandom(13));
        LatentStatistics mixtureStatistics = LatentStatistics.of(mixture, split, 5);
        assertFalse(mixtureStatistics.klPerDimensionDefined());
        assertTrue(mixtureStatistics.activityDefined(), "E_q[z] is the encoder's mean under any prior");
        assertEquals(List.of("test/active_units"), List.copyOf(mixtureStatistics.metrics("test").keySet()));
        List<String> rows = mixtureStatistics.csv().lines().toList();
        assertEquals(3, rows.size(), "a header and a row per dimension");
        for (String row : rows.subList(1, 3)) {
            String[] cells = row.split(",", -1);
            assertEquals("", cells[1], "no KL per dimension without a closed form: " + row);
            assertTrue(Double.parseDouble(cells[2]) >= 0, "the variance of E_q[z] is defined: " + row);
        }
        assertTrue(flowStatistics.csv().lines().skip(1).allMatch(row -> row.matches("\\d+,,,")),
                "under a flow neither is defined: " + flowStatistics.csv());
    }

    @Test
    void aScheduleOnEachDimensionIsRefusedWithoutAClosedForm() {
        ModelParts parts = parts(TestModels.component(Family.PRIOR, "{type: mog, components: 2}"),
                new DiagonalGaussianPosterior(), TestModels.component(Family.KL_SCHEDULE, "{type: free_bits}"));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> parts.build(1, new SplittableRandom(1)));
        assertTrue(refused.getMessage().startsWith("kl.type: "), refused.getMessage());
    }

    @Test
    void aFamilyWrittenForTheDefaultLatentsRefusesAnyOther() {
        ModelFamily betaTc = TestModels.component(Family.MODEL_FAMILY, "{type: beta_tcvae}");
        ModelParts mixture = new ModelParts(TestModels.component(Family.ENCODER, MLP),
                TestModels.component(Family.DECODER, MLP), TestModels.BERNOULLI, TestModels.beta(1), betaTc,
                TestModels.component(Family.PRIOR, "{type: mog, components: 2}"), new DiagonalGaussianPosterior(),
                TestModels.shape(WIDTH), LATENT);
        InvalidInputException prior = assertThrows(InvalidInputException.class,
                () -> mixture.build(1, new SplittableRandom(1)));
        assertTrue(prior.getMessage().startsWith("model.prior: the model family's objective is written for N(0, I)"),
                prior.getMessage());

        ModelFamily mmd = TestModels.component(Family.MODEL_FAMILY, "{type: wae_mmd}");
        ModelParts flow = new ModelParts(TestModels.component(Family.ENCODER, MLP),
                TestModels.component(Family.DECODER, MLP), TestModels.BERNOULLI, TestModels.beta(1), mmd,
                TestModels.component(Family.PRIOR, "{type: standard_normal}"),
                TestModels.component(Family.POSTERIOR, "{type: planar}"), TestModels.shape(WIDTH), LATENT);
        InvalidInputException posterior = assertThrows(InvalidInputException.class,
                () -> flow.build(1, new SplittableRandom(1)));
        assertTrue(posterior.getMessage().startsWith("model.posterior: "), posterior.getMessage());

        ModelParts defaults = new ModelParts(TestModels.component(Family.ENCODER, MLP),
                TestModels.component(Family.DECODER, MLP), TestModels.BERNOULLI, TestModels.beta(1), betaTc,
                TestModels.component(Family.PRIOR, "{type: standard_normal}"), new DiagonalGaussianPosterior(),
                TestModels.shape(WIDTH), LATENT);
        assertEquals(LATENT, defaults.build(1, new SplittableRandom(1)).latentDim(), "the defaults build");
    }

    @Test
    void aMixturePriorsSamplesFallInEachComponentAsOftenAsItsWeight() {
        Prior prior = TestModels.component(Family.PRIOR, "{type: mog, components: 2, learned_weights: true}");
        ModelParts parts = parts(prior, new DiagonalGaussianPosterior(), TestModels.beta(1));
        VaeGraph graph = parts.build(1, new SplittableRandom(2));
        TestModels.setValues(graph.sameDiff(), "prior/means", new double[] {-4, -4, 4, 4});
        TestModels.setValues(graph.sameDiff(), "prior/weight_logits", new double[] {Math.log(0.25), Math.log(0.75)});
        int count = 4000;
        float[] codes = PriorSampler.of(graph, parts).draw(count, new SplittableRandom(3));
        int first = 0;
        for (int i = 0; i < count; i++) {
            if (codes[i * LATENT] + codes[i * LATENT + 1] < 0) {
                first++;
            }
        }
        double standardError = Math.sqrt(0.25 * 0.75 / count);
        assertEquals(0.25, (double) first / count, 4 * standardError);
    }

    @Test
    void theStandardNormalIsSampledAsBeforeFromTheCallersGenerator() {
        float[] codes = PriorSampler.standardNormal(LATENT).draw(5, new SplittableRandom(4));
        SplittableRandom same = new SplittableRandom(4);
        for (float code : codes) {
            assertEquals((float) same.nextGaussian(), code);
        }
    }

    private static ModelParts parts(Prior prior, Posterior posterior, KlSchedule schedule) {
        return new ModelParts(TestModels.component(Family.ENCODER, MLP), TestModels.component(Family.DECODER, MLP),
                TestModels.BERNOULLI, schedule, TestModels.VAE, prior, posterior, TestModels.shape(WIDTH), LATENT);
    }
}
