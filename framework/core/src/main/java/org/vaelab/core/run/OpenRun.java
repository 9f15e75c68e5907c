package org.vaelab.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.vaelab.core.train.Checkpoint;
import org.vaelab.core.train.Failures;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;

/**
 * A run that has started: its directory, its provenance and its trackers, ended exactly once.
 * If the process is stopped (Ctrl-C, SIGTERM) before the run ends, a shutdown hook ends it as
 * KILLED, so the run directory and the trackers say so and keep every metric already written, and
 * tells on stderr how to continue it. Closing a run that was never ended marks it FAILED.
 */
final class OpenRun implements AutoCloseable {

    private final RunDirectory directory;
    private RunRecord record;
    private final TrackerGroup tracker;
    private final String commandLine;
    private final Thread shutdownHook;
    private boolean ended;

    private OpenRun(RunDirectory directory, RunRecord record, TrackerGroup tracker, String commandLine) {
        this.directory = directory;
        this.record = record;
        this.tracker = tracker;
        this.commandLine = commandLine;
        this.shutdownHook = new Thread(this::stopped, "vaelab-run-killed");
    }

    /**
     * Writes the run's record as RUNNING, starts the trackers and arms the shutdown hook.
     *
     * @param commandLine {@code vae run} with the run's spec and {@code --set} values, which the
     *     note on a stopped run completes with {@code --resume RUN_DIR}
     */
    static OpenRun start(RunDirectory directory, RunRecord record, TrackerGroup tracker, RunInfo info,
                         String commandLine) throws IOException {
        OpenRun run = new OpenRun(directory, record.running(info.runId()), tracker, commandLine);
        run.record.write(directory);
        tracker.start(info);
        tracker.logArtifact(directory.root().resolve(RunDirectory.SPEC), RunDirectory.SPEC);
        Runtime.getRuntime().addShutdownHook(run.shutdownHook);
        return run;
    }

    /** Where this run's events go. */
    TrackerGroup tracker() {
        return tracker;
    }

    /** Ends the run as FAILED, recording {@code reason} in its record. */
    synchronized void fail(String reason) {
        end(RunStatus.FAILED, reason);
    }

    /** Ends the run with {@code status}, unless it has ended already. */
    synchronized void end(RunStatus status) {
        end(status, null);
    }

    /**
     * Ends the run with {@code status} and {@code reason}: why it failed, or why a finished run
     * ended before its last epoch (null when it did not); unless it has ended already.
     */
    synchronized void end(RunStatus status, String reason) {
        if (ended) {
            return;
        }
        ended = true;
        record = record.ended(status, Instant.now(), reason);
        try {
            recordEnd();
            tracker.logArtifact(directory.root().resolve(RunDirectory.PROVENANCE), RunDirectory.PROVENANCE);
            tracker.logArtifact(directory.root().resolve(RunDirectory.METRICS), RunDirectory.METRICS);
            tracker.logArtifact(directory.root().resolve(RunDirectory.TIMING), RunDirectory.TIMING);
            tracker.end(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the run as KILLED, unless it has ended already, and says how to continue it. */
    private void stopped() {
        synchronized (this) {
            if (ended) {
                return;
            }
            end(RunStatus.KILLED);
        }
        System.err.println("stopped: the run is marked KILLED; " + howToContinue());
    }

    private String howToContinue() {
        Path checkpoint = directory.root().resolve(RunDirectory.LAST_CHECKPOINT);
        if (!Files.isRegularFile(checkpoint)) {
            return "it has no checkpoint yet, so it must be started again: `" + commandLine + "`";
        }
        String epoch;
        try {
            epoch = Integer.toString(Checkpoint.epochOf(checkpoint));
        } catch (IOException | RuntimeException unreadable) {
            epoch = "unreadable: " + Failures.reason(unreadable);
        }
        return "`" + commandLine + " --resume " + directory.root() + "` continues it from its last checkpoint (epoch "
                + epoch + ")";
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
     * Writes the ended run's record. On a disk too full for the temporary file of an atomic
     * write, it is overwritten in place, in the space it takes already: a run that has ended must
     * not go on saying RUNNING.
     */
    private void recordEnd() throws IOException {
        try {
            record.write(directory);
        } catch (IOException full) {
            try {
                Files.write(directory.root().resolve(RunDirectory.PROVENANCE), record.toJson());
            } catch (IOException stillFull) {
                full.addSuppressed(stillFull);
                throw full;
            }
        }
    }
}
