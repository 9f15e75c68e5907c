package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vae eval}, {@code sample}, {@code encode} and {@code score} end to end on one run with a
 * 2-D latent space, trained for an epoch on a slice of the real Fashion-MNIST, and the figures
 * that run wrote.
 */
class TrainedRunCommandsTest {

    private static final int TEST_SIZE = 300;

    @TempDir
    static Path work;
    static Path run;

    @BeforeAll
    static void trainATinyRun() throws IOException {
        Path spec = TestSpecs.write(work, "tiny2d.yaml", TestSpecs.TINY_2D);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                work.resolve("runs").toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        try (Stream<Path> runs = Files.list(work.resolve("runs/tiny2d"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void everyFigureOfA2dImageRunIsDrawn() throws IOException {
        for (String figure : List.of("reconstructions.png", "samples.png", "traversals.png", "interpolation.png",
                "interpolation.gif", "latent_scatter.png", "manifold.png", "training_curves.png")) {
            FigureChecks.assertDrawn(run.resolve("images").resolve(figure), 60);
        }
    }

    @Test
    void evalPrintsATableAndWritesJsonWithTheImportanceWeightedBoundAboveTheElbo() throws IOException {
        Path json = work.resolve("eval.json");
        CommandLineRunner.Outcome outcome = vae("eval", run.toString(), "--iwae", "50", "--json", json.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        for (String row : List.of("ELBO ", "reconstruction loss ", "KL ", "MSE (per value) ", "BCE ",
                "log p(x), IWAE K=50 (300 examples) ", "active units ")) {
            assertTrue(outcome.out().contains("\n" + row), row + " in\n" + outcome.out());
        }
        JsonNode values = new ObjectMapper().readTree(json.toFile());
        assertEquals(TEST_SIZE, values.get("examples").asInt());
        double elbo = values.get("elbo").asDouble();
        assertEquals(-elbo, values.get("recon").asDouble() + values.get("kl").asDouble(), 1e-6);
        assertTrue(values.get("iwae_ll").asDouble() > elbo, "IWAE " + values.get("iwae_ll") + " >= ELBO " + elbo);
        assertTrue(values.get("iwae_ll").asDouble() < 0 && elbo > -600, values.toString());
        assertEquals(2, values.get("latent_dim").asInt());
        for (int d = 0; d < 2; d++) {
            assertEquals(Double.parseDouble(csv(run.resolve("eval/latent_dimensions.csv")).get(d).get("kl")),
                    values.get("kl_per_dimension").get(d).asDouble(), 1e-5,
                    "the noise-free KL of dimension " + d
                            + " as the run measured it: the trained weights were restored");
        }
        assertEquals(runMetric("test/active_units"), values.get("active_units").asDouble());
        assertTrue(outcome.out().contains(String.format(Locale.ROOT, "%.3f", elbo)), outcome.out());
    }

    @Test
    void evalOnOtherDataUsesTheTestSplitOfItsDataBlock() throws IOException {
        Path data = TestSpecs.write(work, "boots.yaml",
                "data: {type: mnist, variant: fashion, train_limit: 700, validation: 100, test_limit: 40, "
                        + "classes: [9]}\n");
        Path json = work.resolve("boots.json");
        CommandLineRunner.Outcome outcome = vae("eval", run.toString(), "--data", data.toString(), "--iwae", "0",
                "--json", json.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("the test split of " + data + ", 40 examples"), outcome.out());
        JsonNode values = new ObjectMapper().readTree(json.toFile());
        assertEquals(40, values.get("examples").asInt());
        assertFalse(values.has("iwae_ll"), "--iwae 0 skips the estimate");
    }

    @Test
    void sampleDrawsASquareGridThatDependsOnTheSeed() throws IOException {
        Path first = work.resolve("first.png");
        Path again = work.resolve("again.png");
        Path other = work.resolve("other.png");
        assertEquals(0, vae("sample", run.toString(), "-n", "9", "-o", first.toString()).exitCode());
        assertEquals(0, vae("sample", run.toString(), "-n", "9", "-o", again.toString()).exitCode());
        assertEquals(0, vae("sample", run.toString(), "-n", "9", "-o", other.toString(), "--seed", "99").exitCode());
        BufferedImage grid = FigureChecks.assertDrawn(first, 3 * 30 + 2);
        assertEquals(3 * 30 + 2, grid.getWidth(), "3 images of 28 pixels and their gutters to a row");
        assertEquals(3 * 30 + 2, grid.getHeight());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(again), "the run's seed by default");
        assertFalse(Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(other)), "--seed 99 draws others");
    }

    @Test
    void encodeWritesEachExamplesPosteriorWithItsLabel() throws IOException {
        Path latents = work.resolve("latents.csv");
        CommandLineRunner.Outcome outcome = vae("encode", run.toString(), "-o", latents.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<CSVRecord> rows = csv(latents);
        assertEquals(List.of("index", "label", "z_mean_0", "z_mean_1", "z_log_var_0", "z_log_var_1"),
                rows.get(0).getParser().getHeaderNames());
        assertEquals(TEST_SIZE, rows.size());
        assertEquals("9", rows.get(0).get("label"), "the first Fashion-MNIST test image is an ankle boot");
        for (CSVRecord row : rows) {
            assertTrue(Double.parseDouble(row.get("z_log_var_0")) < 1, "posterior variance below the prior's: " + row);
        }
        assertTrue(rows.stream().map(r -> r.get("z_mean_0")).distinct().count() > TEST_SIZE / 2, "means depend on x");
    }

    @Test
    void scoreWritesPerExampleScoresWhoseMeanIsMinusTheEvaluatedElbo() throws IOException {
        Path scores = work.resolve("scores.csv");
        CommandLineRunner.Outcome outcome = vae("score", run.toString(), "-o", scores.toString(), "--iwae", "20",
                "--auc-positive-label", "9");
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<CSVRecord> rows = csv(scores);
        assertEquals(List.of("index", "label", "neg_elbo", "neg_iwae_ll"), rows.get(0).getParser().getHeaderNames());
        assertEquals(TEST_SIZE, rows.size());
        double meanNegativeElbo = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("neg_elbo"))).average()
                .orElseThrow();
        double meanNegativeIwae = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("neg_iwae_ll"))).average()
                .orElseThrow();
        assertTrue(meanNegativeIwae < meanNegativeElbo, meanNegativeIwae + " < " + meanNegativeElbo);

        Path json = work.resolve("elbo.json");
        assertEquals(0, vae("eval", run.toString(), "--iwae", "0", "--json", json.toString()).exitCode());
        assertEquals(-new ObjectMapper().readTree(json.toFile()).get("elbo").asDouble(), meanNegativeElbo, 1e-3,
                "the same noise as vae eval");

        Matcher auc = Pattern.compile("ROC AUC, label 9 against the others: -ELBO (\\S+), -log p\\(x\\) \\(IWAE, "
                + "K=20\\) (\\S+)").matcher(outcome.out());
        assertTrue(auc.find(), outcome.out());
        for (int group = 1; group <= 2; group++) {
            double value = Double.parseDouble(auc.group(group));
            assertTrue(value > 0 && value < 1, auc.group());
        }
    }

