package org.vaelab.core.study;

import java.util.List;
import java.util.Locale;

/**
 * How far a study has come, counted over its trials by the status of the run that best records
 * each ({@link TrialOutcome}): finished, pruned, running (or cut off without a word), stopped
 * (KILLED, to continue from its checkpoint, a trial paused at a rung too), failed, not started.
 */
public record StudyProgress(int finished, int pruned, int running, int stopped, int failed, int notStarted) {

    /** The counts of {@code outcomes}. */
    static StudyProgress of(List<TrialOutcome> outcomes) {
        return new StudyProgress(count(outcomes, "FINISHED"), count(outcomes, "PRUNED"), count(outcomes, "RUNNING"),
                count(outcomes, "KILLED"), count(outcomes, "FAILED"), count(outcomes, "NOT_RUN"));
    }

    private static int count(List<TrialOutcome> outcomes, String status) {
        return (int) outcomes.stream().filter(outcome -> outcome.status().equals(status)).count();
    }

    /** One line: the counts (the pruned ones when there are any) and the total. */
    public String describe() {
        return String.format(Locale.ROOT, "%d finished, %s%d running, %d stopped (KILLED, resumable), %d failed, "
                + "%d not started, of %d trials", finished, pruned == 0 ? "" : pruned + " pruned, ", running, stopped,
                failed, notStarted, finished + pruned + running + stopped + failed + notStarted);
    }
}
