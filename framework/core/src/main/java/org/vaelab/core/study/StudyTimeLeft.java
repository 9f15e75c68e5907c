package org.vaelab.core.study;

/**
 * A study's time left, estimated whenever a trial ends: the trials not ended yet, run
 * {@code parallel} at a time, each taking the mean time of those that have ended.
 */
final class StudyTimeLeft {

    private final int trials;
    private final int parallel;
    private double seconds;
    private int ended;

    /**
     * @param trials how many trials this process runs
     * @param parallel how many run at once
     */
    StudyTimeLeft(int trials, int parallel) {
        this.trials = trials;
        this.parallel = parallel;
    }

    /** Counts a trial that ended after {@code trialSeconds}; returns the study's seconds left. */
    synchronized double ended(double trialSeconds) {
        seconds += trialSeconds;
        ended++;
        int left = trials - ended;
        return Math.ceil((double) left / parallel) * seconds / ended;
    }
}
