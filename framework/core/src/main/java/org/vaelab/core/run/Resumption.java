package org.vaelab.core.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.train.Checkpoint;
import org.vaelab.spi.InvalidInputException;

/**
 * A stopped run about to continue ({@code vae run SPEC --resume RUN_DIR}): its directory, locked
 * for this process, its run id (so trackers continue the same run) and its last checkpoint.
 * Everything is checked before anything is changed: no other process has the folder, it is a run
 * of exactly this resolved spec, it has not finished, and it has a checkpoint.
 *
 * @param directory the run's folder
 * @param lock this process's lock on it, released when the resumed run ends
 * @param runId the run's id from {@code provenance.json}
 * @param checkpoint the training state to continue from
 */
record Resumption(RunDirectory directory, ProcessLock lock, String runId, Checkpoint checkpoint) {

    /** Checks, locks and reads {@code runDirectory} for a resumption of {@code resolved}. */
    static Resumption open(Path runDirectory, ResolvedSpec resolved) throws IOException {
        Path spec = runDirectory.resolve(RunDirectory.SPEC);
        Path provenanceFile = runDirectory.resolve(RunDirectory.PROVENANCE);
        if (!Files.isRegularFile(spec) || !Files.isRegularFile(provenanceFile)) {
            throw new InvalidInputException("--resume " + runDirectory + ": not a run directory (it has no "
                    + RunDirectory.SPEC + " and " + RunDirectory.PROVENANCE + ")");
        }
        RunDirectory directory = RunDirectory.existing(runDirectory);
        ProcessLock lock = directory.lock();
        try {
            return new Resumption(directory, lock, checkedRunId(runDirectory, resolved),
                    readCheckpoint(runDirectory, checkedCheckpoint(runDirectory)));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static String checkedRunId(Path runDirectory, ResolvedSpec resolved) throws IOException {
        Path spec = runDirectory.resolve(RunDirectory.SPEC);
        if (!Files.readString(spec, StandardCharsets.UTF_8).equals(resolved.yaml())) {
            throw new InvalidInputException("--resume " + runDirectory + ": the run was made from another spec (sha256 "
                    + "of its " + RunDirectory.SPEC + " differs from " + resolved.sha256().substring(0, 8)
                    + "); resume it with the same spec and --set values ('vae validate --print' shows what a spec "
                    + "resolves to)");
        }
        RunRecord record = RunRecord.read(runDirectory);
        if (record.finished()) {
            throw new InvalidInputException("--resume " + runDirectory + ": the run has already finished");
        }
        return record.runId();
    }

    private static Path checkedCheckpoint(Path runDirectory) {
        Path checkpoint = runDirectory.resolve(RunDirectory.LAST_CHECKPOINT);
        if (!Files.isRegularFile(checkpoint)) {
            throw new InvalidInputException("--resume " + runDirectory
                    + ": the run stopped before its first checkpoint (" + RunDirectory.LAST_CHECKPOINT
                    + "); start it again without --resume");
        }
        return checkpoint;
    }

    /** The checkpoint to continue from; one that cannot be used says what the run can do instead. */
    private static Checkpoint readCheckpoint(Path runDirectory, Path checkpoint) throws IOException {
        try {
            return Checkpoint.read(checkpoint);
        } catch (InvalidInputException e) {
            String best = Files.isRegularFile(runDirectory.resolve(RunDirectory.BEST_CHECKPOINT))
                    ? "to resume from the best epoch instead, copy " + RunDirectory.BEST_CHECKPOINT
                    + " over it, or " : "";
            throw new InvalidInputException("--resume " + runDirectory + ": " + e.getMessage() + "; " + best
                    + "start the run again without --resume", e);
        }
    }

    /**
     * Takes the run back to its checkpoint before it continues: drops what a crash cut short of the
     * journal's last line (noting it on {@code out}), and the rows of {@code metrics.csv} and
     * {@code timing.csv} that the resumed run writes again, those of epochs after the checkpoint
     * and those of the final evaluation, so each file reads as an uninterrupted run's wherever the
     * run was stopped. The journal keeps every whole event: it is the record of what was sent to
     * trackers.
     */
    void rewind(PrintStream out) throws IOException {
        int dropped = Journal.dropCutLastLine(directory.root());
        if (dropped > 0) {
            out.printf(Locale.ROOT, "warning: dropped a cut last line of %s (%d bytes)%n", RunDirectory.JOURNAL,
                    dropped);
        }
        for (String file : List.of(RunDirectory.METRICS, RunDirectory.TIMING)) {
            if (Files.isRegularFile(directory.root().resolve(file))) {
                MetricsCsv.dropRows(directory, file,
                        (epoch, metric) -> epoch > checkpoint.epoch() || FinalEvaluation.names(metric));
            }
        }
    }
}
