package org.vaelab.plugins.mlflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.mlflow.api.proto.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaelab.spi.track.RunInfo;

/**
 * The background loop that sends queued events to MLflow in order. Consecutive metric events are
 * sent together (at most {@value #MAX_METRICS_PER_BATCH} points per log-batch). A retryable
 * failure is tried again after a capped exponential backoff while events keep queueing; any other
 * failure stops sending for this run, with one warning: the run directory's journal keeps
 * everything for {@code vae sync}.
 */
final class EventSender implements Runnable {

    /** MLflow accepts at most this many metric points in one log-batch. */
    static final int MAX_METRICS_PER_BATCH = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(EventSender.class);
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 8000;

    private final BlockingDeque<TrackerEvent> queue;
    private final MlflowEndpoint endpoint;
    private final String experiment;
    private final String uri;
    private final String registerModel;
    private final LoggedModels loggedModels;
    private final Semaphore wakeUp = new Semaphore(0);
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile String link;
    private volatile boolean finished;
    private volatile long sent;
    private volatile String problem;
    private String warned;
    private String runId;
    private String experimentId;
    private String artifactUri;
    private RunInfo run;
    private boolean imagesTagged;
    /** The step and timestamp of the last point sent of each metric. */
    private final Map<String, long[]> lastPoints = new HashMap<>();

    /**
     * @param registerModel the registered model a run's logged model becomes a version of; null for none
     */
    EventSender(BlockingDeque<TrackerEvent> queue, MlflowEndpoint endpoint, String experiment, String uri,
                String registerModel) {
        this.queue = queue;
        this.endpoint = endpoint;
        this.experiment = experiment;
        this.uri = uri;
        this.registerModel = registerModel;
        this.loggedModels = new LoggedModels(endpoint);
    }

    /** Whether the last request found no server at all. */
    boolean unreachable() {
        return endpoint.unreachable();
    }

    /** Ends a backoff wait now, so the next attempt starts at once (the run is ending). */
    void retryNow() {
        wakeUp.release();
    }

    /** Whether every event up to the run's end was sent. */
    boolean finished() {
        return finished;
    }

    /** Whether the server has answered any request of this run, even with an error. */
    boolean answered() {
        return endpoint.answered();
    }

    /** Whether the server has answered nothing although {@code attempts} requests waited for it the whole timeout. */
    boolean silent(int attempts) {
        return !endpoint.answered() && endpoint.unansweredRequests() >= attempts;
    }

    /**
     * The address of the run in MLflow's runs view, waiting up to {@code millis} for the run to be
     * created or a request to fail; null when it is not created by then.
     */
    String link(long millis) throws InterruptedException {
        opened.await(millis, TimeUnit.MILLISECONDS);
        return link;
    }

    /** How many events were sent. */
    long sent() {
        return sent;
    }

    /** The last failure, or {@code null} when no request has failed. */
    String problem() {
        return problem;
    }