    @Test
    void aFolderThatIsNotAFinishedRunIsABadInput() throws IOException {
        assertBadInput("is not a folder", "eval", work.resolve("absent").toString());
        assertBadInput("is not a VAELab run directory: it has no spec.resolved.yaml", "eval", work.toString());

        Path killed = copyOfRun("killed");
        Path provenance = killed.resolve("provenance.json");
        Files.writeString(provenance, Files.readString(provenance).replace("\"FINISHED\"", "\"KILLED\""));
        assertBadInput("is not a finished run: provenance.json says its status is KILLED", "encode", killed.toString(),
                "-o", work.resolve("k.csv").toString());

        Path untrained = copyOfRun("untrained");
        Files.delete(untrained.resolve("checkpoints/final.fb"));
        assertBadInput("has no trained model: checkpoints/final.fb is missing", "sample", untrained.toString(),
                "-o", work.resolve("u.png").toString());
    }

    @Test
    void aSpecThatNoLongerFitsThePluginsOrTheCheckpointIsABadInput() throws IOException {
        Path renamed = copyOfRun("renamed");
        Path spec = renamed.resolve("spec.resolved.yaml");
        Files.writeString(spec, Files.readString(spec).replace("type: bernoulli", "type: bernoulli_v2"));
        assertBadInput("spec.resolved.yaml does not fit the installed plugins: [spec/UnknownType] likelihood.type",
                "eval", renamed.toString());

        Path resized = copyOfRun("resized");
        spec = resized.resolve("spec.resolved.yaml");
        Files.writeString(spec, Files.readString(spec).replace("- 128", "- 64"));
        assertBadInput("checkpoints/final.fb does not fit the model its spec describes", "eval", resized.toString());
    }

