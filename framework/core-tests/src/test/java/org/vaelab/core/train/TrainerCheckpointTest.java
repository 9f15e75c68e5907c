package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * Training stopped after an epoch, saved to a file, and continued in a new model from that file
 * takes exactly the steps of training never stopped, dropout masks and Adam's moments included;
 * a file changed on disk (one bit, truncated, not a checkpoint at all) is refused by its checksum or header;
 * a step with a non-finite loss stops training, names the term, and leaves the parameters as they were.
 */
class TrainerCheckpointTest {

    private static final int EPOCHS = 4;
    private static final int BATCH = 32;
    private static final int LATENT = 3;
    private static final String NETWORK = "{type: mlp, hidden: [16], dropout: 0.25}";

    @TempDir
    Path work;

    private final DataSplits data = TestModels.syntheticSplits(200, 12, 4);

    @Test
    void aTrainerRestoredFromAFileContinuesBitForBit() throws IOException {
        List<Double> whole = new ArrayList<>();
        VaeGraph uninterruptedModel = model(1);
        Trainer uninterrupted = trainer(uninterruptedModel);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            uninterrupted.epoch(data).forEach(values -> whole.add(values.loss()));
        }

        Trainer first = trainer(model(1));
        List<Double> resumed = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            first.epoch(data).forEach(values -> resumed.add(values.loss()));
        }
        Path file = work.resolve("state.ckpt");
        first.checkpoint(-123.5).write(file);
        Checkpoint read = Checkpoint.read(file);
        assertEquals(2, read.epoch());
        assertEquals(first.globalStep(), read.globalStep());
        assertEquals(-123.5, read.bestValidationElbo());

        VaeGraph fresh = model(99);
        Trainer second = trainer(fresh);
        second.restore(read);
        for (int epoch = 2; epoch < EPOCHS; epoch++) {
            second.epoch(data).forEach(values -> resumed.add(values.loss()));
        }
        assertEquals(whole, resumed, "the same loss at every step");
        for (String name : TestModels.parameterNames(fresh.sameDiff())) {
            assertArrayEquals(TestModels.values(uninterruptedModel.sameDiff(), name),
                    TestModels.values(fresh.sameDiff(), name), name);
        }
    }

    @Test
    void aCheckpointOfAnotherModelOrAFlippedTruncatedOrGarbageFileIsRefused() throws IOException {
        Trainer trainer = trainer(model(1));
        Path file = work.resolve("state.ckpt");
        trainer.checkpoint(Double.NaN).write(file);
        VaeGraph widerModel = new ModelParts(TestModels.component(Family.ENCODER, "{type: mlp, hidden: [17]}"),
                TestModels.component(Family.DECODER, NETWORK), TestModels.BERNOULLI, TestModels.beta(1.0),
                TestModels.VAE, data.shape(), LATENT).build(1, new SplittableRandom(1));
        Trainer wider = new Trainer(widerModel, TestModels.adam(1e-2), TestModels.beta(1.0), BATCH,
                new RandomStreams(5), TrainingHorizon.of(200, BATCH, EPOCHS));
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> wider.restore(Checkpoint.read(file)));
        assertTrue(mismatch.getMessage().contains("encoder/hidden0/W is [12, 16] in the checkpoint, [12, 17] "
                + "in the model"), mismatch.getMessage());

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        InvalidInputException flipped = assertThrows(InvalidInputException.class, () -> Checkpoint.read(file));
        assertEquals(file + " is corrupt: its content does not match its CRC32C checksum", flipped.getMessage());

        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        InvalidInputException truncated = assertThrows(InvalidInputException.class, () -> Checkpoint.read(file));
        assertEquals(file + " is corrupt: its content does not match its CRC32C checksum", truncated.getMessage());

        Files.write(file, "VAELAB? no".getBytes(StandardCharsets.UTF_8));
        InvalidInputException garbage = assertThrows(InvalidInputException.class, () -> Checkpoint.read(file));
        assertEquals(file + " is not a VAELab checkpoint", garbage.getMessage());
    }

    @Test
    void aNonFiniteLossStopsTrainingNamingTheTermAndKeepsTheParameters() {
        VaeGraph graph = model(1);
        Trainer trainer = trainer(graph);
        trainer.trainEpoch(data);
        String head = "decoder/out/b";
        double[] poisoned = TestModels.values(graph.sameDiff(), head);
        poisoned[0] = Double.NaN;
        TestModels.setValues(graph.sameDiff(), head, poisoned);
        double[] before = TestModels.values(graph.sameDiff(), "encoder/hidden0/W");

        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                () -> trainer.trainEpoch(data));
        long step = trainer.globalStep() + 1;
        assertTrue(diverged.getMessage().startsWith("the training loss became NaN at step " + step + " (epoch 2): "
                + "the reconstruction term -log p(x|z) is not finite"), diverged.getMessage());
        assertArrayEquals(before, TestModels.values(graph.sameDiff(), "encoder/hidden0/W"),
                "the step that diverged changed no parameter");
        assertFalse(Double.isNaN(before[0]));
    }

    private VaeGraph model(long seed) {
        return new ModelParts(TestModels.component(Family.ENCODER, NETWORK),
                TestModels.component(Family.DECODER, NETWORK),
                TestModels.BERNOULLI, TestModels.beta(1.0), TestModels.VAE, data.shape(), LATENT)
                .build(2, new SplittableRandom(seed));
    }

    private Trainer trainer(VaeGraph graph) {
        return new Trainer(graph, TestModels.adam(1e-2), TestModels.beta(1.0), BATCH, new RandomStreams(5),
                TrainingHorizon.of(data.train().size(), BATCH, EPOCHS));
    }
}
