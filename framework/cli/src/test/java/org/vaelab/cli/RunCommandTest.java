package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * {@code vae run} end to end on a slice of the real Fashion-MNIST files from Debian's
 * {@code dataset-fashion-mnist}: the ELBO improves and the run directory holds every file it promises.
 */
class RunCommandTest {

    @TempDir
    static Path work;
    static Path runDirectory;
    static CommandLineRunner.Outcome outcome;

    @BeforeAll
    static void runSmallExperiment() throws IOException {
        Path spec = TestSpecs.write(work, "slice.yaml", TestSpecs.SMALL_FASHION);
        outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir", work.resolve("runs").toString(),
                "--set", "train.epochs=3");
        try (Stream<Path> runs = Files.list(work.resolve("runs/slice"))) {
            runDirectory = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void exitsZeroAndPrintsTheTestElboOfEveryEpoch() {
        assertEquals(0, outcome.exitCode(), outcome.err());
        for (int epoch = 1; epoch <= 3; epoch++) {
            assertTrue(outcome.out().contains("epoch " + epoch + "/3"), outcome.out());
        }
    }

    @Test
    void epochLinesShowTheLoggedElboHigherIsBetterWithTheBestEpochMarkedAndLabelledTimes() throws IOException {
        assertTrue(outcome.out().contains("per epoch: train loss (the training objective, lower is better); "
                + "val and test ELBO (nats per example, higher is better); times; the run's time left\n"),
                outcome.out());
        Pattern epochLine = Pattern.compile("epoch (\\d)/3  train loss \\d+\\.\\d\\d  val ELBO (\\S+)( \\(best\\))?  "
                + "test ELBO (\\S+) = -\\(recon (\\S+) \\+ KL (\\S+)\\)  \\|  train \\d+\\.\\d s \\(\\d+ img/s\\), "
                + "eval \\d+\\.\\d s, about (\\d+ s|\\d+ min \\d\\d s) left");
        List<Matcher> lines = outcome.out().lines().map(epochLine::matcher).filter(Matcher::matches).toList();
        assertEquals(3, lines.size(), outcome.out());
        Map<Integer, Double> validation = metric("val/elbo");
        double best = Double.NaN;
        for (Matcher line : lines) {
            int epoch = Integer.parseInt(line.group(1));
            assertEquals(twoDecimals(validation.get(epoch)), line.group(2), "the sign of metrics.csv");
            assertEquals(twoDecimals(metric("test/elbo").get(epoch)), line.group(4));
            assertEquals(twoDecimals(metric("test/recon").get(epoch)), line.group(5));
            assertEquals(twoDecimals(metric("test/kl").get(epoch)), line.group(6));
            boolean improved = Double.isNaN(best) || validation.get(epoch) > best;
            best = improved ? validation.get(epoch) : best;
            assertEquals(improved, line.group(3) != null, "the best validation ELBO so far is marked: " + line.group());
        }
        assertTrue(outcome.out().contains("done in "), outcome.out());
        assertTrue(outcome.out().contains(": test ELBO " + twoDecimals(metric("test/elbo").get(3))
                + " nats per example; files in "), outcome.out());
    }

    @Test
    void theWorkAfterTrainingSaysWhatItDoesAndWhenItIsDone() {
        // Piped, each stretch prints a start and an end line; the seven drawings of 28x28 images with an
        // 8-D latent space: reconstructions, samples, traversals, interpolation, latent scatter, training curves
        // and the KL of each dimension.
        Pattern account = Pattern.compile("epoch 3/3 [^\\n]*\\n"
                + "KL per dimension and active units: 1000 test examples\\.\\.\\.\\n"
                + "KL per dimension and active units: done in \\d+\\.\\d s\\n"
                + "importance-weighted log p\\(x\\), K = 100: 1000 test examples\\.\\.\\.\\n"
                + "importance-weighted log p\\(x\\), K = 100: done in \\d+\\.\\d s\\n"
                + "test log p\\(x\\) >= [^\\n]*\\n"
                + "pictures: 7 figures\\.\\.\\.\\n"
                + "pictures: done in \\d+\\.\\d s\\n"
                + "done in ");
        assertTrue(account.matcher(outcome.out()).find(), outcome.out());
    }

    private static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    @Test
    void testElboImprovesEveryEpoch() throws IOException {
        Map<Integer, Double> testElbo = metric("test/elbo");
        assertEquals(3, testElbo.size());
        assertTrue(testElbo.get(2) > testElbo.get(1), testElbo.toString());
        assertTrue(testElbo.get(3) > testElbo.get(2), testElbo.toString());
        assertTrue(testElbo.get(3) < 0 && testElbo.get(3) > -400, "nats per 784-pixel image: " + testElbo);
        Map<Integer, Double> recon = metric("test/recon");
        Map<Integer, Double> kl = metric("test/kl");
        assertEquals(-testElbo.get(3), recon.get(3) + kl.get(3), 1e-6, "elbo = -(recon + kl)");
        assertTrue(kl.get(3) > 0);
    }

    @Test
    void runDirectoryHoldsEveryPromisedFile() throws IOException {
        for (String file : List.of("spec.resolved.yaml", "provenance.json", "metrics.csv", "checkpoints/final.fb",
                "images/reconstructions.png", "images/samples.png")) {
            assertTrue(Files.size(runDirectory.resolve(file)) > 0, file);
        }
        try (Stream<Path> files = Files.walk(runDirectory)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void provenanceRecordsStatusSeedAndTheResolvedSpecsHash() throws Exception {
        JsonNode provenance = new ObjectMapper().readTree(runDirectory.resolve("provenance.json").toFile());
        assertEquals("FINISHED", provenance.get("status").asText());
        assertEquals(7, provenance.get("seed").asLong());
        byte[] resolved = Files.readAllBytes(runDirectory.resolve("spec.resolved.yaml"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(resolved));
        assertEquals(sha, provenance.get("spec_sha256").asText());
        assertTrue(runDirectory.getFileName().toString().endsWith(sha.substring(0, 8)));
        assertTrue(new String(resolved, StandardCharsets.UTF_8).contains("epochs: 3"), "--set is in the resolved spec");
        assertTrue(provenance.has("threads") && provenance.has("backend") && provenance.has("nd4j_version"));
        List<String> nativeBuild = List.of(provenance.get("device").get("native_build").asText().split(","));
        assertTrue(nativeBuild.contains("onednn") && nativeBuild.contains("openblas"),
                "the CPU build with oneDNN, whose convolutions are 3-4x faster: " + nativeBuild);
    }

    @Test
    void picturesAreGridsOfTheDataShape() throws IOException {
        BufferedImage reconstructions = ImageIO.read(runDirectory.resolve("images/reconstructions.png").toFile());
        assertEquals(16 * 30 + 2, reconstructions.getWidth());
        assertEquals(4 * 30 + 2, reconstructions.getHeight());
        BufferedImage samples = ImageIO.read(runDirectory.resolve("images/samples.png").toFile());
        assertEquals(8 * 30 + 2, samples.getHeight());
    }

    @Test
    void checkpointLoadsWithTheTrainedWeights() {
        SameDiff restored = SameDiff.load(runDirectory.resolve("checkpoints/final.fb").toFile(), true);
        assertTrue(restored.hasVariable("encoder/hidden0/W"));
        assertEquals(784 * 400, restored.getArrForVarName("encoder/hidden0/W").length());
        assertFalse(restored.getArrForVarName("decoder/out/b").isNaN().any());
    }

    private static Map<Integer, Double> metric(String name) throws IOException {
        Map<Integer, Double> byEpoch = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(runDirectory.resolve("metrics.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                if (row.get("metric").equals(name)) {
                    byEpoch.put(Integer.parseInt(row.get("epoch")), Double.parseDouble(row.get("value")));
                }
            }
        }
        return byEpoch;
    }
}
