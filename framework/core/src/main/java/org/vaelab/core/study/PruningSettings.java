package org.vaelab.core.study;

import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * A study's {@code pruning} block: how trials that fall behind are stopped early.
 *
 * @param type the rule
 * @param metric what ranks the trials at a rung, higher better
 * @param minEpochs the first rung's epoch
 * @param eta the reduction factor
 */
record PruningSettings(
        @Param("The pruning rule: successive_halving (synchronous rungs; Jamieson and Talwalkar 2016)")
        Rule type,
        @Param(value = "The validation metric that ranks the trials at each rung, higher better: val/elbo",
                defaultValue = PruningSettings.METRIC)
        String metric,
        @Param(value = "The first rung's epoch, r: rungs are at r, r*eta, r*eta^2, ... epochs, then train.epochs",
                min = 1)
        int minEpochs,
        @Param(value = "The reduction factor: each rung keeps the best 1/eta of its trials", defaultValue = "3",
                min = 2)
        int eta) {

    /** The one metric a rung ranks by: the validation ELBO, logged at every evaluation epoch. */
    static final String METRIC = "val/elbo";

    /** The pruning rules. */
    enum Rule {
        /** {@link SuccessiveHalving}. */
        SUCCESSIVE_HALVING
    }

    PruningSettings {
        if (!METRIC.equals(metric)) {
            throw new InvalidConfigException("metric", "must be " + METRIC + " (higher is better), found '" + metric
                    + "'");
        }
    }

    /** The rule's decisions. */
    SuccessiveHalving rule() {
        return new SuccessiveHalving(minEpochs, eta);
    }

    /** The block as a study file writes it, for {@code study.yaml} and the study's hash. */
    String yaml() {
        return "{type: successive_halving, metric: " + metric + ", min_epochs: " + minEpochs + ", eta: " + eta + "}";
    }
}
