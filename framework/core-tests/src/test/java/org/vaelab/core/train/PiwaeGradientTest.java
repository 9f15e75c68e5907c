package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.Family;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.latent.DiagonalGaussianPosterior;
import org.vaelab.spi.model.ModelFamily;

/**
 * PIWAE (Rainforth et al. 2018, section 4) trains the decoder and the encoder on two bounds through the SPI's
 * {@code GenerativeObjective}: on a tiny mlp VAE in double precision, with the noise fixed, the gradient SameDiff
 * and the compiled engine give every encoder weight is the central difference of the negative MIWAE bound
 * {@code -1/M sum_m log (1/K) sum_k w_mk}, and every decoder weight's that of the negative IWAE bound of all
 * M K samples, both bounds computed here from the graph's log importance weights, and so is the gradient of a learned
 * prior's parameters; and PIWAE with M = K = 1 has the
 * one-sample ELBO's gradients: those of {@code iwae} with K = 1 for every weight, and of {@code vae} (whose KL is in
 * closed form, so its encoder's gradient differs by a term of zero mean) for every decoder weight.
 */
class PiwaeGradientTest {

    private static final int WIDTH = 4;
    private static final int LATENT = 3;
    private static final int BATCH = 5;
    private static final int GROUPS = 2;
    private static final int SAMPLES = 3;
    /** The central-difference step. */
    private static final double STEP = 1e-6;

    /**
     * With N(0, I), with a learned mixture (the prior's own parameters train with the decoder) and with the VampPrior
     * (its pseudo-inputs train with the decoder; the encoder it applies to them gets MIWAE's gradient alone).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{type: standard_normal}", "{type: mog, components: 2, learned_weights: true}",
        "{type: vamp, pseudo_inputs: 2}"})
    void encoderFollowsMiwaeAndDecoderAndPriorFollowIwae(String prior) {
        VaeGraph graph = tinyModel("{type: piwae, groups: " + GROUPS + ", samples: " + SAMPLES + "}", prior);
        SameDiff sd = graph.sameDiff();
        Map<String, INDArray> feed = feed(graph.samples());
        List<String> parameters = TestModels.parameterNames(sd);
        Map<String, INDArray> gradients = sd.calculateGradients(feed, parameters);
        TrainingStep step = TrainingStep.of(graph, 2);
        Map<String, INDArray> engine = step.compute(new TrainingBatch(feed, new KlWeighting(1.0, 0.0))).gradients();
        assertEquals("compiled", step.kind(), "the engine runs PIWAE's graph compiled");

        GradientComparison encoder = new GradientComparison();
        GradientComparison decoder = new GradientComparison();
        for (String name : parameters) {
            boolean inference = name.startsWith(VaeGraph.ENCODER_SCOPE + "/");
            assertTrue(inference || name.startsWith(VaeGraph.DECODER_SCOPE + "/")
                    || name.startsWith(VaeGraph.PRIOR_SCOPE + "/"), name);
            INDArray values = sd.getArrForVarName(name);
            for (long i = 0; i < values.length(); i++) {
                double original = values.getDouble(i);
                values.putScalar(i, original + STEP);
                double[] plus = logWeights(sd, feed);
                values.putScalar(i, original - STEP);
                double[] minus = logWeights(sd, feed);
                values.putScalar(i, original);
                double numerical = inference ? (miwae(minus) - miwae(plus)) / (2 * STEP)
                        : (iwae(minus) - iwae(plus)) / (2 * STEP);
                GradientComparison comparison = inference ? encoder : decoder;
                comparison.add(name + "[" + i + "] (SameDiff)", gradients.get(name).getDouble(i), numerical);
                comparison.add(name + "[" + i + "] (engine)", engine.get(name).getDouble(i), numerical);
            }
        }
        System.out.printf("PiwaeGradientTest %s: encoder against MIWAE: %s; decoder and prior against IWAE: %s%n",
                prior, encoder, decoder);
        assertTrue(encoder.failures().isEmpty(), () -> "encoder gradients off MIWAE's: " + encoder.failures());
        assertTrue(decoder.failures().isEmpty(), () -> "decoder and prior gradients off IWAE's: " + decoder.failures());
        assertTrue(encoder.largestAnalytic() > 1e-2 && decoder.largestAnalytic() > 1e-2, "the check is not vacuous");
    }

    @Test
    void theTwoBoundsGiveDifferentGradientsHere() {
        VaeGraph piwae = tinyModel("{type: piwae, groups: " + GROUPS + ", samples: " + SAMPLES + "}");
        VaeGraph miwae = tinyModel("{type: miwae, groups: " + GROUPS + ", samples: " + SAMPLES + "}");
        VaeGraph iwae = tinyModel("{type: iwae, samples: " + GROUPS * SAMPLES + "}");
        Map<String, INDArray> piwaeGradients = gradients(piwae);
        Map<String, INDArray> miwaeGradients = gradients(miwae);
        Map<String, INDArray> iwaeGradients = gradients(iwae);
        for (String name : piwaeGradients.keySet()) {
            Map<String, INDArray> expected = name.startsWith(VaeGraph.ENCODER_SCOPE) ? miwaeGradients : iwaeGradients;
            Map<String, INDArray> other = expected == miwaeGradients ? iwaeGradients : miwaeGradients;
            assertTrue(piwaeGradients.get(name).equalsWithEps(expected.get(name), 1e-10), name);
            assertFalse(piwaeGradients.get(name).equalsWithEps(other.get(name), 1e-6),
                    name + ": MIWAE's and IWAE's gradients differ, so the test tells the groups apart");
        }
    }

    @Test
    void oneSampleIsTheElbosGradient() {
        Map<String, INDArray> piwae = gradients(tinyModel("{type: piwae, groups: 1, samples: 1}"));
        Map<String, INDArray> oneSampleElbo = gradients(tinyModel("{type: iwae, samples: 1}"));
        Map<String, INDArray> vae = gradients(tinyModel("{type: vae}"));
        assertEquals(oneSampleElbo.keySet(), piwae.keySet());
        for (String name : piwae.keySet()) {
            assertEquals(oneSampleElbo.get(name), piwae.get(name), name + " against iwae with K = 1");
            if (name.startsWith(VaeGraph.DECODER_SCOPE + "/")) {
                assertEquals(vae.get(name), piwae.get(name), name + " against vae");
            }
        }
    }

    private static VaeGraph tinyModel(String family) {
        return tinyModel(family, "{type: standard_normal}");
    }

    private static VaeGraph tinyModel(String family, String prior) {
        ModelFamily objective = TestModels.component(Family.MODEL_FAMILY, family);
        String mlp = "{type: mlp, hidden: [3], activation: tanh}";
        VaeGraph graph = new ModelParts(TestModels.component(Family.ENCODER, mlp),
                TestModels.component(Family.DECODER, mlp), TestModels.BERNOULLI, TestModels.beta(1.0), objective,
                TestModels.component(Family.PRIOR, prior), new DiagonalGaussianPosterior(), TestModels.shape(WIDTH),
                LATENT).build(objective.samples(1), new SplittableRandom(11));
        DoublePrecision.convert(graph.sameDiff());
        return graph;
    }

    /** The same batch and noise for every model: the first rows of eps are the same whatever the samples. */
    private static Map<String, INDArray> feed(int samples) {
        SplittableRandom random = new SplittableRandom(5);
        INDArray x = TestModels.binary(random, BATCH, WIDTH).castTo(DataType.DOUBLE);
        INDArray eps = TestModels.gaussian(random, samples * BATCH, LATENT).castTo(DataType.DOUBLE);
        return TestModels.feed(x, eps, 1.0, 0.0);
    }

