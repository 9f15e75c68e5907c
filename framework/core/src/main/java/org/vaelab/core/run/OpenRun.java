package org.vaelab.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;

/**
 * A run that has started: its directory, its provenance and its trackers, ended exactly once.
 * If the process is stopped (Ctrl-C, SIGTERM) before the run ends, a shutdown hook ends it as
 * KILLED, so the run directory and the trackers say so and keep every metric already written.
 * Closing a run that was never ended marks it FAILED.
 */
final class OpenRun implements AutoCloseable {

    static final String PROVENANCE_FILE = "provenance.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RunDirectory directory;
    private final Map<String, Object> provenance;
    private final TrackerGroup tracker;
    private final Thread shutdownHook;
    private boolean ended;

    private OpenRun(RunDirectory directory, Map<String, Object> provenance, TrackerGroup tracker) {
        this.directory = directory;
        this.provenance = new LinkedHashMap<>(provenance);
        this.tracker = tracker;
        this.shutdownHook = new Thread(() -> end(RunStatus.KILLED), "vaelab-run-killed");
    }

    /** Writes the provenance as RUNNING, starts the trackers and arms the shutdown hook. */
    static OpenRun start(RunDirectory directory, Map<String, Object> provenance, TrackerGroup tracker, RunInfo info)
            throws IOException {
        OpenRun run = new OpenRun(directory, provenance, tracker);
        run.provenance.put("run_id", info.runId());
        run.provenance.put("status", RunStatus.RUNNING.name());
        run.writeProvenance();
        tracker.start(info);
        tracker.logArtifact(directory.root().resolve(ExperimentRunner.SPEC_FILE), ExperimentRunner.SPEC_FILE);
        Runtime.getRuntime().addShutdownHook(run.shutdownHook);
        return run;
    }

    /** Where this run's events go. */
    TrackerGroup tracker() {
        return tracker;
    }

    /** Ends the run as FAILED, recording {@code reason} in {@code provenance.json}. */
    synchronized void fail(String reason) {
        if (!ended) {
            provenance.put("failure", reason);
        }
        end(RunStatus.FAILED);
    }

    /** Ends the run with {@code status}, unless it has ended already. */
    synchronized void end(RunStatus status) {
        if (ended) {
            return;
        }
        ended = true;
        provenance.put("status", status.name());
        provenance.put("ended", Instant.now().toString());
        try {
            recordEnd();
            tracker.logArtifact(directory.root().resolve(PROVENANCE_FILE), PROVENANCE_FILE);
            tracker.logArtifact(directory.root().resolve(MetricsCsv.FILE), MetricsCsv.FILE);
            tracker.logArtifact(directory.root().resolve(MetricsCsv.TIMING_FILE), MetricsCsv.TIMING_FILE);
            tracker.end(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        end(RunStatus.FAILED);
    }

    /**
     * Writes the ended run's provenance. On a disk too full for the temporary file of an atomic
     * write, it is overwritten in place, in the space it takes already: a run that has ended must
     * not go on saying RUNNING.
     */
    private void recordEnd() throws IOException {
        try {
            writeProvenance();
        } catch (IOException full) {
            try {
                Files.write(directory.root().resolve(PROVENANCE_FILE), JSON.writeValueAsBytes(provenance));
            } catch (IOException stillFull) {
                full.addSuppressed(stillFull);
                throw full;
            }
        }
    }

    private void writeProvenance() throws IOException {
        directory.write(PROVENANCE_FILE, file -> JSON.writeValue(file.toFile(), provenance));
    }
}
