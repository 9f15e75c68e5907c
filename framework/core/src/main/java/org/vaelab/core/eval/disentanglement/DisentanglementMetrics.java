package org.vaelab.core.eval.disentanglement;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.spi.data.FactorTable;

/**
 * Every disentanglement metric of this package on one pool of codes, by the names a run logs them
 * under: {@code disent/beta_vae}, {@code disent/factor_vae}, {@code disent/mig}, {@code disent/sap},
 * {@code disent/dci_disentanglement}, {@code disent/dci_completeness},
 * {@code disent/dci_informativeness} (the forests' test accuracy) and {@code disent/gaussian_tc}
 * (nats).
 */
public final class DisentanglementMetrics {

    /** The prefix of the metrics' names. */
    public static final String PREFIX = "disent/";

    private DisentanglementMetrics() {
    }

    /** The metrics of {@code pool}, in the order above. */
    public static Map<String, Double> of(FactorCodes pool, DisentanglementOptions options) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(PREFIX + "beta_vae", BetaVaeScore.of(pool, options));
        metrics.put(PREFIX + "factor_vae", FactorVaeScore.of(pool, options));
        metrics.put(PREFIX + "mig", MutualInformationGap.of(pool, options));
        metrics.put(PREFIX + "sap", SapScore.of(pool, options));
        DciScores dci = DciScores.of(pool, options);
        metrics.put(PREFIX + "dci_disentanglement", dci.disentanglement());
        metrics.put(PREFIX + "dci_completeness", dci.completeness());
        metrics.put(PREFIX + "dci_informativeness", dci.informativenessTest());
        metrics.put(PREFIX + "gaussian_tc", GaussianTotalCorrelation.of(pool, options));
        return metrics;
    }

    /** The pool of {@code means} (one row per example) and the examples' {@code factors}. */
    public static FactorCodes pool(double[][] means, FactorTable factors) {
        int count = factors.factors().size();
        int[][] indices = new int[factors.size()][count];
        int[] sizes = new int[count];
        for (int k = 0; k < count; k++) {
            sizes[k] = factors.factors().get(k).size();
            for (int i = 0; i < indices.length; i++) {
                indices[i][k] = factors.index(i, k);
            }
        }
        return new FactorCodes(means, indices, sizes);
    }

    /**
     * Whether {@code metric} is one of {@link #of}'s disentanglement scores, which run from 0 (none)
     * to 1 (complete): all but the informativeness (an accuracy) and the total correlation (nats).
     */
    public static boolean isScore(String metric) {
        return names(metric) && !metric.equals(PREFIX + "dci_informativeness")
                && !metric.equals(PREFIX + "gaussian_tc");
    }

    /** Whether {@code metric} is one of {@link #of}'s names. */
    public static boolean names(String metric) {
        return metric.startsWith(PREFIX);
    }
}
