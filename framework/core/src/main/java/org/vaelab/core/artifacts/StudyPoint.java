package org.vaelab.core.artifacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One finished or pruned trial of a study, as its plots see it: a pruned trial's values are those
 * of its last evaluation, at the rung where it stopped.
 *
 * @param values each swept key (seed excluded) with its value's short label ({@code 0.5},
 * {@code gaussian-learned_per_dim})
 * @param elbo the test ELBO, nats per example
 * @param recon the test reconstruction term {@code -E_q[log p(x|z)]} (the distortion)
 * @param kl the test {@code KL(q(z|x) || p(z))} (the rate)
 * @param disentanglement the trial's disentanglement scores in [0, 1] by metric name
 *     ({@code disent/mig}, ...), empty when it logged none
 * @param pruned whether the study pruned the trial at a rung
 */
public record StudyPoint(Map<String, String> values, double elbo, double recon, double kl,
                         Map<String, Double> disentanglement, boolean pruned) {

    public StudyPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        disentanglement = Collections.unmodifiableMap(new TreeMap<>(disentanglement));
    }

    /** A finished trial without disentanglement scores. */
    public StudyPoint(Map<String, String> values, double elbo, double recon, double kl) {
        this(values, elbo, recon, kl, Map.of(), false);
    }
}