    @Override
    public void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        try {
            while (true) {
                TrackerEvent head = queue.takeFirst();
                queue.putFirst(head);
                try {
                    int handled = send(head);
                    for (int i = 0; i < handled; i++) {
                        queue.removeFirst();
                    }
                    sent += handled;
                    backoff = FIRST_BACKOFF_MILLIS;
                    if (head instanceof TrackerEvent.End) {
                        finished = true;
                        return;
                    }
                } catch (SendFailure failure) {
                    problem = failure.getMessage();
                    opened.countDown(); // no address soon: whoever waits for it goes on without
                    if (!failure.retryable()) {
                        LOG.warn("mlflow: {} at {}; nothing more of this run is sent; its journal.jsonl keeps "
                                + "every event for 'vae sync'", failure.getMessage(), uri);
                        return;
                    }
                    warnOnce(failure);
                    wakeUp.tryAcquire(backoff, TimeUnit.MILLISECONDS);
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the event at the head of the queue (and the metric events right after it); returns how many. */
    private int send(TrackerEvent head) throws SendFailure {
        if (head instanceof TrackerEvent.Start start) {
            open(start.run());
            return 1;
        }
        if (head instanceof TrackerEvent.Metrics) {
            return sendMetrics();
        }
        if (head instanceof TrackerEvent.Artifact artifact) {
            endpoint.uploadArtifact(artifactUri, artifact.file(), artifact.artifactPath());
            return 1;
        }
        if (head instanceof TrackerEvent.Image image) {
            sendImage(image);
            return 1;
        }
        if (head instanceof TrackerEvent.Model model) {
            loggedModels.log(experimentId, runId, run.params(), run.dataset(), model.model(),
                    timestamps(model.model().step(), model.timestampMillis()), registerModel);
            return 1;
        }
        TrackerEvent.End end = (TrackerEvent.End) head;
        endpoint.terminate(runId, RunRequests.status(end.status()), end.timestampMillis());
        return 1;
    }

    /** Finds the run created by an earlier attempt or replay, or creates it; then logs params, tags and the dataset. */
    private void open(RunInfo run) throws SendFailure {
        this.run = run;
        experimentId = endpoint.experimentId(experiment);
        Optional<Service.RunInfo> earlier = endpoint.findRun(experimentId, run.runId());
        Service.RunInfo remote = earlier.isPresent() ? earlier.get()
                : endpoint.createRun(RunRequests.createRun(experimentId, run));
        runId = remote.getRunId();
        artifactUri = remote.getArtifactUri();
        link = endpoint.runLink(experimentId, runId);
        opened.countDown();
        for (List<Service.Param> params : RunRequests.paramBatches(run)) {
            endpoint.logBatch(runId, List.of(), params, List.of());
        }
        endpoint.logBatch(runId, List.of(), List.of(), RunRequests.tags(run));
        endpoint.logInput(runId, run.dataset());
    }

    /**
     * Uploads a picture where MLflow's image logging puts it, the full picture and the one the UI
     * shows in its grid ({@link ImageSeries}), and tags the run as one with images, which makes
     * the UI list them.
     */
    private void sendImage(TrackerEvent.Image image) throws SendFailure {
        String stem = ImageSeries.stem(run.runId(), image.key(), image.step(), image.timestampMillis());
        endpoint.uploadArtifact(artifactUri, image.file(), stem + ImageSeries.FULL);
        endpoint.uploadArtifact(artifactUri, image.file(), stem + ImageSeries.COMPRESSED);
        if (!imagesTagged) {
            endpoint.logBatch(runId, List.of(), List.of(), RunRequests.tags(Map.of(ImageSeries.TAG, "true")));
            imagesTagged = true;
        }
    }

    private int sendMetrics() throws SendFailure {
        List<Service.Metric> points = new ArrayList<>();
        int events = 0;
        Iterator<TrackerEvent> pending = queue.iterator();
        while (pending.hasNext()) {
            if (!(pending.next() instanceof TrackerEvent.Metrics metrics)
                    || (events > 0 && points.size() + metrics.values().size() > MAX_METRICS_PER_BATCH)) {
                break;
            }
            for (Map.Entry<String, Double> value : metrics.values().entrySet()) {
                points.add(RunRequests.metric(value.getKey(), value.getValue(), metrics.step(),
                        metrics.timestampMillis()));
                lastPoints.put(value.getKey(), new long[] {metrics.step(), metrics.timestampMillis()});
            }
            events++;
        }
        for (int start = 0; start < points.size(); start += MAX_METRICS_PER_BATCH) {
            endpoint.logBatch(runId, points.subList(start, Math.min(points.size(), start + MAX_METRICS_PER_BATCH)),
                    List.of(), List.of());
        }
        return events;
    }

    /**
     * The timestamp of each metric's last point where that point is at {@code step}, else
     * {@code otherwise}: a model's metric logged again with the timestamp, step and value of the
     * run's point is that point, now linked to the model, not a second one.
     */
    private ToLongFunction<String> timestamps(long step, long otherwise) {
        return key -> {
            long[] last = lastPoints.get(key);
            return last != null && last[0] == step ? last[1] : otherwise;
        };
    }

    private void warnOnce(SendFailure failure) {
        String kind = failure.unreachable() ? "unreachable" : failure.getMessage();
        if (!kind.equals(warned)) {
            warned = kind;
            LOG.warn("mlflow: {} ({}); training goes on, events are kept in journal.jsonl and retried",
                    failure.unreachable() ? "cannot reach " + uri : "request failed at " + uri, failure.getMessage());
        }
    }
}
