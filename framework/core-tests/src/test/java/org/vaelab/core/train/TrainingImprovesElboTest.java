package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.mnist.Binarization;
import org.vaelab.plugins.data.mnist.MnistConfig;
import org.vaelab.plugins.data.mnist.MnistDataset;
import org.vaelab.plugins.data.mnist.MnistVariant;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.nn.Activation;

/**
 * Proves that training optimises the ELBO: two epochs on 1,900 real Fashion-MNIST images raise
 * the test-set ELBO measured by {@link Evaluator} by more than 50 nats per image over the
 * untrained model's, and the evaluator's terms add up.
 */
class TrainingImprovesElboTest {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void twoEpochsRaiseTheTestElboByMoreThanFiftyNats() throws IOException {
        assumeTrue(Files.isDirectory(FASHION), "apt-get install dataset-fashion-mnist to run this test");
        MnistConfig config = new MnistConfig(MnistVariant.FASHION, null, 100, Binarization.NONE, 2000, 500);
        DataSplits data = new MnistDataset(config).load(new LoadContext(Path.of("."), 1));
        assertEquals(1900, data.train().size());
        assertEquals(500, data.test().size());

        RandomStreams streams = new RandomStreams(1);
        VaeGraph graph = TestModels.vae(data.shape(), List.of(200), Activation.RELU, 10, 1, streams.initialWeights());
        Evaluator evaluator = new Evaluator(graph, 250);
        ElboTerms before = evaluator.evaluate(data.test(), streams.test(0));

        Trainer trainer = new Trainer(graph, TestModels.adam(1e-3), TestModels.beta(1.0), 50, streams,
                TrainingHorizon.of(data.train().size(), 50, 2));
        for (int epoch = 0; epoch < 2; epoch++) {
            trainer.trainEpoch(data);
        }
        ElboTerms after = evaluator.evaluate(data.test(), streams.test(0));

        System.out.printf("TrainingImprovesElboTest: test ELBO %.2f -> %.2f nats (recon %.2f -> %.2f, KL "
                + "%.3f -> %.3f)%n",
                before.elbo(), after.elbo(), before.reconLoss(), after.reconLoss(), before.kl(), after.kl());
        assertEquals(500, after.examples());
        assertEquals(-(after.reconLoss() + after.kl()), after.elbo(), 1e-9, "elbo = -(recon + kl)");
        assertTrue(after.kl() >= 0, "a KL is never negative");
        // An untrained decoder predicts about 1/2 everywhere: 784 log 2 = 543 nats of cross-entropy.
        assertEquals(-784 * Math.log(2), before.elbo(), 40, "the untrained model's ELBO");
        assertTrue(after.elbo() > before.elbo() + 50, "ELBO " + before.elbo() + " -> " + after.elbo());
    }
}
