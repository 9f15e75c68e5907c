package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.model.AuxiliaryNetwork;
import org.vaelab.spi.model.ModelFamily;

/**
 * FactorVAE (Kim and Mnih 2018) on the engine's auxiliary networks: permute_dims keeps every
 * dimension's marginal; each parameter group's gradient is that of its own loss (the VAE's
 * parameters of the VAE's loss, the discriminator's of the cross-entropy), checked by central
 * differences; with gamma = 0 the VAE trains as the plain VAE; the discriminator alone learns the
 * total correlation of correlated Gaussian codes, {@code -1/2 log det(corr)} in closed form; and a
 * run resumed from a checkpoint takes exactly the steps of one never stopped, both optimizers'
 * states included.
 */
class FactorVaeTest {

    private static final int WIDTH = 12;
    private static final int LATENT = 3;
    private static final int BATCH = 32;
    private static final String NETWORK = "{type: mlp, hidden: [8], activation: tanh}";
    private static final String DISCRIMINATOR = "discriminator_depth: 2, discriminator_width: 6, "
            + "discriminator_lr: 1.0e-2";

    @TempDir
    Path work;

    private final DataSplits data = TestModels.syntheticSplits(200, WIDTH, 4);

    @Test
    void permutedCodesKeepEachDimensionsMarginalAndShuffleTheDimensionsApart() {
        VaeGraph graph = model("{type: factor_vae, gamma: 1, " + DISCRIMINATOR + "}", 1);
        int rows = 40;
        SplittableRandom random = new SplittableRandom(2);
        Map<String, INDArray> feed = TestModels.feed(TestModels.binary(random, rows, WIDTH),
                Nd4j.zeros(DataType.FLOAT, rows, LATENT), 1, 0);
        CodePermutations.put(feed, random, rows, LATENT);
        Map<String, INDArray> out = graph.output(feed, VaeGraph.Z_MEAN, AuxiliaryGraph.CODES,
                AuxiliaryGraph.PERMUTED_CODES);
        INDArray z = out.get(VaeGraph.Z_MEAN);
        INDArray codes = out.get(AuxiliaryGraph.CODES);
        INDArray permuted = out.get(AuxiliaryGraph.PERMUTED_CODES);
        assertEquals(z.get(NDArrayIndex.interval(0, rows / 2)), codes, "the first half of the codes, as they are");
        int moved = 0;
        for (int j = 0; j < LATENT; j++) {
            float[] half = z.get(NDArrayIndex.interval(rows / 2, rows)).getColumn(j).dup().data().asFloat();
            float[] column = permuted.getColumn(j).dup().data().asFloat();
            moved += column[0] == half[0] ? 0 : 1;
            Arrays.sort(half);
            Arrays.sort(column);
            assertArrayEquals(half, column, "dimension " + j + " is a permutation of the second half's");
        }
        assertTrue(moved > 0, "the permutations are not the identity");
        assertFalse(Arrays.equals(CodePermutations.sources(new SplittableRandom(1), 0, rows, 1),
                CodePermutations.sources(new SplittableRandom(1), 0, rows, 2)), "each dimension has its own");
    }

    @Test
    void everyParameterFollowsTheGradientOfItsOwnLossOnly() {
        VaeGraph graph = model("{type: factor_vae, gamma: 3, discriminator_depth: 2, discriminator_width: 3}", 11);
        SameDiff sd = graph.sameDiff();
        DoublePrecision.convert(sd);
        SplittableRandom random = new SplittableRandom(5);
        int rows = 6;
        Map<String, INDArray> feed = TestModels.feed(TestModels.binary(random, rows, WIDTH),
                TestModels.gaussian(random, rows, LATENT), 1, 0);
        CodePermutations.put(feed, random, rows, LATENT);
        feed.replaceAll((name, value) -> value.dataType().isFPType() ? value.castTo(DataType.DOUBLE) : value);
        List<String> parameters = TestModels.parameterNames(sd);
        Map<String, INDArray> session = sd.calculateGradients(feed, parameters);
        TrainingStep step = TrainingStep.of(graph, 2);
        Map<String, INDArray> engine = step.compute(new TrainingBatch(feed, new KlWeighting(1.0, 0.0))).gradients();
        assertEquals("compiled", step.kind(), "the engine runs FactorVAE's graph compiled");
        List<String> discriminator = parameters.stream().filter(name -> name.startsWith("discriminator/")).toList();
        List<String> vae = parameters.stream().filter(name -> !discriminator.contains(name)).toList();
        assertEquals(2 * 3, discriminator.size(), "two hidden layers and the logit");
        check(GradientComparison.of(sd, feed, vae, VaeGraph.LOSS, session, engine), "the VAE's loss");
        check(GradientComparison.of(sd, feed, discriminator, AuxiliaryGraph.LOSS, session, engine),
                "the discriminator's cross-entropy");
    }

    private static void check(List<GradientComparison> comparisons, String loss) {
        System.out.printf("FactorVaeTest gradients of %s: %s%n", loss, comparisons.get(1));
        for (GradientComparison comparison : comparisons) {
            assertTrue(comparison.failures().isEmpty(), () -> loss + ": gradients off: " + comparison.failures());
            assertTrue(comparison.largestAnalytic() > 1e-3, "the check of " + loss + " is not vacuous");
        }
    }

