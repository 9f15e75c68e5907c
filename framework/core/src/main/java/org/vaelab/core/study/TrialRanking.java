package org.vaelab.core.study;

import java.util.List;

/**
 * The metric a study ranks its finished trials by, for its best trial and for TPE's objective:
 * the validation ELBO, so that the test split plays no part in choosing a trial and its test ELBO
 * stays an unbiased estimate (choosing the best of several trials on the test split biases the
 * chosen trial's test ELBO upward: Cawley and Talbot 2010, "On Over-fitting in Model Selection and
 * Subsequent Selection Bias in Performance Evaluation"). A study whose trials logged no
 * validation ELBO (a base spec with {@code validation: 0}) is ranked by the test ELBO instead, as a
 * whole, and says so wherever it names its best trial: one ranking never mixes the two metrics.
 *
 * <p>The value ranked is a run's last logged value: with {@code train.early_stopping}, that of the
 * best epoch, which the run logs again at its stopping step with the test ELBO of the same weights;
 * otherwise that of the last epoch. Either way it belongs to the weights the final evaluation used.
 */
public enum TrialRanking {

    /** By {@code val/elbo}, the study's trials having a validation split. */
    VALIDATION("val/elbo", "validation ELBO", ""),
    /** By {@code test/elbo}, no trial of the study having logged a validation ELBO. */
    TEST("test/elbo", "test ELBO", " (no validation split: chosen on the test split)");

    private final String metric;
    private final String title;
    private final String caveat;

    TrialRanking(String metric, String title, String caveat) {
        this.metric = metric;
        this.title = title;
        this.caveat = caveat;
    }

    /** {@link #VALIDATION} when any of {@code outcomes} logged a validation ELBO, else {@link #TEST}. */
    public static TrialRanking of(List<TrialOutcome> outcomes) {
        return outcomes.stream().anyMatch(outcome -> !Double.isNaN(outcome.metric(VALIDATION.metric)))
                ? VALIDATION : TEST;
    }

    /** The metric ranked, higher better: {@code val/elbo} or {@code test/elbo}. */
    public String metric() {
        return metric;
    }

    /** The metric in words: {@code validation ELBO}, {@code test ELBO}. */
    public String title() {
        return title;
    }

    /**
     * What a study names its best trial by: {@code validation ELBO}, or {@code test ELBO (no
     * validation split: chosen on the test split)}.
     */
    public String chosenBy() {
        return title + caveat;
    }
}
