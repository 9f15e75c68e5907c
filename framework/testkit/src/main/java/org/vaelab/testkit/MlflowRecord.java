package org.vaelab.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an MLflow server holds for one run, read through its REST API (not through the client
 * under test): params, tags, status, every metric point (following page tokens), artifacts.
 */
public final class MlflowRecord {

    /** One metric point as MLflow stores it. */
    public record Point(String key, long step, double value, long timestamp) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    private final String uri;
    private final String runId;
    private final JsonNode run;

    private MlflowRecord(String uri, String runId, JsonNode run) {
        this.uri = uri;
        this.runId = runId;
        this.run = run;
    }

    /** The run of experiment {@code experiment} tagged {@code vaelab.run_id = localRunId}, if there is exactly one. */
    public static Optional<MlflowRecord> find(String uri, String experiment, String localRunId) throws IOException {
        List<MlflowRecord> runs = search(uri, experiment, "tags.`vaelab.run_id` = '" + localRunId + "'");
        if (runs.size() > 1) {
            throw new IllegalStateException(runs.size() + " MLflow runs carry vaelab.run_id " + localRunId);
        }
        return runs.stream().findFirst();
    }

    /** The active runs of experiment {@code experiment} that match {@code filter} (MLflow's search syntax). */
    public static List<MlflowRecord> search(String uri, String experiment, String filter) throws IOException {
        MlflowRecord reader = new MlflowRecord(uri, null, null);
        JsonNode found = reader.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=" + encode(experiment));
        if (found == null) {
            return List.of();
        }
        String experimentId = found.path("experiment").path("experiment_id").asText();
        Map<String, Object> search = Map.of("experiment_ids", List.of(experimentId), "filter", filter, "max_results",
                1000);
        List<MlflowRecord> records = new ArrayList<>();
        for (JsonNode run : reader.post("/api/2.0/mlflow/runs/search", search).path("runs")) {
            String id = run.path("info").path("run_id").asText();
            records.add(new MlflowRecord(uri, id, reader.get("/api/2.0/mlflow/runs/get?run_id=" + id).path("run")));
        }
        return records;
    }

    /** The tags of experiment {@code experiment}; empty when there is no such experiment. */
    public static Map<String, String> experimentTags(String uri, String experiment) throws IOException {
        JsonNode found = new MlflowRecord(uri, null, null)
                .get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=" + encode(experiment));
        return found == null ? Map.of() : keyValues(found.path("experiment").path("tags"));
    }

    /** MLflow's id of the run's experiment. */
    public String experimentId() {
        return run.path("info").path("experiment_id").asText();
    }

    /** When the run ended, milliseconds since the epoch; 0 while it runs. */
    public long endTime() {
        return run.path("info").path("end_time").asLong();
    }

