package org.vaelab.plugins.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.vaelab.spi.track.DatasetInfo;
import org.vaelab.spi.track.TrainedModel;

/**
 * A run's trained model as an MLflow 3 logged model, through the REST API (the Java client
 * predates logged models): created with the run as its source ({@code POST logged-models}), the
 * run's params as its params, its files uploaded as the model's artifacts, its test metrics logged
 * with the model's id and the test split's dataset (so the model page and the run's "Logged
 * models" list show them), recorded as the run's output ({@code runs/outputs}) and finalized
 * READY; then, when asked, registered as a new version of a registered model. A replay ({@code vae
 * sync}, or a retry after a failure) finds the model the run created before by its source run and
 * the version by its source (the model), so nothing is created twice.
 */
final class LoggedModels {

    /** MLflow's type of the model, shown in the UI's model list. */
    static final String MODEL_TYPE = "vaelab-vae";

    private static final String READY = "LOGGED_MODEL_READY";

    private final MlflowEndpoint endpoint;

    LoggedModels(MlflowEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Logs {@code model} of run {@code runId} (MLflow's id) in experiment {@code experimentId},
     * each metric with the timestamp {@code timestamps} gives its name (that of the run's point of
     * the same step, so that the point is linked to the model rather than logged twice); registers
     * it as a version of {@code registeredName} unless that is null. Returns the model's id.
     */
    String log(String experimentId, String runId, Map<String, String> params, DatasetInfo dataset,
               TrainedModel model, ToLongFunction<String> timestamps, String registeredName) throws SendFailure {
        JsonNode earlier = earlier(experimentId, runId);
        JsonNode info = earlier != null ? earlier : create(experimentId, runId, model, params);
        String modelId = info.path("model_id").asText();
        if (!READY.equals(info.path("status").asText())) {
            String artifactUri = info.path("artifact_uri").asText();
            for (Map.Entry<String, Path> file : model.files().entrySet()) {
                endpoint.uploadArtifact(artifactUri, file.getValue(), file.getKey());
            }
            endpoint.json("log model metrics", "POST", "runs/log-batch", Map.of("run_id", runId,
                    "metrics", metrics(model, modelId, testSplit(dataset), timestamps)));
            endpoint.json("log model output", "POST", "runs/outputs", Map.of("run_id", runId,
                    "models", List.of(Map.of("model_id", modelId, "step", model.step()))));
            endpoint.json("finalize logged model", "PATCH", "logged-models/" + modelId,
                    Map.of("model_id", modelId, "status", READY));
        }
        if (registeredName != null) {
            register(registeredName, runId, modelId);
        }
        return modelId;
    }

    /** The logged model run {@code runId} created before, or null. */
    private JsonNode earlier(String experimentId, String runId) throws SendFailure {
        JsonNode found = endpoint.json("search logged models", "POST", "logged-models/search",
                Map.of("experiment_ids", List.of(experimentId), "filter", "source_run_id = '" + runId + "'"));
        for (JsonNode candidate : found.path("models")) {
            return candidate.path("info");
        }
        return null;
    }

    private JsonNode create(String experimentId, String runId, TrainedModel model, Map<String, String> params)
            throws SendFailure {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("experiment_id", experimentId);
        request.put("name", model.name());
        request.put("model_type", MODEL_TYPE);
        request.put("source_run_id", runId);
        JsonNode info = endpoint.json("create logged model", "POST", "logged-models", request)
                .path("model").path("info");
        String modelId = info.path("model_id").asText();
        for (List<Map<String, String>> batch : batches(params)) {
            endpoint.json("log logged model params", "POST", "logged-models/" + modelId + "/params",
                    Map.of("model_id", modelId, "params", batch));
        }
        return info;
    }

    /** Params in batches of {@value RunRequests#MAX_PARAMS_PER_BATCH}, as MLflow takes them. */
    private static List<List<Map<String, String>>> batches(Map<String, String> params) {
        List<Map<String, String>> all = new ArrayList<>();
        params.forEach((key, value) -> all.add(Map.of("key", key, "value", value)));
        List<List<Map<String, String>>> batches = new ArrayList<>();
        for (int start = 0; start < all.size(); start += RunRequests.MAX_PARAMS_PER_BATCH) {
            batches.add(all.subList(start, Math.min(all.size(), start + RunRequests.MAX_PARAMS_PER_BATCH)));
        }
        return batches;
    }

    /** The model's metrics as points linked to the model and to the data they were measured on. */
    private static List<Map<String, Object>> metrics(TrainedModel model, String modelId, MeasuredOn test,
                                                     ToLongFunction<String> timestamps) {
        List<Map<String, Object>> points = new ArrayList<>();
        model.metrics().forEach((key, value) -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("key", key);
            point.put("value", value);
            point.put("timestamp", timestamps.applyAsLong(key));
            point.put("step", model.step());
            point.put("model_id", modelId);
            point.put("dataset_name", test.name());
            point.put("dataset_digest", test.digest());
            points.add(point);
        });
        return points;
    }

    /** The name and digest of the data the test metrics were measured on: the test split, else the whole data. */
    private static MeasuredOn testSplit(DatasetInfo dataset) {
        return dataset.splits().stream().filter(split -> split.context().equals("testing")).findFirst()
                .map(split -> new MeasuredOn(dataset.name(), split.digest()))
                .orElse(new MeasuredOn(dataset.name(), dataset.digest()));
    }

    /** A dataset input of the run, by the name and digest MLflow knows it by. */
    private record MeasuredOn(String name, String digest) {
    }

    /** Registers the model as a version of {@code name}, creating the registered model when missing. */
    private void register(String name, String runId, String modelId) throws SendFailure {
        JsonNode versions = endpoint.json("search model versions", "GET", "model-versions/search?filter="
                + URLEncoder.encode("name = '" + name.replace("'", "\\'") + "' and run_id = '" + runId + "'",
                StandardCharsets.UTF_8), Map.of());
        for (JsonNode version : versions.path("model_versions")) {
            if (source(modelId).equals(version.path("source").asText())) {
                return;
            }
        }
        try {
            endpoint.json("create registered model", "POST", "registered-models/create", Map.of("name", name));
        } catch (SendFailure exists) {
            if (exists.retryable() || !exists.getMessage().contains("RESOURCE_ALREADY_EXISTS")) {
                throw exists;
            }
        }
        endpoint.json("create model version", "POST", "model-versions/create", Map.of("name", name,
                "source", source(modelId), "run_id", runId, "model_id", modelId));
    }

    /** A model version's source: the logged model, as MLflow 3's {@code register_model("models:/ID")} gives it. */
    private static String source(String modelId) {
        return "models:/" + modelId;
    }
}
