package org.vaelab.plugins.mlflow;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.track.Delivery;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.StudyInfo;
import org.vaelab.spi.track.StudyRun;
import org.vaelab.spi.track.Tracker;
import org.vaelab.spi.track.TrainedModel;

/**
 * Records a run in MLflow without ever making training wait: events are queued and an
 * {@link EventSender} thread sends them. {@link #end} waits for the queue to drain for at most
 * the flush timeout, but only a few seconds when the server cannot be reached, or has answered
 * nothing at all in this run although {@value #SILENT_ATTEMPTS} requests waited the whole request
 * timeout: a server that accepts connections and never answers would otherwise hold every run's
 * end for the whole flush timeout. (A server just started can take more than one request timeout
 * to answer its first request on a busy machine, hence several.) Whatever is left is in the run
 * directory's journal, and {@code vae sync} sends it.
 *
 * <p>Every {@code system_metrics_seconds} a daemon thread queues the figures of {@link SystemMetrics}
 * too, at steps 0, 1, 2, ... as MLflow's own system metrics monitor logs them; a sample that
 * cannot be taken is skipped, so it never fails the run. They are not in the journal: a replay by
 * {@code vae sync} has none of its own to add, as it does not train.
 */
final class MlflowTracker implements Tracker {

    private static final Logger LOG = LoggerFactory.getLogger(MlflowTracker.class);
    private static final Duration SHORT_FLUSH = Duration.ofSeconds(5);
    private static final int SILENT_ATTEMPTS = 3;
    private static final int OPEN_STUDY_ATTEMPTS = 3;
    private static final Duration OPEN_STUDY_RETRY = Duration.ofSeconds(2);
    /** The longest the first ask for the run's address waits for the run to be created. */
    private static final Duration LINK_WAIT = Duration.ofSeconds(10);

    private final BlockingDeque<TrackerEvent> queue = new LinkedBlockingDeque<>();
    private final MlflowConfig config;
    private final String uri;
    private final Credentials credentials;
    private MlflowEndpoint endpoint;
    private EventSender sender;
    private Thread thread;
    private boolean askedLink;
    private Path runDirectory;
    private Thread sampler;
    private final AtomicLong given = new AtomicLong();
    private String undelivered;

    MlflowTracker(MlflowConfig config, String uri, Credentials credentials) {
        this.config = config;
        this.uri = uri;
        this.credentials = credentials;
    }

