package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad specs and bad input: exit code 2, a clear message, no stack trace, and no run directory. */
class BadInputTest {

    @TempDir
    Path work;

    @Test
    void aTypoInAKeyGetsADidYouMeanAndRunsNothing() throws IOException {
        Path spec = TestSpecs.write(work, "typo.yaml", TestSpecs.SMALL_FASHION.replace("hidden: [400]}\n  decoder",
                "hiden: [400]}\n  decoder"));
        CommandLineRunner.Outcome outcome = run(spec);
        assertEquals(2, outcome.exitCode());
        assertEquals(spec + ": 1 problem, nothing was run\n"
                + "1) [spec/UnknownKey] model.encoder.hiden (line 6, col 24): unknown key for encoder 'mlp'."
                + " Did you mean 'hidden'? Known: activation, dropout, hidden, layer_norm\n", outcome.err());
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path spec = TestSpecs.write(work, "several.yaml", TestSpecs.SMALL_FASHION
                .replace("latent_dim: 8", "latent_dim: 0")
                .replace("likelihood: {type: bernoulli}", "likelihood: {type: bernouli}"));
        CommandLineRunner.Outcome outcome = run(spec);
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().startsWith(spec + ": 2 problems, nothing was run"), outcome.err());
        assertTrue(outcome.err().contains("1) [spec/BadValue] model.latent_dim (line 5, col 15): must be "
                + ">= 1, found 0"), outcome.err());
        assertTrue(outcome.err().contains("2) [spec/UnknownType] likelihood.type (line 8, col 20): unknown "
                + "likelihood type 'bernouli'. Did you mean 'bernoulli'?"), outcome.err());
        assertFalse(outcome.err().contains("Exception"), "no stack trace");
    }

    @Test
    void aMissingDataFolderIsASpecProblemAtTheDataBlockAndRunsNothing() throws IOException {
        Path spec = TestSpecs.write(work, "nodata.yaml", TestSpecs.SMALL_FASHION.replace("variant: fashion",
                "variant: digits, path: no-such-folder"));
        CommandLineRunner.Outcome outcome = run(spec);
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().startsWith(spec + ": 1 problem, nothing was run\n"
                + "1) [data/Unloadable] data (line 3, col "), outcome.err());
        assertEquals(2, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().contains("no-such-folder"), outcome.err());
        assertFalse(Files.exists(work.resolve("runs/slice")), "no run directory");
    }

    @Test
    void aMissingSpecFileIsABadInput() {
        CommandLineRunner.Outcome outcome = run(work.resolve("absent.yaml"));
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("[spec/FileNotFound]"), outcome.err());
    }

    @Test
    void aFiftyMegabyteSpecIsRefusedByItsSizeWithoutBeingRead() throws IOException {
        Path spec = TestSpecs.write(work, "huge.yaml", TestSpecs.SMALL_FASHION);
        byte[] comments = ("# " + "padding ".repeat(127) + "\n").getBytes(StandardCharsets.US_ASCII);
        long size = 50L << 20;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spec,
                StandardOpenOption.APPEND))) {
            for (long written = Files.size(spec); written < size; written += comments.length) {
                out.write(comments, 0, (int) Math.min(comments.length, size - written));
            }
        }
        assertEquals(size, Files.size(spec));
        CommandLineRunner.Outcome outcome = run(spec);
        assertEquals(2, outcome.exitCode());
        assertEquals(spec + ": 1 problem, nothing was run\n1) [spec/TooLarge] (line 1, col 1): the file has "
                + "52428800 bytes; specs are limited to 1048576 bytes\n", outcome.err());
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", "--epochs", "3");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("usage: vae run"), outcome.err());
    }

    @Test
    void aBatchLargerThanTheTrainingSplitIsABadInput() throws IOException {
        Path spec = TestSpecs.write(work, "batch.yaml",
                TestSpecs.SMALL_FASHION.replace("batch_size: 64", "batch_size: 5000"));
        CommandLineRunner.Outcome outcome = run(spec);
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().startsWith(spec + ": 1 problem, nothing was run\n1) [spec/Mismatch] train.batch_size "
                + "(line "), "a spec problem at the value to change: " + outcome.err());
        assertTrue(outcome.err().contains("): 5000 is larger than the training split (3000 examples)"), outcome.err());
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void aCudaSpecOnTheCpuBuildNamesTheProfileToBuildWith() throws IOException {
        Path spec = TestSpecs.write(work, "cuda.yaml", TestSpecs.SMALL_FASHION);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                work.resolve("runs").toString(), "--set", "backend=cuda");
        assertEquals(2, outcome.exitCode());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().contains("the spec asks for cuda but ND4J loaded CpuBackend; build with -Pcuda"),
                outcome.err());
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void aConditionalVaeNeedsLabels() throws IOException {
        Path roll = TestSpecs.write(work, "roll-cvae.yaml", TestSpecs.SMALL_FASHION
                .replace("{type: mnist, variant: fashion, train_limit: 3500, validation: 500, test_limit: 1000}",
                        "{type: swiss_roll, n: 500}")
                .replace("likelihood: {type: bernoulli}", "likelihood: {type: gaussian}")
                .replace("  decoder: {type: mlp, hidden: [400]}",
                        "  decoder: {type: mlp, hidden: [400]}\n  family: {type: cvae}"));
        CommandLineRunner.Outcome unlabelled = run(roll);
        assertEquals(2, unlabelled.exitCode(), unlabelled.err());
        assertTrue(unlabelled.err().contains("[spec/Mismatch] model.family.type (line "), unlabelled.err());
        assertTrue(unlabelled.err().contains("cvae conditions the encoder and decoder on each "
                + "example's class label, but the data have no labels"), unlabelled.err());
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void aDiscreteCodeWithAContinuousPartnerIsASpecMismatch() throws IOException {
        Path categorical = TestSpecs.write(work, "categorical-planar.yaml", TestSpecs.SMALL_FASHION.replace(
                "  decoder: {type: mlp, hidden: [400]}", "  decoder: {type: mlp, hidden: [400]}\n"
                        + "  prior: {type: categorical, categories: 4}\n  posterior: {type: planar}"));
        CommandLineRunner.Outcome flow = run(categorical);
        assertEquals(2, flow.exitCode(), flow.err());
        assertTrue(flow.err().contains("[spec/Mismatch] model.posterior.type (line "), flow.err());
        assertTrue(flow.err().contains("the categorical prior is a density of codes on the probability simplex; "
                + "use model.posterior gumbel_softmax"), flow.err());

        Path vq = TestSpecs.write(work, "mog-vq.yaml", TestSpecs.SMALL_FASHION.replace(
                "  decoder: {type: mlp, hidden: [400]}", "  decoder: {type: mlp, hidden: [400]}\n"
                        + "  prior: {type: mog}\n  posterior: {type: vq, codes: 16, embedding_dim: 4}"));
        CommandLineRunner.Outcome mixture = run(vq);
        assertEquals(2, mixture.exitCode(), mixture.err());
        assertTrue(mixture.err().contains("[spec/Mismatch] model.prior.type (line "), mixture.err());
        assertTrue(mixture.err().contains("the vq posterior needs the vq prior with its codes (16) and "
                + "embedding_dim (4)"), mixture.err());
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void aDecoderWithDropoutUnderAFamilyThatTrainsItApartIsASpecMismatch() throws IOException {
        Path spec = TestSpecs.write(work, "piwae-dropout.yaml", TestSpecs.SMALL_FASHION.replace(
                "  decoder: {type: mlp, hidden: [400]}", "  decoder: {type: mlp, hidden: [400], dropout: 0.2}\n"
                        + "  family: {type: piwae, groups: 2, samples: 2}"));
        CommandLineRunner.Outcome outcome = run(spec);
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("[spec/Mismatch] model.decoder.type (line "), outcome.err());
        assertTrue(outcome.err().contains("the model family trains the decoder on an objective of its own, through a "
                + "second copy of the decoder that cannot share its dropout masks; leave model.decoder.dropout at 0"),
                outcome.err());
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void aMalformedSetKeyIsASpecProblemInRunAndValidate() throws IOException {
        Path spec = TestSpecs.write(work, "fine.yaml", TestSpecs.SMALL_FASHION);
        for (CommandLineRunner.Outcome outcome : List.of(
                CommandLineRunner.vae("validate", spec.toString(), "--set", "..=1"),
                CommandLineRunner.vae("run", spec.toString(), "--runs-dir", work.resolve("runs").toString(), "--set",
                        "..=1"))) {
            assertEquals(2, outcome.exitCode(), outcome.err());
            assertEquals(spec + ": 1 problem, nothing was run\n1) [spec/BadOverride] (--set ..=1): '..' is not "
                    + "a key: a key is names joined by single dots, such as kl.beta or model.encoder.hidden, without a "
                    + "dot at either end\n", outcome.err());
        }
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void aModelTooLargeToHoldIsRefusedWithItsParameterCountBeforeItIsBuilt() throws IOException {
        Path wide = TestSpecs.write(work, "wide.yaml",
                TestSpecs.SMALL_FASHION.replace("encoder: {type: mlp, hidden: [400]}",
                "encoder: {type: mlp, hidden: [100000000]}"));
        CommandLineRunner.Outcome mlp = run(wide);
        assertEquals(2, mlp.exitCode(), mlp.err());
        assertEquals(1, mlp.err().strip().lines().count(), mlp.err());
        assertTrue(mlp.err().startsWith("error: model.encoder: the model would have 80,100,318,000 "
                + "parameters (298.4 GiB as float32), 78,400,000,000 of them in one layer's array; at most "),
                mlp.err());

        Path channels = TestSpecs.write(work, "channels.yaml", TestSpecs.SMALL_FASHION.replace(
                "encoder: {type: mlp, hidden: [400]}",
                "encoder: {type: conv, layers: [{channels: 200000}, {channels: 200000}]}"));
        CommandLineRunner.Outcome conv = run(channels);
        assertEquals(2, conv.exitCode(), conv.err());
        assertEquals(1, conv.err().strip().lines().count(), conv.err());
        assertTrue(conv.err().startsWith("error: model.encoder: the model would have "), conv.err());
        assertTrue(conv.err().contains(", 640,000,000,000 of them in one layer's array"), conv.err());
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void aModelWhoseLayersFitButNotTheirSumWithAdamsMomentsIsRefused() throws IOException {
        Path spec = TestSpecs.write(work, "deep.yaml",
                TestSpecs.SMALL_FASHION.replace("encoder: {type: mlp, hidden: [400]}",
                "encoder: {type: mlp, hidden: [" + "5000, ".repeat(1000) + "5000]}"));
        CommandLineRunner.Outcome outcome = run(spec);
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().matches("error: model\\.encoder: the model would have [\\d,]+ parameters "
                + "\\([\\d.]+ GiB as float32\\); with their gradients and Adam's two moments at most [\\d,]+ fit in "
                + "this process's memory \\([\\d.]+ GiB\\); use smaller layers; nothing was run\\n"), outcome.err());
    }

    private CommandLineRunner.Outcome run(Path spec) {
        return CommandLineRunner.vae("run", spec.toString(), "--runs-dir", work.resolve("runs").toString());
    }
}
