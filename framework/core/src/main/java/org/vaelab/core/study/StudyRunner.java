package org.vaelab.core.study;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.spi.track.RunStatus;

/**
 * How a study runs, as {@link org.vaelab.core.run.ExperimentRunner} is how a run runs: in the study's
 * folder under the runs folder, with its trials locked, as child runs of one parent run per
 * tracker, each trial a process of its own; trials already finished (matched by their spec's hash,
 * locally and in the trackers) are skipped and stopped ones continue from their checkpoint, so
 * running again resumes; the summary and plots are
 * written from what the local runs folder and the trackers recorded.
 */
public final class StudyRunner {

    private final ComponentCatalog catalog;
    private final Path runsDir;
    private final List<String> runCommand;
    private final PrintStream out;

    /**
     * @param runsDir where run directories and the study folder go
     * @param runCommand the command that runs one experiment, {@code vae run}, without its arguments
     * @param out where progress and the summary table are printed
     */
    public StudyRunner(ComponentCatalog catalog, Path runsDir, List<String> runCommand, PrintStream out) {
        this.catalog = catalog;
        this.runsDir = runsDir;
        this.runCommand = List.copyOf(runCommand);
        this.out = out;
    }

    /**
     * Runs those of {@code selected} (some or all of {@code plan}'s trials; with pruning rung by rung,
     * as far as the decisions that all the trials allow: {@link PrunedSweep}) neither finished nor
     * pruned yet, {@code parallel} at a time; with {@code summarizes}, then writes the summary and
     * plots and ends the parent runs.
     *
     * @return whether every trial run finished and, when summarized, every trial of the study
     */
    public boolean sweep(StudyPlan plan, List<Trial> selected, int parallel, boolean summarizes)
            throws IOException, InterruptedException {
        StudyFolder folder = StudyFolder.open(runsDir, plan);
        try (TrialLocks locks = folder.lock(selected)) {
            ParentRuns parents = open(plan, folder);
            Set<String> finished = StudyRecords.outcomes(plan, runsDir, parents).stream()
                    .filter(TrialOutcome::done).map(outcome -> outcome.trial().sha256())
                    .collect(Collectors.toSet());
            List<Trial> pending = selected.stream().filter(trial -> !finished.contains(trial.sha256())).toList();
            out.printf("study %s: %d trials (hash %s); %d selected, %d of them finished already; running %d,"
                    + " %d at a time%n", plan.study().name(), plan.trials().size(), plan.sha256().substring(0, 8),
                    selected.size(), selected.size() - pending.size(), pending.size(), parallel);
            TrialProcesses processes = new TrialProcesses(runCommand, plan.study().base(), runsDir, parallel, out);
            List<TrialProcesses.Ended> ended = plan.study().pruning() != null
                    ? new PrunedSweep(plan, selected, runsDir, parents, out).run(processes,
                            trial -> parents.childTags(plan, trial), folder)
                    : processes.run(pending, trial -> parents.childTags(plan, trial),
                            LocalTrialRecords.resumable(runsDir, plan.study().name()), folder, 0);
            long failed = ended.stream().filter(e -> !e.finished()).count();
            out.printf(plan.study().pruning() == null ? "%d trials finished, %d failed%n"
                    : "%d trainings to a rung ended well, %d failed%n", ended.size() - failed, failed);
            boolean complete = !summarizes || summarize(plan, parents, folder);
            return failed == 0 && complete;
        }
    }

    /**
     * Runs nothing: writes the summary and plots from the trial runs recorded locally and in the
     * trackers (after all shards are done), and ends the parent runs.
     *
     * @return whether every trial of the study is finished
     */
    public boolean summarize(StudyPlan plan) throws IOException {
        StudyFolder folder = StudyFolder.open(runsDir, plan);
        try (TrialLocks locks = folder.lock(List.of())) {
            return summarize(plan, open(plan, folder), folder);
        }
    }

    /** How many of the study's trials are finished, running, stopped, failed and not started. */
    public StudyProgress progress(StudyPlan plan) throws IOException {
        return StudyProgress.of(StudyRecords.outcomes(plan, runsDir, ParentRuns.open(plan, catalog, out)));
    }

    /** The parent runs, with the plan logged to them. */
    private ParentRuns open(StudyPlan plan, StudyFolder folder) throws IOException {
        ParentRuns parents = ParentRuns.open(plan, catalog, out);
        parents.logArtifacts(folder.root(), folder.writePlan(plan));
        return parents;
    }

    private boolean summarize(StudyPlan plan, ParentRuns parents, StudyFolder folder) throws IOException {
        StudySummary summary = new StudySummary(plan, StudyRecords.outcomes(plan, runsDir, parents));
        parents.logArtifacts(folder.root(), folder.writeSummary(summary));
        boolean complete = summary.unfinished().isEmpty();
        parents.summarize(StudyReport.of(summary));
        parents.end(complete ? RunStatus.FINISHED : RunStatus.FAILED);
        out.print(summary.table());
        summary.bestLine(folder.root().resolve(StudyFolder.BEST_SPEC_FILE)).ifPresent(out::println);
        out.printf("summary: %d of %d trials finished%s%s; files in %s%n", summary.finished(), plan.trials().size(),
                summary.pruned() == 0 ? "" : ", " + summary.pruned() + " pruned",
                complete ? "" : " (not finished: " + summary.unfinished().stream().map(o -> o.trial().name())
                        .collect(Collectors.joining(", ")) + ")", folder.root());
        parents.links().forEach(link -> out.println("study parent run: " + link));
        return complete;
    }
}