    /**
     * The tracker {@code config} describes: it sends to the configured {@code uri}, or else to the
     * environment's {@code MLFLOW_TRACKING_URI}, with the {@link Credentials} of the environment or
     * that address.
     *
     * @throws InvalidInputException when there is no address, or it is not an http or https URI
     */
    static MlflowTracker of(MlflowConfig config) {
        String uri = config.uri() != null ? config.uri() : System.getenv("MLFLOW_TRACKING_URI");
        if (uri == null || uri.isBlank()) {
            throw new InvalidInputException("tracking: the mlflow tracker needs a server: set 'uri' in the spec or the"
                    + " environment variable MLFLOW_TRACKING_URI (for example http://127.0.0.1:5000)");
        }
        URI server;
        try {
            server = new URI(uri);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("tracking: the mlflow uri is not a URI (" + e.getReason() + " at index "
                    + e.getIndex() + "); write a server address such as http://127.0.0.1:5000", e);
        }
        if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme())) {
            throw new InvalidInputException("tracking: the mlflow uri must be an http:// or https:// server address, "
                    + "found '" + Credentials.withoutUserInfo(server) + "'");
        }
        return new MlflowTracker(config, Credentials.withoutUserInfo(server), Credentials.of(System::getenv, server));
    }

    @Override
    public void start(RunInfo run) {
        runDirectory = run.runDirectory();
        endpoint = new MlflowEndpoint(uri, credentials, requestTimeout());
        sender = new EventSender(queue, endpoint, config.experiment() != null ? config.experiment() : run.experiment(),
                uri, config.registerModel());
        add(new TrackerEvent.Start(run));
        thread = new Thread(sender, "vaelab-mlflow-sender");
        thread.setDaemon(true);
        thread.start();
        if (config.systemMetricsSeconds() > 0) {
            sampler = new Thread(this::sampleSystemMetrics, "vaelab-mlflow-system-metrics");
            sampler.setDaemon(true);
            sampler.start();
        }
    }

    private void sampleSystemMetrics() {
        SystemMetrics system = new SystemMetrics(Path.of("/proc"));
        try {
            for (long step = 0; ; step++) {
                Thread.sleep(Duration.ofSeconds(config.systemMetricsSeconds()).toMillis());
                try {
                    add(new TrackerEvent.Metrics(system.sample(), step, System.currentTimeMillis()));
                } catch (RuntimeException unreadable) {
                    LOG.debug("mlflow: no system metrics at step {}", step, unreadable);
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Opens the study's parent run, trying again after a retryable failure (a slow or restarting
     * server) up to {@value #OPEN_STUDY_ATTEMPTS} times.
     */
    @Override
    public Optional<StudyRun> openStudy(StudyInfo study) throws IOException {
        MlflowEndpoint studyEndpoint = new MlflowEndpoint(uri, credentials, requestTimeout());
        String experiment = config.experiment() != null ? config.experiment() : study.experiment();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return Optional.of(MlflowStudyRun.open(studyEndpoint, experiment, study,
                            study.tags().getOrDefault("vaelab.study_source", study.name())));
                } catch (SendFailure e) {
                    if (!e.retryable() || attempt == OPEN_STUDY_ATTEMPTS) {
                        studyEndpoint.close();
                        throw new IOException("mlflow at " + uri + ": " + e.getMessage(), e);
                    }
                    Thread.sleep(OPEN_STUDY_RETRY.toMillis() * attempt);
                }
            }
        } catch (InterruptedException e) {
            studyEndpoint.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the study's parent run", e);
        }
    }

    @Override
    public void logMetrics(Map<String, Double> metrics, long step, int epoch, long timestampMillis) {
        add(new TrackerEvent.Metrics(Map.copyOf(metrics), step, timestampMillis));
    }

    @Override
    public void logArtifact(Path file, String artifactPath) {
        add(new TrackerEvent.Artifact(file, artifactPath));
    }

    @Override
    public void logImage(Path file, String key, long step, long timestampMillis) {
        add(new TrackerEvent.Image(file, key, step, timestampMillis));
    }

    @Override
    public void logModel(TrainedModel model) {
        add(new TrackerEvent.Model(model, System.currentTimeMillis()));
    }

    @Override
    public void end(RunStatus status) {
        if (thread == null) {
            return;
        }
        if (sampler != null) {
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        add(new TrackerEvent.End(status, System.currentTimeMillis()));
        sender.retryNow();
        long deadline = System.nanoTime() + Duration.ofSeconds(config.flushTimeoutSeconds()).toNanos();
        long shortDeadline = System.nanoTime() + SHORT_FLUSH.toNanos();
        try {
            while (thread.isAlive() && System.nanoTime() < deadline
                    && !((sender.unreachable() || sender.silent(SILENT_ATTEMPTS))
                            && System.nanoTime() > shortDeadline)) {
                thread.join(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!sender.finished()) {
            // the reason is read before the sender is stopped, whose request in flight would then fail as "interrupted"
            undelivered = sender.problem() != null ? sender.problem()
                    : sender.answered() ? "not all sent within flush_timeout_seconds " + config.flushTimeoutSeconds()
                    : "no answer from the server";
            thread.interrupt();
            LOG.warn("mlflow: {} events of this run were not sent to {} ({}); they are in {}: 'vae sync {}' sends them",
                    given.get() - sender.sent(), uri, undelivered, runDirectory.resolve("journal.jsonl"), runDirectory);
        }
        endpoint.close();
    }

    /**
     * The run's address in MLflow's runs view. The first ask waits for the sender to create the
     * run, up to the request timeout (at most 10 s), so a run started against a live server can
     * print its address before training; later asks do not wait.
     */
    @Override
    public Optional<String> link() {
        if (thread == null) {
            return Optional.empty();
        }
        try {
            String link = sender.link(askedLink ? 0 : Math.min(LINK_WAIT.toMillis(), requestTimeout().toMillis()));
            askedLink = true;
            return Optional.ofNullable(link);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public Optional<Delivery> delivery() {
        return thread == null ? Optional.empty()
                : Optional.of(new Delivery("mlflow at " + uri, sender.sent(), given.get(), undelivered));
    }

    private Duration requestTimeout() {
        return Duration.ofSeconds(config.requestTimeoutSeconds());
    }

    private void add(TrackerEvent event) {
        given.incrementAndGet();
        queue.add(event);
    }
}
