package org.vaelab.core.study;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vaelab.core.run.MetricSeries;
import org.vaelab.core.run.RunDirectory;
import org.vaelab.core.run.RunRecord;
import org.vaelab.core.train.Checkpoint;
import org.vaelab.spi.track.RunStatus;

/**
 * A study with pruning, run rung by rung ({@link SuccessiveHalving}): the trials still in train to
 * the rung's epoch and pause there with a checkpoint ({@code vae run --until-epoch}), the rule
 * keeps the best of them by the metric each logged at that epoch, and the rest are marked PRUNED,
 * in their run directories and the trackers; the trials kept continue from their checkpoints to
 * the next rung, the last rung being the trials' last epoch. Every decision is taken again from
 * the runs' {@code metrics.csv} whenever the study runs, never remembered, so a stopped study run
 * again, or one run with another {@code --parallel}, takes the same decisions: trials that reached
 * a rung already are not trained again.
 *
 * <p>A sweep of some of the trials (a shard) trains only those, and marks only those PRUNED, but
 * decides from all of them, read from the shared runs folder: it goes as far as the decisions that
 * can be taken allow, and at a rung where a trial of another shard has neither reached the rung
 * nor ended it stops, its trials paused at their checkpoints, and says what it waits on. It never
 * waits or polls, which could deadlock a cluster with fewer slots than shards: running it again
 * once the other shards have gone on continues it.
 */
final class PrunedSweep {

    private final StudyPlan plan;
    private final Set<String> selected;
    private final Path runsDir;
    private final ParentRuns parents;
    private final PrintStream out;

    /** @param selected the trials this sweep trains: all of {@code plan}'s, or a shard's */
    PrunedSweep(StudyPlan plan, List<Trial> selected, Path runsDir, ParentRuns parents, PrintStream out) {
        this.plan = plan;
        this.selected = selected.stream().map(Trial::sha256).collect(Collectors.toSet());
        this.runsDir = runsDir;
        this.parents = parents;
        this.out = out;
    }

    /**
     * Runs the selected trials' rungs with {@code processes}, as far as the decisions allow; returns
     * every trial process it ran, as it ended.
     */
    List<TrialProcesses.Ended> run(TrialProcesses processes, Function<Trial, Map<String, String>> tags,
                                   StudyFolder folder) throws IOException, InterruptedException {
        PruningSettings pruning = plan.study().pruning();
        SuccessiveHalving rule = pruning.rule();
        List<Integer> rungs = plan.rungs();
        String experiment = plan.study().name();
        List<Trial> alive = plan.trials();
        List<TrialProcesses.Ended> ended = new ArrayList<>();
        for (int r = 0; r < rungs.size(); r++) {
            int rung = rungs.get(r);
            boolean last = r == rungs.size() - 1;
            List<Trial> mine = alive.stream().filter(this::isSelected).toList();
            if (mine.isEmpty()) {
                break;
            }
            Map<String, Path> runs = LocalTrialRecords.latest(runsDir, experiment);
            List<Trial> pending = new ArrayList<>();
            for (Trial trial : mine) {
                if (!reached(runs.get(trial.sha256()), rung)) {
                    pending.add(trial);
                }
            }
            out.printf(Locale.ROOT, "rung %d of %d: %d trials to epoch %d, %d of them there already%n", r + 1,
                    rungs.size(), mine.size(), rung, mine.size() - pending.size());
            ended.addAll(processes.run(pending, tags, LocalTrialRecords.resumable(runsDir, experiment), folder,
                    last ? 0 : rung));
            if (last) {
                break;
            }
            runs = LocalTrialRecords.latest(runsDir, experiment);
            List<String> awaited = new ArrayList<>();
            for (Trial trial : alive) {
                if (!isSelected(trial) && !reachedOrEnded(runs.get(trial.sha256()), rung)) {
                    awaited.add(trial.name());
                }
            }
            if (!awaited.isEmpty()) {
                out.printf(Locale.ROOT, "waiting: the rung at epoch %d (%d of %d) waits on %d trials of other shards"
                        + " that have neither reached it nor ended: %s; this sweep's trials are paused at their"
                        + " checkpoints, and running it again once those have continues them%n", rung, r + 1,
                        rungs.size(), awaited.size(), String.join(", ", awaited));
                return ended;
            }
            alive = decide(rule, pruning.metric(), rung, alive, runs);
        }
        if (selected.size() < plan.trials().size()) {
            out.println("done: every trial of this sweep finished, was pruned or failed; once every shard is done,"
                    + " vae sweep --summarize writes the study's summary");
        }
        return ended;
    }

