package org.vaelab.plugins.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrainedModel;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * A run's trained model and its pictures over training against a real MLflow 3 server, read back
 * through the REST API: one logged model per run, READY, with the run as its source and output,
 * the run's params, its files and its metrics linked to it and to the test split; registered when
 * asked; and the pictures where MLflow's image logging puts them. A second replay of the same
 * events creates nothing more.
 */
class LoggedModelTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    @TempDir
    Path runDirectory;

    @Test
    void aFinishedRunsModelIsALoggedModelWithItsMetricsRegisteredOnceAndItsPicturesAreImageSeries()
            throws IOException {
        TrackerScript script = new TrackerScript(runDirectory, 2);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("MLmodel", Files.writeString(runDirectory.resolve("MLmodel"), "flavors:\n  vaelab: {}\n"));
        files.put("checkpoints/final.fb", script.artifacts.get("images/samples.png"));
        TrainedModel model = new TrainedModel("script-model", files, Map.of("test/elbo", -251.5, "test/kl", 20.25),
                2);
        Path picture = Files.write(runDirectory.resolve("reconstructions.png"), new byte[] {1, 2, 3});
        for (int replay = 0; replay < 2; replay++) {
            MlflowTracker tracker = tracker("vae-versions");
            tracker.start(script.run);
            tracker.logMetrics(script.valuesAt(1), 1, 1, script.timestampAt(1));
            tracker.logImage(picture, "reconstructions", 1, 1_700_000_000_100L);
            tracker.logImage(picture, "reconstructions", 2, 1_700_000_000_200L);
            tracker.logModel(model);
            tracker.end(RunStatus.FINISHED);
            assertTrue(tracker.delivery().orElseThrow().complete(), tracker.delivery().toString());
        }

        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), TrackerScript.EXPERIMENT, script.run.runId())
                .orElseThrow();
        List<JsonNode> models = record.loggedModels();
        assertEquals(1, models.size(), "one logged model, however often the run is replayed: " + models);
        JsonNode info = models.get(0).path("info");
        String modelId = info.path("model_id").asText();
        assertEquals("LOGGED_MODEL_READY", info.path("status").asText());
        assertEquals("script-model", info.path("name").asText());
        assertEquals(LoggedModels.MODEL_TYPE, info.path("model_type").asText());
        assertEquals(List.of(modelId), record.modelOutputs(), "the run lists the model as its output");
        Map<String, String> params = new TreeMap<>();
        models.get(0).path("data").path("params").forEach(p -> params.put(p.path("key").asText(),
                p.path("value").asText()));
        assertEquals(new TreeMap<>(script.run.params()), params, "all 150 params, past a batch of 100");
        Map<String, Double> metrics = new TreeMap<>();
        for (JsonNode metric : models.get(0).path("data").path("metrics")) {
            metrics.put(metric.path("key").asText(), metric.path("value").asDouble());
            assertEquals(modelId, metric.path("model_id").asText());
            assertEquals(2, metric.path("step").asLong());
            assertEquals("mnist", metric.path("dataset_name").asText());
            assertEquals("0123456789abcdef", metric.path("dataset_digest").asText(), "the data's digest");
        }
        assertEquals(new TreeMap<>(model.metrics()), metrics);
        for (Map.Entry<String, Path> file : files.entrySet()) {
            assertArrayEquals(Files.readAllBytes(file.getValue()), record.loggedModelArtifact(models.get(0),
                    file.getKey()), file.getKey());
        }

        List<JsonNode> versions = MlflowRecord.modelVersions(MLFLOW.server().uri(), "vae-versions");
        assertEquals(1, versions.size(), "one version, however often the run is replayed: " + versions);
        assertEquals("models:/" + modelId, versions.get(0).path("source").asText());
        assertEquals(record.runId(), versions.get(0).path("run_id").asText());

        Set<String> images = new TreeSet<>();
        record.artifacts().keySet().stream().filter(path -> path.startsWith("images/reconstructions+"))
                .forEach(images::add);
        String first = ImageSeries.stem(script.run.runId(), "reconstructions", 1, 1_700_000_000_100L);
        String second = ImageSeries.stem(script.run.runId(), "reconstructions", 2, 1_700_000_000_200L);
        assertEquals(Set.of(first + ".png", first + "+compressed.png", second + ".png", second + "+compressed.png"),
                images, "each step once, as the UI's image slider reads them");
        assertTrue(first.startsWith("images/reconstructions+step+1+timestamp+1700000000100+"), first);
        assertArrayEquals(new byte[] {1, 2, 3}, record.artifact(second + ".png"));
        assertEquals("true", record.tags().get(ImageSeries.TAG));
    }

    private static MlflowTracker tracker(String registerModel) {
        String uri = MLFLOW.server().uri();
        return new MlflowTracker(new MlflowConfig(null, uri, 30, 120, 0, registerModel), uri,
                Credentials.of(Map.<String, String>of()::get, URI.create(uri)));
    }
}
