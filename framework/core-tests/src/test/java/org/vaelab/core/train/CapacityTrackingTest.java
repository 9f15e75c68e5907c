package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The controlled-capacity objective of Burgess et al. 2018 does what it is for: with
 * {@code gamma * |KL - C|} and C rising from 0 to 12 nats, the training KL, logged as a mean over
 * every 25 steps, follows C within 10% over the second half of training, on 2,000 real
 * Fashion-MNIST images.
 */
class CapacityTrackingTest {

    /** Steps per logged value, as with {@code train.log_every_steps: 25}. */
    private static final int WINDOW = 25;

    @Test
    void theKlFollowsTheTargetCapacity() throws Exception {
        Dataset fashion = TestModels.component(Family.DATASET,
                "{type: mnist, variant: fashion, train_limit: 2100, validation: 100, test_limit: 100}");
        DataSplits data = fashion.load(new LoadContext(Path.of("."), 1));
        int batch = 50;
        int epochs = 16;
        long steps = (long) epochs * data.train().size() / batch;
        KlSchedule capacity = TestModels.component(Family.KL_SCHEDULE,
                "{type: capacity, gamma: 1000, c_min: 0, c_max: 12, steps: " + steps + "}");
        RandomStreams streams = new RandomStreams(3);
        VaeGraph graph = new ModelParts(TestModels.component(Family.ENCODER, "{type: mlp, hidden: [200]}"),
                TestModels.component(Family.DECODER, "{type: mlp, hidden: [200]}"), TestModels.BERNOULLI, capacity,
                TestModels.VAE, data.shape(), 10).build(1, streams.initialWeights());
        TrainingHorizon horizon = TrainingHorizon.of(data.train().size(), batch, epochs);
        Trainer trainer = new Trainer(graph, TestModels.adam(1e-3), capacity, batch, streams, horizon);
        List<double[]> klAndTarget = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (StepValues values : trainer.epoch(data)) {
                klAndTarget.add(new double[] {values.kl(), values.weighting().capacity()});
            }
        }
        double worst = 0;
        for (int start = klAndTarget.size() / 2; start + WINDOW <= klAndTarget.size(); start += WINDOW) {
            List<double[]> window = klAndTarget.subList(start, start + WINDOW);
            double kl = window.stream().mapToDouble(p -> p[0]).average().orElseThrow();
            double target = window.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            worst = Math.max(worst, Math.abs(kl - target) / target);
        }
        assertTrue(worst <= 0.10, "largest relative gap between the logged KL and C over the second half: " + worst);
    }
}