    @Test
    void badOutputsOptionsAndDataAreBadInputs() throws IOException {
        String dir = run.toString();
        assertBadInput("the folder", "encode", dir, "-o", work.resolve("no/such/folder/x.csv").toString());
        assertBadInput("must end in .csv", "score", dir, "-o", work.resolve("scores.txt").toString());
        assertBadInput("is a folder", "encode", dir, "-o", Files.createDirectories(work.resolve("d.csv")).toString());
        assertBadInput("are images, so samples are written to a .png file", "sample", dir, "-o",
                work.resolve("s.csv").toString());
        assertBadInput("-n must be between 1 and 10000, found 0", "sample", dir, "-n", "0", "-o",
                work.resolve("s.png").toString());
        assertBadInput("--iwae must be between 0 and 1000000, found -1", "eval", dir, "--iwae", "-1");
        assertBadInput("--label 3: the run's model (family vae) is not conditioned on labels", "sample", dir,
                "--label", "3", "-o", work.resolve("s.png").toString());
        assertBadInput("--auc-positive-label 11: no example has that label", "score", dir, "-o",
                work.resolve("s.csv").toString(), "--auc-positive-label", "11");
        Path roll = TestSpecs.write(work, "roll.yaml", "data: {type: swiss_roll, n: 200}\n");
        assertBadInput("data: its examples have shape [3], the model of " + run + " takes [1, 28, 28]", "eval", dir,
                "--data", roll.toString());
        Path noData = TestSpecs.write(work, "nodata.yaml", "name: x\n");
        assertBadInput("[spec/MissingKey] data", "encode", dir, "--data", noData.toString(), "-o",
                work.resolve("n.csv").toString());
    }

    private static void assertBadInput(String message, String... args) {
        CommandLineRunner.Outcome outcome = vae(args);
        assertEquals(2, outcome.exitCode(), String.join(" ", args) + ": " + outcome.err());
        assertTrue(outcome.err().contains(message), message + " in: " + outcome.err());
        assertFalse(outcome.err().contains("Exception"), "no stack trace: " + outcome.err());
    }

    private static CommandLineRunner.Outcome vae(String... args) {
        return CommandLineRunner.vae(args);
    }

    /** A copy of the trained run's files, to break. */
    private static Path copyOfRun(String name) throws IOException {
        Path copy = work.resolve("copies").resolve(name);
        try (Stream<Path> files = Files.walk(run)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(run.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return copy;
    }

    /** The last value of {@code metric} in the run's {@code metrics.csv}. */
    private static double runMetric(String metric) throws IOException {
        return csv(run.resolve("metrics.csv")).stream().filter(r -> r.get("metric").equals(metric))
                .mapToDouble(r -> Double.parseDouble(r.get("value"))).reduce((first, last) -> last).orElseThrow();
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
        }
    }
}
