package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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

    @Test
    void mlflowHoldsExactlyWhatTheRunDirectoryHolds() throws IOException {
        Path runDirectory = run("e2e", 0);
        assertMlflowEqualsRunDirectory("e2e", runDirectory);
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
        assertEquals("mnist", record.datasets().get(0).get("name"));
        Set<String> files = runFiles(runDirectory);
        assertTrue(files.containsAll(Set.of("spec.resolved.yaml", "provenance.json", "metrics.csv",
                "checkpoints/final.fb",
                "images/reconstructions.png", "images/samples.png", "images/training_curves.png")), files.toString());
        assertEquals(files, record.artifacts().keySet(), "every file of the run directory but its journal");
        for (String artifact : files) {
            assertArrayEquals(Files.readAllBytes(runDirectory.resolve(artifact)), record.artifact(artifact), artifact);
        }
    }

    /**
     * The run directory's files, relative, except the journal (the record of what was sent), the
     * training-state checkpoints (for resuming in place; the trained model is {@code final.fb}) and
     * the lock file that keeps a second process out while the run lasts.
     */
    private static Set<String> runFiles(Path runDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(runDirectory)) {
            return files.filter(Files::isRegularFile).map(f -> runDirectory.relativize(f).toString())
                    .filter(f -> !f.equals("journal.jsonl") && !f.endsWith(".ckpt") && !f.equals(".vae.lock"))
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