    private boolean isSelected(Trial trial) {
        return selected.contains(trial.sha256());
    }

    /**
     * Ranks {@code alive} at {@code rung}, marks those of this sweep that do not continue PRUNED, and
     * returns the trials that continue.
     */
    private List<Trial> decide(SuccessiveHalving rule, String metric, int rung, List<Trial> alive,
                               Map<String, Path> runs) throws IOException {
        Map<String, Double> atRung = new LinkedHashMap<>();
        for (Trial trial : alive) {
            atRung.put(trial.name(), valueAt(runs.get(trial.sha256()), metric, rung));
        }
        List<String> continuing = rule.continuing(atRung);
        List<Trial> kept = new ArrayList<>();
        for (Trial trial : alive) {
            Path run = runs.get(trial.sha256());
            if (continuing.contains(trial.name())) {
                kept.add(trial);
            } else if (isSelected(trial) && run != null && RunRecord.read(run).status() == RunStatus.KILLED) {
                RunRecord.prune(run, String.format(Locale.ROOT, "pruned at epoch %d: %s %s, not among the best %d"
                        + " of %d trials", rung, metric, atRung.get(trial.name()), continuing.size(), alive.size()));
                parents.prune(trial.sha256());
            }
        }
        out.printf(Locale.ROOT, "rung at epoch %d: %s continue; %d pruned%n", rung, String.join(", ", continuing),
                alive.size() - kept.size());
        return kept;
    }

    /**
     * Whether {@code run} is at or past epoch {@code rung}: done with (finished or pruned) or
     * paused with a checkpoint at least that late.
     */
    private static boolean reached(Path run, int rung) throws IOException {
        if (run == null) {
            return false;
        }
        RunStatus status = RunRecord.read(run).status();
        return status == RunStatus.FINISHED || status == RunStatus.PRUNED
                || status == RunStatus.KILLED && checkpointedAt(run, rung);
    }

    /**
     * Whether another sweep's trial {@code run} has logged epoch {@code rung} or ended: reached it
     * ({@link #reached}), running on from a checkpoint at least that late, or failed.
     */
    private static boolean reachedOrEnded(Path run, int rung) throws IOException {
        if (run == null) {
            return false;
        }
        RunStatus status = RunRecord.read(run).status();
        return reached(run, rung) || status == RunStatus.FAILED
                || status == RunStatus.RUNNING && checkpointedAt(run, rung);
    }

    /** Whether {@code run}'s last checkpoint is of epoch {@code epoch} or later. */
    private static boolean checkpointedAt(Path run, int epoch) throws IOException {
        Path checkpoint = run.resolve(RunDirectory.LAST_CHECKPOINT);
        return Files.isRegularFile(checkpoint) && Checkpoint.epochOf(checkpoint) >= epoch;
    }

    /** The value {@code run} logged for {@code metric} at epoch {@code epoch}; NaN when it has none. */
    private static double valueAt(Path run, String metric, int epoch) throws IOException {
        return run == null ? Double.NaN
                : MetricSeries.byEpoch(run.resolve(RunDirectory.METRICS), metric).getOrDefault(epoch, Double.NaN);
    }
}