    /** The last value of every metric. */
    public Map<String, Double> metrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        run.path("data").path("metrics").forEach(m -> out.put(m.path("key").asText(), m.path("value").asDouble()));
        return out;
    }

    /** MLflow's id of the run. */
    public String runId() {
        return runId;
    }

    /** RUNNING, FINISHED, FAILED or KILLED. */
    public String status() {
        return run.path("info").path("status").asText();
    }

    /** The run's name. */
    public String runName() {
        return run.path("info").path("run_name").asText();
    }

    /** Every param. */
    public Map<String, String> params() {
        return keyValues(run.path("data").path("params"));
    }

    /** Every tag. */
    public Map<String, String> tags() {
        return keyValues(run.path("data").path("tags"));
    }

    /** The dataset inputs: name and digest of each. */
    public List<Map<String, String>> datasets() {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode input : run.path("inputs").path("dataset_inputs")) {
            out.add(Map.of("name", input.path("dataset").path("name").asText(),
                    "digest", input.path("dataset").path("digest").asText()));
        }
        return out;
    }

    /** The dataset inputs with every field: name, digest, context (its tag), schema, profile. */
    public List<Map<String, String>> datasetInputs() {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode input : run.path("inputs").path("dataset_inputs")) {
            JsonNode dataset = input.path("dataset");
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : List.of("name", "digest", "schema", "profile")) {
                fields.put(field, dataset.path(field).asText());
            }
            fields.put("context", keyValues(input.path("tags")).getOrDefault("mlflow.data.context", ""));
            out.add(fields);
        }
        return out;
    }

    /** Every point of every metric, sorted by key, then step, then timestamp. */
    public List<Point> points() throws IOException {
        List<Point> points = new ArrayList<>();
        for (JsonNode metric : run.path("data").path("metrics")) {
            points.addAll(history(metric.path("key").asText()));
        }
        points.sort(Comparator.comparing(Point::key).thenComparingLong(Point::step)
                .thenComparingLong(Point::timestamp));
        return points;
    }

    /** The artifacts, path to size, walking folders. */
    public Map<String, Long> artifacts() throws IOException {
        Map<String, Long> out = new TreeMap<>();
        listArtifacts("", out);
        return out;
    }

    /** An artifact's bytes. */
    public byte[] artifact(String path) throws IOException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(uri + "/get-artifact?run_id=" + runId
                + "&path=" + encode(path))).GET(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET artifact " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /**
     * The MLflow 3 logged models whose source is this run, each as the REST API answers it
     * ({@code info} with {@code model_id}, {@code status}, {@code artifact_uri}; {@code data} with
     * {@code params} and {@code metrics}).
     */
    public List<JsonNode> loggedModels() throws IOException {
        List<JsonNode> models = new ArrayList<>();
        post("/api/2.0/mlflow/logged-models/search", Map.of("experiment_ids", List.of(experimentId()),
                "filter", "source_run_id = '" + runId + "'")).path("models").forEach(models::add);
        return models;
    }

    /** The ids of the models the run records as its outputs. */
    public List<String> modelOutputs() throws IOException {
        List<String> ids = new ArrayList<>();
        get("/api/2.0/mlflow/runs/get?run_id=" + runId).path("run").path("outputs").path("model_outputs")
                .forEach(output -> ids.add(output.path("model_id").asText()));
        return ids;
    }

    /** A file of logged model {@code model} (as {@link #loggedModels()} gives it), through the artifact proxy. */
    public byte[] loggedModelArtifact(JsonNode model, String path) throws IOException {
        String artifactUri = model.path("info").path("artifact_uri").asText();
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(uri
                + "/api/2.0/mlflow-artifacts/artifacts/" + artifactUri.substring("mlflow-artifacts:/".length()) + "/"
                + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET logged model artifact " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** The versions of registered model {@code name}, as the REST API answers them; empty when there is none. */
    public static List<JsonNode> modelVersions(String uri, String name) throws IOException {
        List<JsonNode> versions = new ArrayList<>();
        new MlflowRecord(uri, null, null).get("/api/2.0/mlflow/model-versions/search?filter="
                + encode("name = '" + name + "'")).path("model_versions").forEach(versions::add);
        return versions;
    }

    private List<Point> history(String key) throws IOException {
        List<Point> points = new ArrayList<>();
        String token = "";
        do {
            JsonNode page = get("/api/2.0/mlflow/metrics/get-history?run_id=" + runId + "&metric_key=" + encode(key)
                    + "&max_results=500" + (token.isEmpty() ? "" : "&page_token=" + encode(token)));
            for (JsonNode metric : page.path("metrics")) {
                points.add(new Point(key, metric.path("step").asLong(), metric.path("value").asDouble(),
                        metric.path("timestamp").asLong()));
            }
            token = page.path("next_page_token").asText("");
        } while (!token.isEmpty());
        return points;
    }

    private void listArtifacts(String path, Map<String, Long> out) throws IOException {
        JsonNode list = get("/api/2.0/mlflow/artifacts/list?run_id=" + runId
                + (path.isEmpty() ? "" : "&path=" + encode(path)));
        for (JsonNode file : list.path("files")) {
            if (file.path("is_dir").asBoolean()) {
                listArtifacts(file.path("path").asText(), out);
            } else {
                out.put(file.path("path").asText(), file.path("file_size").asLong());
            }
        }
    }

    private static Map<String, String> keyValues(JsonNode entries) {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.path("key").asText(), e.path("value").asText()));
        return out;
    }

    private JsonNode get(String path) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(uri + path)).GET(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        return parse(path, response);
    }

    private JsonNode post(String path, Object body) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(uri + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                HttpResponse.BodyHandlers.ofString());
        return parse(path, response);
    }

    private static JsonNode parse(String path, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request,
            HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