    private static Map<String, INDArray> gradients(VaeGraph graph) {
        SameDiff sd = graph.sameDiff();
        return sd.calculateGradients(feed(graph.samples()), TestModels.parameterNames(sd));
    }

    private static double[] logWeights(SameDiff sd, Map<String, INDArray> feed) {
        return sd.output(feed, VaeGraph.LOG_WEIGHT).get(VaeGraph.LOG_WEIGHT).toDoubleVector();
    }

    /** The MIWAE bound of sample-major log weights, group g of example b holding samples {@code k G + g}. */
    private static double miwae(double[] logWeights) {
        double sum = 0;
        for (int b = 0; b < BATCH; b++) {
            for (int g = 0; g < GROUPS; g++) {
                double[] group = new double[SAMPLES];
                for (int k = 0; k < SAMPLES; k++) {
                    group[k] = logWeights[(k * GROUPS + g) * BATCH + b];
                }
                sum += logMeanExp(group);
            }
        }
        return sum / (BATCH * GROUPS);
    }

    /** The IWAE bound of all samples of each example. */
    private static double iwae(double[] logWeights) {
        double sum = 0;
        for (int b = 0; b < BATCH; b++) {
            double[] all = new double[GROUPS * SAMPLES];
            for (int s = 0; s < all.length; s++) {
                all[s] = logWeights[s * BATCH + b];
            }
            sum += logMeanExp(all);
        }
        return sum / BATCH;
    }

    private static double logMeanExp(double[] values) {
        double largest = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            largest = Math.max(largest, value);
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - largest);
        }
        return largest + Math.log(sum / values.length);
    }
}
