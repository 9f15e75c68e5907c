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
 * @param best the finished trial with the highest value of {@code rankedBy}, empty when none finished
 * @param trialDescriptions a one-line description of each trial, by the SHA-256 of its resolved spec
 *     (a trial run's tag {@code vaelab.spec_sha256})
 * @param finished how many trials finished: the step of the summary metrics, which grows as the study does
 * @param rankedBy the metric that chose the best trial, higher better: {@code val/elbo}, or
 *     {@code test/elbo} for a study whose trials have no validation split (since 2.4.0)
 */
public record StudyResults(String description, Map<String, Double> metrics, Optional<BestTrial> best,
                           Map<String, String> trialDescriptions, int finished, String rankedBy) {

    public StudyResults {
        metrics = Map.copyOf(metrics);
        trialDescriptions = Map.copyOf(trialDescriptions);
    }

    /**
     * Results whose best trial was chosen by {@code test/elbo}, as before 2.4.0.
     *
     * @deprecated the metric that chose the best trial is named: use the canonical constructor
     */
    @Deprecated(since = "2.4.0")
    public StudyResults(String description, Map<String, Double> metrics, Optional<BestTrial> best,
                        Map<String, String> trialDescriptions, int finished) {
        this(description, metrics, best, trialDescriptions, finished, "test/elbo");
    }

    /**
     * The best trial of a study.
     *
     * @param name the trial's name ({@code t001-beta=2})
     * @param specSha256 the SHA-256 of its resolved spec, which finds its run
     * @param metrics its metrics, by their own names ({@code val/elbo}, {@code test/elbo})
     */
    public record BestTrial(String name, String specSha256, Map<String, Double> metrics) {

        public BestTrial {
            metrics = Map.copyOf(metrics);
        }
    }
}
