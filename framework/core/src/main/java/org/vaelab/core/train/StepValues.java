package org.vaelab.core.train;

import java.util.Map;
import org.vaelab.spi.kl.KlWeighting;

/**
 * What one optimizer step measured, batch means in nats per example.
 *
 * @param loss the training objective
 * @param reconLoss {@code -E_q[log p(x|z)]}
 * @param kl {@code KL(q(z|x) || N(0, I))}
 * @param weighting the KL weighting used
 * @param familyMetrics the model family's metrics, by name (see {@link VaeGraph#familyMetrics})
 */
public record StepValues(double loss, double reconLoss, double kl, KlWeighting weighting,
                         Map<String, Double> familyMetrics) {

    public StepValues {
        familyMetrics = Map.copyOf(familyMetrics);
    }
}
