package org.vaelab.core.spec;

import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * {@code train.early_stopping}: end the run when the validation ELBO has stopped improving.
 *
 * @param metric the metric watched, higher better; the validation ELBO is the one every run with a
 *     validation split logs at each evaluation
 * @param patience evaluations without an improvement after which the run ends
 * @param minDelta the least rise of the metric over its best that counts as an improvement
 */
public record EarlyStoppingSpec(
        @Param(value = "The metric watched (higher is better): val/elbo", defaultValue = EarlyStoppingSpec.VAL_ELBO)
        String metric,
        @Param(value = "Evaluations of the validation split (every eval.every_epochs epochs) without an improvement"
                + " after which the run ends", min = 1)
        int patience,
        @Param(value = "The least rise over the best value that counts as an improvement, in the metric's units"
                + " (nats for val/elbo)", defaultValue = "0", min = 0)
        double minDelta) {

    /** The validation ELBO, the metric early stopping watches. */
    public static final String VAL_ELBO = "val/elbo";

    public EarlyStoppingSpec {
        if (!VAL_ELBO.equals(metric)) {
            throw new InvalidConfigException("metric", "early stopping watches " + VAL_ELBO + ", found '" + metric
                    + "'");
        }
    }
}
