package org.vaelab.plugins.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.RunsPage;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.vaelab.spi.track.DatasetInfo;
import org.vaelab.spi.track.DatasetSplit;

/**
 * The MLflow server as VAELab uses it. Experiments, runs, params, metrics and tags go through the
 * MLflow Java client; dataset inputs and artifacts through plain HTTP (artifacts by {@code PUT} to
 * the server's artifact proxy, since the client's artifact calls shell out to Python). The Java
 * client has no timeouts, so every call runs on a worker thread and is abandoned after the
 * request timeout; a call that completes after being abandoned does no harm, because everything
 * VAELab sends is idempotent (metric points keep their original timestamps).
 */
final class MlflowEndpoint implements AutoCloseable {

    private static final String ARTIFACT_SCHEME = "mlflow-artifacts:/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SEARCH_PAGE = 1000;

    private final String uri;
    private final Credentials credentials;
    private final Duration timeout;
    private final MlflowClient client;
    private final HttpClient http;
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "vaelab-mlflow-call");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean unreachable;
    private volatile boolean answered;
    private final AtomicInteger unanswered = new AtomicInteger();

    MlflowEndpoint(String uri, Credentials credentials, Duration timeout) {
        this.uri = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        this.credentials = credentials;
        this.timeout = timeout;
        this.client = new MlflowClient(new BasicMlflowHostCreds(this.uri, credentials.username(),
                credentials.password(), credentials.token(), false));
        // HTTP/1.1, as MLflow's server speaks it: the client's default upgrade offer (Upgrade: h2c)
        // makes the server log two warnings per request
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** Whether the last request could not connect to the server at all. */
    boolean unreachable() {
        return unreachable;
    }

    /** Whether the server has answered any request, even with an error status. */
    boolean answered() {
        return answered;
    }

    /** How many requests were abandoned after waiting the whole timeout for an answer. */
    int unansweredRequests() {
        return unanswered.get();
    }

    /**
     * The id of experiment {@code name}, created with a description if it does not exist; when
     * another process (a parallel trial, a shard) creates it first, that one is used.
     */
    String experimentId(String name) throws SendFailure {
        Service.CreateExperiment create = Service.CreateExperiment.newBuilder().setName(name)
                .addTags(Service.ExperimentTag.newBuilder().setKey(RunRequests.DESCRIPTION_TAG)
                        .setValue(experimentDescription(name))).build();
        return call("get or create experiment " + name, () -> client.getExperimentByName(name)
                .map(Service.Experiment::getExperimentId)
                .orElseGet(() -> {
                    try {
                        return client.createExperiment(create);
                    } catch (MlflowHttpException e) {
                        return client.getExperimentByName(name).map(Service.Experiment::getExperimentId)
                                .orElseThrow(() -> e);
                    }
                }));
    }

    /**
     * The web address that opens run {@code runId} of experiment {@code experimentId} in MLflow's
     * runs view: MLflow 3 opens an experiment in its GenAI view, where runs are hidden, unless the
     * address asks for the machine-learning workflow.
     */
    String runLink(String experimentId, String runId) {
        return uri + "/#/experiments/" + experimentId + "/runs/" + runId + "?workflowType=machine_learning";
    }

    private static String experimentDescription(String name) {
        return "VAELab runs of the spec or study named **" + name + "**. Each run logs its resolved spec as params, "
                + "its metrics (nats per example; `test/elbo`, higher is better) and its files; a study is a "
                + "parent run, tagged `vaelab.role = study`, holding the summary, with one child run per trial. "
                + "`vae run` and `vae sweep` print the address of each run in the runs view.";
    }

    /** The MLflow run tagged {@code vaelab.run_id = localRunId}, if one was created before. */
    Optional<Service.RunInfo> findRun(String experimentId, String localRunId) throws SendFailure {
        return call("search runs", () -> client.searchRuns(List.of(experimentId),
                "tags.`vaelab.run_id` = '" + localRunId + "'").stream().findFirst());
    }

    /**
     * Every active run of the experiment matching {@code filter} (MLflow's search syntax), with its data, all pages.
     */
    List<Service.Run> searchRuns(String experimentId, String filter) throws SendFailure {
        return call("search runs", () -> {
            List<Service.Run> runs = new ArrayList<>();
            RunsPage page = client.searchRuns(List.of(experimentId), filter, Service.ViewType.ACTIVE_ONLY, SEARCH_PAGE);
            runs.addAll(page.getItems());
            while (page.hasNextPage()) {
                page = (RunsPage) page.getNextPage();
                runs.addAll(page.getItems());
            }
            return runs;
        });
    }

    /** Moves a run to MLflow's deleted runs. */
    void deleteRun(String runId) throws SendFailure {
        call("delete run", () -> {
            client.deleteRun(runId);
            return null;
        });
    }

    /** Creates a run. */
    Service.RunInfo createRun(Service.CreateRun request) throws SendFailure {
        return call("create run", () -> client.createRun(request));
    }

    /** Logs metrics, params and tags in one request. */
    void logBatch(String runId, List<Service.Metric> metrics, List<Service.Param> params, List<Service.RunTag> tags)
            throws SendFailure {
        call("log batch", () -> {
            client.logBatch(runId, metrics, params, tags);
            return null;
        });
    }

    /** Sets the run's final status and end time. */
    void terminate(String runId, Service.RunStatus status, long endMillis) throws SendFailure {
        call("terminate run", () -> {
            client.setTerminated(runId, status, endMillis);
            return null;
        });
    }

    /**
     * Records the run's dataset as MLflow dataset inputs ({@code runs/log-inputs}): each split
     * under its context ({@code training}, {@code validation}, {@code testing}) with its own
     * digest, schema and profile, or the whole data as {@code training} when the splits are not
     * known (a journal written before SPI 2.2). MLflow looks
     * for the dataset in the experiment and then inserts it, so of two runs logging a dataset new
     * to the experiment at the same moment (the first trials of a parallel sweep, shards started
     * together) one is refused with HTTP 400, a unique constraint; a refused request is therefore
     * sent once more, and then finds the dataset the other run inserted.
     */
    void logInput(String runId, DatasetInfo dataset) throws SendFailure {
        List<Map<String, Object>> inputs = new ArrayList<>();
        if (dataset.splits().isEmpty()) {
            inputs.add(input(dataset, "training", dataset.digest(), Map.of()));
        }
        for (DatasetSplit split : dataset.splits()) {
            inputs.add(input(dataset, split.context(), split.digest(),
                    Map.of("schema", split.schema(), "profile", split.profile())));
        }
        Map<String, Object> body = Map.of("run_id", runId, "datasets", inputs);
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new SendFailure("log inputs: " + e.getMessage(), false, false, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri + "/api/2.0/mlflow/runs/log-inputs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json));
        try {
            send("log inputs", request);
        } catch (SendFailure refused) {
            if (refused.retryable()) {
                throw refused;
            }
            send("log inputs", request);
        }
    }

    /** One dataset input of {@code log-inputs}: the data under its context, with {@code extra} fields. */
    private static Map<String, Object> input(DatasetInfo dataset, String context, String digest,
            Map<String, String> extra) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", dataset.name(), "digest", digest,
                "source_type", "local", "source", dataset.source()));
        fields.putAll(extra);
        return Map.of("tags", List.of(Map.of("key", "mlflow.data.context", "value", context)), "dataset", fields);
    }

    /** Uploads {@code file} as {@code artifactPath} of the run whose artifact root is {@code artifactUri}. */
    void uploadArtifact(String artifactUri, Path file, String artifactPath) throws SendFailure {
        if (!artifactUri.startsWith(ARTIFACT_SCHEME)) {
            throw new SendFailure("the server stores artifacts at " + artifactUri + ", not through its artifact proxy;"
                    + " start it with --serve-artifacts", false, false, null);
        }
        String target = uri + "/api/2.0/mlflow-artifacts/artifacts/" + artifactUri.substring(ARTIFACT_SCHEME.length())
                + "/" + artifactPath;
        try {
            send("upload " + artifactPath, HttpRequest.newBuilder(URI.create(target))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (FileNotFoundException e) {
            throw new SendFailure("upload " + artifactPath + ": " + file + " is gone", false, false, e);
        }
    }

    /**
     * Sends {@code body} as JSON to the REST API's {@code path} (after {@code /api/2.0/mlflow/}) with
     * {@code method}, for the calls the Java client does not know (MLflow 3's logged models, metrics
     * linked to one); returns the answer.
     */
    JsonNode json(String what, String method, String path, Object body) throws SendFailure {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new SendFailure(what + ": " + e.getMessage(), false, false, e);
        }
        String answer = send(what, HttpRequest.newBuilder(URI.create(uri + "/api/2.0/mlflow/" + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json)));
        try {
            return JSON.readTree(answer.isEmpty() ? "{}" : answer);
        } catch (IOException e) {
            throw new SendFailure(what + ": the answer is not JSON (" + abbreviate(answer) + ")", false, false, e);
        }
    }

    private String send(String what, HttpRequest.Builder request) throws SendFailure {
        credentials.authorization().ifPresent(value -> request.setHeader("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            unreachable = false;
            answered = true;
        } catch (HttpTimeoutException e) {
            unanswered.incrementAndGet();
            throw new SendFailure(what + ": no answer within " + timeout.toSeconds() + " s", true, false, e);
        } catch (IOException e) {
            throw failure(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure(what + ": interrupted", true, false, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new SendFailure(what + ": HTTP " + status + " " + abbreviate(response.body()), retryable(status),
                    false, null);
        }
        return response.body();
    }

    private <T> T call(String what, Callable<T> action) throws SendFailure {
        Future<T> future = calls.submit(action);
        try {
            T result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            unreachable = false;
            answered = true;
            return result;
        } catch (TimeoutException e) {
            unanswered.incrementAndGet();
            future.cancel(true);
            throw new SendFailure(what + ": no answer within " + timeout.toSeconds() + " s", true, false, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SendFailure(what + ": interrupted", true, false, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MlflowHttpException http) {
                unreachable = false;
                answered = true;
                throw new SendFailure(what + ": HTTP " + http.getStatusCode() + " " + abbreviate(http.getBodyMessage()),
                        retryable(http.getStatusCode()), false, http);
            }
            throw failure(what, cause);
        }
    }

    private SendFailure failure(String what, Throwable cause) {
        boolean noServer = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            noServer |= t instanceof ConnectException || t instanceof UnknownHostException;
        }
        unreachable = noServer;
        String reason = noServer ? "cannot connect" : String.valueOf(cause.getMessage());
        return new SendFailure(what + ": " + reason, true, noServer, cause);
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        client.close();
    }
}
