package org.vaelab.core.study;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.spi.track.RunStatus;

/**
 * Runs a study whose search a model proposes ({@code search: {type: tpe}}) round by round
 * ({@link ModelSearch}): runs this process's trials of the rounds known, then proposes the rounds
 * whose earlier trials all ended, and so on until the search has all its trials. A point's value is
 * the mean over its trials (one per seed) of the study's ranking metric ({@link TrialRanking}: the
 * validation ELBO, or the test ELBO when the trials have no validation split), the metric that
 * also chooses the study's best trial, over the trials that logged it. A shard whose next round
 * waits on another shard's trials checks the runs again every {@code pollSeconds}; a process whose
 * own trial ended without a record (a crash before its run directory) stops, failed, as rerunning
 * the sweep runs that trial again.
 */
public final class SearchRounds {

    private final StudyRunner runner;
    private final StudyPlanner planner;
    private final ComponentCatalog catalog;
    private final Path runsDir;
    private final PrintStream out;
    private final long pollSeconds;

    /** @param pollSeconds how often a shard waiting on other shards' trials looks at the runs again */
    public SearchRounds(StudyRunner runner, StudyPlanner planner, ComponentCatalog catalog, Path runsDir,
                        PrintStream out, long pollSeconds) {
        this.runner = runner;
        this.planner = planner;
        this.catalog = catalog;
        this.runsDir = runsDir;
        this.out = out;
        this.pollSeconds = pollSeconds;
    }

    /** Whether a model proposes some of {@code plan}'s trials from the others' results. */
    public static boolean proposes(StudyPlan plan) {
        return plan.study().modelSearch() != null;
    }

    /** How many trials {@code plan}'s study has: those known, and those a model proposes later. */
    public static int totalTrials(StudyPlan plan) {
        ModelSearch search = plan.study().modelSearch();
        return search == null ? plan.trials().size()
                : plan.trials().size() / search.points().size() * search.settings().trials();
    }

    /** What {@code vae sweep --dry-run} says of the trials a model proposes later, if the study has them. */
    public static Optional<String> laterTrials(StudyPlan plan) {
        ModelSearch search = plan.study().modelSearch();
        if (search == null || search.complete()) {
            return Optional.empty();
        }
        int perPoint = plan.trials().size() / search.points().size();
        return Optional.of(String.format(Locale.ROOT, "trials %d to %d are proposed by TPE as results arrive,"
                + " %d at a time, each round from the validation ELBOs (test ELBOs without a validation split) of"
                + " every trial of the earlier rounds",
                plan.trials().size(), totalTrials(plan) - 1, perPoint * search.settings().batch()));
    }

    /**
     * Runs the trials of {@code plan}'s search whose index {@code selected} takes, {@code parallel} at
     * a time, as they are proposed, until none of the trials left to propose is selected; with
     * {@code summarizes}, then the summary.
     *
     * @return whether every trial run finished and, when summarized, every trial of the study
     */
    public boolean sweep(StudyPlan plan, IntPredicate selected, int parallel, boolean summarizes)
            throws IOException, InterruptedException {
        ParentRuns parents = ParentRuns.open(plan, catalog, out);
        boolean finished = true;
        StudyPlan current = plan;
        Set<String> ran = new HashSet<>();
        while (true) {
            List<Trial> mine = current.trials().stream().filter(trial -> selected.test(trial.index()))
                    .filter(trial -> !ran.contains(trial.sha256())).toList();
            if (!mine.isEmpty()) {
                finished &= runner.sweep(current, mine, parallel, false);
                mine.forEach(trial -> ran.add(trial.sha256()));
            }
            StudyPlan next = known(current, parents);
            if (next.trials().size() > current.trials().size()) {
                current = next;
            } else if (IntStream.range(current.trials().size(), totalTrials(current)).noneMatch(selected)) {
                break;
            } else if (waitingOnOthers(current, selected, parents)) {
                Thread.sleep(pollSeconds * 1000);
            } else {
                out.println("the next round of the search waits on trials of this process that ended without a"
                        + " run; sweep again to run them");
                return false;
            }
        }
        return summarizes ? runner.summarize(current) && finished : finished;
    }

    /** {@code plan} with every round proposed that the recorded runs allow: the study as far as it is known. */
    public StudyPlan known(StudyPlan plan) throws IOException {
        return known(plan, ParentRuns.open(plan, catalog, out));
    }

    private StudyPlan known(StudyPlan plan, ParentRuns parents) throws IOException {
        StudyPlan current = plan;
        while (true) {
            StudyPlan next = proposed(current, StudyRecords.outcomes(current, runsDir, parents));
            if (next == current) {
                return current;
            }
            current = next;
        }
    }

    /** {@code plan} with every round proposed that the trials' {@code outcomes} allow. */
    private StudyPlan proposed(StudyPlan plan, List<TrialOutcome> outcomes) {
        ModelSearch search = plan.study().modelSearch();
        int perPoint = plan.trials().size() / search.points().size();
        TrialRanking ranking = TrialRanking.of(outcomes.stream().filter(SearchRounds::ended).toList());
        List<Double> values = new ArrayList<>();
        for (int point = 0; point < search.points().size(); point++) {
            values.add(value(outcomes.subList(point * perPoint, (point + 1) * perPoint), ranking));
        }
        ModelSearch next = search.proposed(values);
        return next.points().size() == search.points().size() ? plan
                : planner.plan(plan.study().withModelSearch(next), plan.overrides());
    }

    /** Whether a trial that holds up the next round is another process's, not yet ended. */
    private boolean waitingOnOthers(StudyPlan plan, IntPredicate selected, ParentRuns parents)
            throws IOException {
        return StudyRecords.outcomes(plan, runsDir, parents).stream()
                .anyMatch(outcome -> !ended(outcome) && !selected.test(outcome.trial().index()));
    }

    /**
     * The mean of {@code ranking}'s metric over a point's trials; NaN when they ended without it;
     * null while one has not ended.
     */
    private static Double value(List<TrialOutcome> trials, TrialRanking ranking) {
        if (!trials.stream().allMatch(SearchRounds::ended)) {
            return null;
        }
        return trials.stream().mapToDouble(outcome -> outcome.metric(ranking.metric()))
                .filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static boolean ended(TrialOutcome outcome) {
        return outcome.record().filter(r -> r.status() == RunStatus.FINISHED || r.status() == RunStatus.FAILED)
                .isPresent();
    }
}