    @Test
    void withGammaZeroTheVaeParametersMoveAsThePlainVaes() {
        VaeGraph plain = model("{type: vae}", 7);
        VaeGraph factor = model("{type: factor_vae, gamma: 0, " + DISCRIMINATOR + "}", 7);
        trainer(plain).trainEpoch(data);
        trainer(factor).trainEpoch(data);
        double largest = 0;
        for (String name : plain.parameterNames()) {
            double[] expected = TestModels.values(plain.sameDiff(), name);
            double[] actual = TestModels.values(factor.sameDiff(), name);
            for (int i = 0; i < expected.length; i++) {
                largest = Math.max(largest, Math.abs(expected[i] - actual[i]));
            }
        }
        System.out.printf("FactorVaeTest gamma = 0: largest difference from the plain VAE %.3g%n", largest);
        assertTrue(largest <= 1e-6, "the VAE's parameters differ by " + largest);
        assertTrue(factor.parameterNames().size() > plain.parameterNames().size(), "the discriminator was built");
    }

    @Test
    void theDiscriminatorAloneLearnsTheTotalCorrelationOfCorrelatedGaussians() {
        double rho = 0.8;
        double totalCorrelation = -0.5 * Math.log(1 - rho * rho);
        ModelFamily family = TestModels.component(Family.MODEL_FAMILY,
                "{type: factor_vae, discriminator_depth: 2, discriminator_width: 16, discriminator_lr: 5.0e-3}");
        AuxiliaryNetwork network = family.auxiliaryNetworks().get(0);
        SameDiff sd = SameDiffGraphs.create();
        SDVariable z = sd.placeHolder("z", DataType.FLOAT, -1, 2);
        AuxiliaryGraph auxiliary = AuxiliaryGraph.build(sd, List.of(network), z, 2, new SplittableRandom(3));
        sd.setLossVariables(AuxiliaryGraph.LOSS);
        SameDiffGraphs.createGradients(sd);
        int steps = 600;
        ParameterUpdater updater = new ParameterUpdater(sd, network.optimizer(), new TrainingHorizon(steps, 1), 1);
        SplittableRandom random = new SplittableRandom(17);
        for (int step = 0; step < steps; step++) {
            Map<String, INDArray> feed = correlated(random, 256, rho);
            updater.apply(sd.calculateGradients(feed, updater.parameterNames()), step, 0);
        }
        String estimate = auxiliary.metrics().get("tc_estimate").name();
        double learned = sd.output(correlated(random, 4096, rho), estimate).get(estimate).getDouble(0);
        System.out.printf("FactorVaeTest TC estimate %.4f, closed form %.4f%n", learned, totalCorrelation);
        assertEquals(totalCorrelation, learned, 0.1, "the discriminator's estimate of -1/2 log(1 - rho^2)");
    }

    /** {@code rows} codes of N(0, [[1, rho], [rho, 1]]) and the permutations of their second half. */
    private static Map<String, INDArray> correlated(SplittableRandom random, int rows, double rho) {
        float[] values = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            double first = random.nextGaussian();
            values[2 * r] = (float) first;
            values[2 * r + 1] = (float) (rho * first + Math.sqrt(1 - rho * rho) * random.nextGaussian());
        }
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("z", Nd4j.create(values, new long[] {rows, 2}, 'c'));
        CodePermutations.put(feed, random, rows, 2);
        return feed;
    }

    @Test
    void aResumedRunTakesTheStepsOfOneNeverStoppedWithBothOptimizersStates() throws IOException {
        String spec = "{type: factor_vae, gamma: 5, " + DISCRIMINATOR + "}";
        List<StepValues> whole = new ArrayList<>();
        VaeGraph uninterruptedModel = model(spec, 1);
        Trainer uninterrupted = trainer(uninterruptedModel);
        for (int epoch = 0; epoch < 4; epoch++) {
            uninterrupted.epoch(data).forEach(whole::add);
        }
        Trainer first = trainer(model(spec, 1));
        List<StepValues> resumed = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            first.epoch(data).forEach(resumed::add);
        }
        Path file = work.resolve("state.ckpt");
        first.checkpoint(-1).write(file);
        Checkpoint read = Checkpoint.read(file);
        assertTrue(read.optimizerState().containsKey("discriminator/logit/W"), "the discriminator's Adam is saved");
        VaeGraph fresh = model(spec, 99);
        Trainer second = trainer(fresh);
        second.restore(read);
        for (int epoch = 2; epoch < 4; epoch++) {
            second.epoch(data).forEach(resumed::add);
        }
        assertEquals(whole, resumed, "the same loss and metrics, tc_estimate and discriminator_accuracy, every step");
        assertTrue(whole.get(0).familyMetrics().containsKey("tc_estimate"), "the metrics are logged");
        for (String name : fresh.parameterNames()) {
            assertArrayEquals(TestModels.values(uninterruptedModel.sameDiff(), name),
                    TestModels.values(fresh.sameDiff(), name), name);
        }
    }

    private VaeGraph model(String family, long seed) {
        return new ModelParts(TestModels.component(Family.ENCODER, NETWORK), TestModels.component(Family.DECODER,
                NETWORK), TestModels.BERNOULLI, TestModels.beta(1.0),
                TestModels.component(Family.MODEL_FAMILY, family), data.shape(), LATENT)
                .build(1, new SplittableRandom(seed));
    }

    private Trainer trainer(VaeGraph graph) {
        return new Trainer(graph, TestModels.adam(1e-2), TestModels.beta(1.0), BATCH, new RandomStreams(5),
                TrainingHorizon.of(data.train().size(), BATCH, 4));
    }
}
