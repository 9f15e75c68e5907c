package org.vaelab.spi.track;

import java.util.Map;
import java.util.Optional;

/**
 * A study's results as its parent run shows them, given to {@link StudyRun#summarize} when the
 * study's summary is written.
 *
 * @param description the study and a table of every trial, in markdown
 * @param metrics summary metrics of the study, slash-named ({@code best/test/elbo},
 *     {@code sweep/kl.beta/0.5/test/elbo}: the mean over the finished trials that give the key that value)
 * @param best the finished trial with the highest test ELBO, empty when none finished
 * @param trialDescriptions a one-line description of each trial, by the SHA-256 of its resolved spec
 *     (a trial run's tag {@code vaelab.spec_sha256})
 * @param finished how many trials finished: the step of the summary metrics, which grows as the study does
 */
public record StudyResults(String description, Map<String, Double> metrics, Optional<BestTrial> best,
                           Map<String, String> trialDescriptions, int finished) {

    public StudyResults {
        metrics = Map.copyOf(metrics);
        trialDescriptions = Map.copyOf(trialDescriptions);
    }

    /**
     * The best trial of a study.
     *
     * @param name the trial's name ({@code t001-beta=2})
     * @param specSha256 the SHA-256 of its resolved spec, which finds its run
     * @param metrics its test metrics, by their own names ({@code test/elbo})
     */
    public record BestTrial(String name, String specSha256, Map<String, Double> metrics) {

        public BestTrial {
            metrics = Map.copyOf(metrics);
        }
    }
}
