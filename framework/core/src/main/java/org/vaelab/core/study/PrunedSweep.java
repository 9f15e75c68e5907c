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
import java.util.function.Function;
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
 */
final class PrunedSweep {

    private final StudyPlan plan;
    private final Path runsDir;
    private final ParentRuns parents;
    private final PrintStream out;

    PrunedSweep(StudyPlan plan, Path runsDir, ParentRuns parents, PrintStream out) {
        this.plan = plan;
        this.runsDir = runsDir;
        this.parents = parents;
        this.out = out;
    }

    /** Runs the rungs with {@code processes}; returns every trial process it ran, as it ended. */
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
            Map<String, Path> runs = LocalTrialRecords.latest(runsDir, experiment);
            List<Trial> pending = new ArrayList<>();
            for (Trial trial : alive) {
                if (!reached(runs.get(trial.sha256()), rung)) {
                    pending.add(trial);
                }
            }
            out.printf(Locale.ROOT, "rung %d of %d: %d trials to epoch %d, %d of them there already%n", r + 1,
                    rungs.size(), alive.size(), rung, alive.size() - pending.size());
            ended.addAll(processes.run(pending, tags, LocalTrialRecords.resumable(runsDir, experiment), folder,
                    last ? 0 : rung));
            if (!last) {
                alive = decide(rule, pruning.metric(), rung, alive, LocalTrialRecords.latest(runsDir, experiment));
            }
        }
        return ended;
    }

    /** Ranks {@code alive} at {@code rung}, marks those that do not continue PRUNED, and returns the others. */
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
            } else if (run != null && RunRecord.read(run).status() == RunStatus.KILLED) {
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
     * Whether {@code run} is at or past epoch {@code rung}: done with (finished, pruned, failed) or
     * paused with a checkpoint at least that late.
     */
    private static boolean reached(Path run, int rung) throws IOException {
        if (run == null) {
            return false;
        }
        RunStatus status = RunRecord.read(run).status();
        if (status == RunStatus.FINISHED || status == RunStatus.PRUNED) {
            return true;
        }
        Path checkpoint = run.resolve(RunDirectory.LAST_CHECKPOINT);
        return status == RunStatus.KILLED && Files.isRegularFile(checkpoint) && Checkpoint.epochOf(checkpoint) >= rung;
    }

    /** The value {@code run} logged for {@code metric} at epoch {@code epoch}; NaN when it has none. */
    private static double valueAt(Path run, String metric, int epoch) throws IOException {
        return run == null ? Double.NaN
                : MetricSeries.byEpoch(run.resolve(RunDirectory.METRICS), metric).getOrDefault(epoch, Double.NaN);
    }
}
