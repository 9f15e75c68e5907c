package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * {@code vae run} with the MLflow tracker against a real MLflow server: what MLflow holds equals
 * the local run directory (every param, every metric point, every artifact byte for byte), and a
 * run made while the server was down reaches it through {@code vae sync}, once however often it
 * is synced.
 */
class MlflowTrackingTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    @TempDir
    Path work;

    /** What the last {@link #run} printed. */
    private String printed;

    @Test
    void mlflowHoldsExactlyWhatTheRunDirectoryHolds() throws IOException {
        Path runDirectory = run("e2e", 0);
        assertMlflowEqualsRunDirectory("e2e", runDirectory);
        assertAddressDataSplitsAndTidyMetrics("e2e", runDirectory);
    }

    /**
     * The run's address in the runs view, printed at its end (and its start, when the server
     * created the run by then); each split of
     * Fashion-MNIST as a dataset input under its real name with its context, digest, schema and
     * profile; an {@code epoch} metric per epoch; the constant beta schedule's weight as one point.
     */
    private void assertAddressDataSplitsAndTidyMetrics(String experiment, Path runDirectory) throws IOException {
        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), experiment, runId(runDirectory)).orElseThrow();
        String line = "run in tracker: " + MLFLOW.server().uri() + "/#/experiments/" + record.experimentId()
                + "/runs/" + record.runId() + "?workflowType=machine_learning";
        List<String> lines = printed.lines().toList();
        assertEquals(line, lines.get(lines.size() - 1), "the address ends the run's output");
        assertTrue(lines.stream().filter(l -> l.startsWith("run in tracker: ")).allMatch(line::equals),
                "at the start too where the server created the run in time: " + printed);

        List<Map<String, String>> inputs = record.datasetInputs();
        assertEquals(List.of("training", "validation", "testing"), inputs.stream().map(i -> i.get("context")).toList());
        assertEquals(3, inputs.stream().map(i -> i.get("digest")).distinct().count(), "each split its own digest");
        ObjectMapper json = new ObjectMapper();
        List<Integer> sizes = new ArrayList<>();
        for (Map<String, String> input : inputs) {
            assertEquals("fashion-mnist", input.get("name"));
            JsonNode profile = json.readTree(input.get("profile"));
            sizes.add(profile.path("features_shape").get(0).asInt());
            assertEquals(profile.path("features_size").asLong(), sizes.get(sizes.size() - 1) * 784L);
            assertEquals(sizes.get(sizes.size() - 1), profile.path("targets_shape").get(0).asInt());
            JsonNode features = json.readTree(json.readTree(input.get("schema")).path("mlflow_tensorspec")
                    .path("features").asText()).get(0).path("tensor-spec");
            assertEquals("float32", features.path("dtype").asText());
            long width = 1;
            for (JsonNode dim : features.path("shape")) {
                width *= dim.asLong();
            }
            assertEquals(-784, width, "[-1, the image's dims]");
        }
        assertEquals(List.of(3000, 500, 1000), sizes, "train_limit 3500 less validation 500; test_limit 1000");

        List<MlflowRecord.Point> points = record.points();
        List<MlflowRecord.Point> epochs = points.stream().filter(p -> p.key().equals("epoch")).toList();
        assertEquals(List.of(1.0, 2.0), epochs.stream().map(MlflowRecord.Point::value).toList());
        long stepsPerEpoch = (3000 + 63) / 64;
        assertEquals(List.of(stepsPerEpoch, 2 * stepsPerEpoch), epochs.stream().map(MlflowRecord.Point::step).toList());
        assertEquals(1, points.stream().filter(p -> p.key().equals("kl/weight")).count(), "beta 1: one point");
        assertTrue(points.stream().noneMatch(p -> p.key().contains("kl_dim")), "per-dimension values are a table");
        List<String> dimensions = new String(record.artifact("eval/latent_dimensions.csv")).lines().toList();
        assertEquals("dimension,kl,posterior_mean_var,active", dimensions.get(0));
        assertEquals(1 + 8, dimensions.size(), "a row per latent dimension");
        assertTrue(record.artifacts().get("images/kl_per_dimension.png") > 5_000, "a drawn bar chart");
        assertTrue(points.stream().filter(p -> p.key().equals("train/loss")).count() > 2);
    }

    @Test
    void aRunMadeWhileTheServerWasDownArrivesWithSyncOnceOnly() throws IOException {
        MLFLOW.server().stop();
        Path runDirectory;
        try {
            runDirectory = run("offline", 0);
        } finally {
            MLFLOW.server().restart();
        }
        assertTrue(MlflowRecord.find(MLFLOW.server().uri(), "offline", runId(runDirectory)).isEmpty(),
                "nothing reached MLflow");
        for (int time = 0; time < 2; time++) {
            CommandLineRunner.Outcome sync = CommandLineRunner.vae("sync", runDirectory.toString());
            assertEquals(0, sync.exitCode(), sync.err());
            assertMlflowEqualsRunDirectory("offline", runDirectory);
        }
    }

    private Path run(String experiment, int expectedExit) throws IOException {
        String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: " + experiment)
                + "tracking: [{type: mlflow, uri: '" + MLFLOW.server().uri() + "', request_timeout_seconds: 5}]\n";
        Path specFile = TestSpecs.write(work, experiment + ".yaml", spec);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", specFile.toString(), "--runs-dir",
                work.resolve("runs").toString());
        assertEquals(expectedExit, outcome.exitCode(), outcome.err());
        printed = outcome.out();
        try (Stream<Path> runs = Files.list(work.resolve("runs").resolve(experiment))) {
            return runs.findFirst().orElseThrow();
        }
    }

    private static void assertMlflowEqualsRunDirectory(String experiment, Path runDirectory) throws IOException {
        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), experiment, runId(runDirectory)).orElseThrow();
        assertEquals("FINISHED", record.status());
        String hash = runDirectory.getFileName().toString()
                .substring(runDirectory.getFileName().toString().length() - 8);
        assertEquals(experiment + " (" + hash + ")", record.runName(), "the spec's name and its hash");
        assertEquals(flatten(runDirectory.resolve("spec.resolved.yaml")), record.params());
        assertEquals(metricRows(runDirectory), pointsOf(record));
        Map<String, String> tags = record.tags();
        assertEquals(new ObjectMapper().readTree(runDirectory.resolve("provenance.json").toFile())
                .path("spec_sha256").asText(), tags.get("vaelab.spec_sha256"));
        assertEquals("fashion-mnist", record.datasets().get(0).get("name"));
        Set<String> files = runFiles(runDirectory);
        assertTrue(files.containsAll(Set.of("spec.resolved.yaml", "provenance.json", "metrics.csv",
                "checkpoints/final.fb", "model/MLmodel", "model/README.md",
                "images/reconstructions.png", "images/samples.png", "images/training_curves.png")), files.toString());
        assertEquals(files, record.artifacts().keySet().stream().filter(path -> !path.contains("+step+"))
                .collect(Collectors.toCollection(TreeSet::new)), "every file of the run directory but its journal, "
                + "besides the image series");
        for (String artifact : files) {
            assertArrayEquals(Files.readAllBytes(runDirectory.resolve(artifact)), record.artifact(artifact), artifact);
        }
        assertLoggedModel(record, runDirectory);
        assertImageSeries(record, runDirectory);
    }

    /**
     * The reconstructions and samples of each epoch (1 and 2, steps 47 and 94), the files of
     * images/training, as MLflow image series: full and grid picture at each step, tagged so the
     * UI lists them; 28 x 28 tiles enlarged three times.
     */
    private static void assertImageSeries(MlflowRecord record, Path runDirectory) throws IOException {
        assertEquals("true", record.tags().get("mlflow.loggedImages"));
        long stepsPerEpoch = (3000 + 63) / 64;
        for (String series : List.of("reconstructions", "samples")) {
            List<String> full = record.artifacts().keySet().stream()
                    .filter(path -> path.startsWith("images/" + series + "+step+") && !path.contains("+compressed"))
                    .toList();
            assertEquals(2, full.size(), full.toString());
            for (int epoch = 1; epoch <= 2; epoch++) {
                String prefix = "images/" + series + "+step+" + epoch * stepsPerEpoch + "+timestamp+";
                String path = full.stream().filter(p -> p.startsWith(prefix)).findFirst().orElseThrow();
                byte[] drawn = Files.readAllBytes(runDirectory.resolve("images/training/" + series + "-epoch-000"
                        + epoch + ".png"));
                assertArrayEquals(drawn, record.artifact(path), path);
                assertArrayEquals(drawn, record.artifact(path.replace(".png", "+compressed.png")), path);
            }
        }
        BufferedImage samples = ImageIO.read(runDirectory.resolve("images/training/samples-epoch-0002.png").toFile());
        assertEquals(16 * (28 + 2) * 3 + 2 * 3, samples.getWidth(), "16 tiles of 84 pixels, gutters three times");
    }

    /**
     * One MLflow 3 logged model, READY, the run's output, holding the checkpoint, the ONNX files
     * and a descriptor naming VAELab with the input shape and latent size, a model card with the
     * reproduce command, and the run's last test ELBO linked to it, measured on the test split.
     */
    private static void assertLoggedModel(MlflowRecord record, Path runDirectory) throws IOException {
        List<JsonNode> models = record.loggedModels();
        assertEquals(1, models.size(), models.toString());
        JsonNode model = models.get(0);
        String modelId = model.path("info").path("model_id").asText();
        assertEquals("LOGGED_MODEL_READY", model.path("info").path("status").asText());
        assertEquals(List.of(modelId), record.modelOutputs());
        assertArrayEquals(Files.readAllBytes(runDirectory.resolve("checkpoints/final.fb")),
                record.loggedModelArtifact(model, "checkpoints/final.fb"));
        JsonNode flavors = new YAMLMapper().readTree(record.loggedModelArtifact(model, "MLmodel")).path("flavors");
        JsonNode flavor = flavors.path("vaelab");
        assertEquals("encoder.onnx", flavors.path("onnx").path("encoder").asText());
        for (String onnx : List.of("encoder.onnx", "decoder.onnx", "manifest.json")) {
            assertArrayEquals(Files.readAllBytes(runDirectory.resolve("model/" + onnx)),
                    record.loggedModelArtifact(model, onnx), onnx);
        }
        assertEquals("[1,28,28]", flavor.path("input_shape").toString());
        assertEquals(8, flavor.path("latent_size").asInt());
        String card = new String(record.loggedModelArtifact(model, "README.md"));
        assertTrue(card.contains("vae reproduce " + runDirectory.toAbsolutePath()), card);
        double lastTestElbo = Double.NaN;
        try (Reader reader = Files.newBufferedReader(runDirectory.resolve("metrics.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                if (row.get("metric").equals("test/elbo")) {
                    lastTestElbo = Double.parseDouble(row.get("value"));
                }
            }
        }
        String testDigest = record.datasetInputs().stream().filter(i -> i.get("context").equals("testing"))
                .findFirst().orElseThrow().get("digest");
        boolean linked = false;
        for (JsonNode metric : model.path("data").path("metrics")) {
            if (metric.path("key").asText().equals("test/elbo")) {
                assertEquals(lastTestElbo, metric.path("value").asDouble());
                assertEquals(testDigest, metric.path("dataset_digest").asText());
                linked = true;
            }
        }
        assertTrue(linked, "test/elbo is linked to the model: " + model);
    }

    /**
     * The run directory's files, relative, except the journal (the record of what was sent), the
     * training-state checkpoints (for resuming in place; the trained model is {@code final.fb}),
     * the lock file that keeps a second process out while the run lasts, and the pictures over
     * training, which MLflow holds as image series.
     */
    private static Set<String> runFiles(Path runDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(runDirectory)) {
            return files.filter(Files::isRegularFile).map(f -> runDirectory.relativize(f).toString())
                    .filter(f -> !f.equals("journal.jsonl") && !f.endsWith(".ckpt") && !f.equals(".vae.lock"))
                    .filter(f -> !f.startsWith("images/training/")) // sent as image series
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String runId(Path runDirectory) throws IOException {
        JsonNode provenance = new ObjectMapper().readTree(runDirectory.resolve("provenance.json").toFile());
        return provenance.path("run_id").asText();
    }

    /** metrics.csv and timing.csv as sorted "key step value" lines. */
    private static List<String> metricRows(Path runDirectory) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String file : List.of("metrics.csv", "timing.csv")) {
            try (Reader reader = Files.newBufferedReader(runDirectory.resolve(file))) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader)) {
                    rows.add(row.get("metric") + " " + row.get("step") + " " + Double.parseDouble(row.get("value")));
                }
            }
        }
        rows.sort(Comparator.naturalOrder());
        return rows;
    }

    private static List<String> pointsOf(MlflowRecord record) throws IOException {
        List<String> rows = new ArrayList<>();
        for (MlflowRecord.Point point : record.points()) {
            if (point.key().startsWith("system/")) {
                continue; // sampled by the MLflow tracker itself, not in the run directory
            }
            rows.add(point.key() + " " + point.step() + " " + point.value());
        }
        rows.sort(Comparator.naturalOrder());
        return rows;
    }

    /**
     * The params a run logs: its resolved spec flattened to dotted keys (lists of scalars one value,
     * as "[a, b]"), without its trackers.
     */
    private static Map<String, String> flatten(Path resolvedSpec) throws IOException {
        ObjectNode spec = (ObjectNode) new YAMLMapper().readTree(resolvedSpec.toFile());
        assertTrue(spec.has("tracking"), "the recorded spec keeps its trackers");
        spec.remove("tracking"); // where results go is not a param
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", spec, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, items.toString());
        } else {
            out.put(prefix, node.asText());
        }
    }
}
