package org.vaelab.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import org.vaelab.core.eval.ImportanceSampling;
import org.vaelab.core.eval.LatentStatistics;
import org.vaelab.core.eval.Posteriors;
import org.vaelab.core.eval.disentanglement.DisentanglementMetrics;
import org.vaelab.core.spec.EvalSpec;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;

/**
 * The evaluation after training, beyond the ELBO: the KL of each latent dimension and the active
 * units on the test split (Burda et al. 2016, section 5.2), and the importance-weighted estimate of
 * the test log-likelihood with {@code eval.iwae_samples} samples (Burda et al. 2016, eq. 8), and,
 * for data with ground-truth factors, the disentanglement metrics of the test split's posterior
 * means ({@link DisentanglementMetrics}).
 *
 * <p>For dequantized data ({@link DataShape#isDequantized()}) the log-likelihood is also given in
 * bits per dimension of the discrete data ({@link DataShape#bitsPerDimension}): an upper bound, as the
 * estimate is a lower bound of log p(x).
 *
 * @param latent the per-dimension statistics
 * @param logLikelihood the mean importance-weighted log-likelihood, when asked for
 * @param iwaeExamples how many test examples it was estimated on
 * @param bitsPerDimension the log-likelihood in bits per dimension, for dequantized data
 * @param disentanglement the disentanglement metrics by name, empty when not computed
 */
public record FinalEvaluation(LatentStatistics latent, OptionalDouble logLikelihood, int iwaeExamples,
                              OptionalDouble bitsPerDimension, Map<String, Double> disentanglement) {

    public FinalEvaluation {
        disentanglement = Collections.unmodifiableMap(new LinkedHashMap<>(disentanglement));
    }

    private static final String LOG_LIKELIHOOD = "test/iwae_ll";
    private static final String BITS_PER_DIMENSION = "test/iwae_bpd";

    /**
     * Evaluates {@code trained}, an evaluation graph (no dropout) of {@code model}, on its test split,
     * each part shown on {@code console} while it runs.
     */
    static FinalEvaluation of(VaeGraph trained, Assembly model, EvalSpec eval, Console console) {
        return of(trained, model.parts(), model.data().test(), eval, model.streams().logLikelihood(), console);
    }

    /**
     * The evaluation of {@code graph}, built from {@code parts}, on {@code test}: the latent
     * statistics in batches of {@code eval.batch_size}, and the log-likelihood with
     * {@code eval.iwae_samples} samples on the first {@code eval.iwae_examples} examples, drawn from {@code noise};
     * each part shown on {@code console} while it runs.
     */
    public static FinalEvaluation of(VaeGraph graph, ModelParts parts, DataSplit test, EvalSpec eval,
            RandomGenerator noise, Console console) {
        LatentStatistics latent;
        Map<String, Double> disentanglement;
        String task = scoresDisentanglement(test, eval)
                ? "KL per dimension, active units and disentanglement metrics" : "KL per dimension and active units";
        try (Stage stage = console.stage(task, test.size(), "test examples")) {
            latent = LatentStatistics.of(graph, test, eval.batchSize(), stage::advance);
            disentanglement = disentanglement(graph, test, eval);
        }
        if (eval.iwaeSamples() == 0) {
            return new FinalEvaluation(latent, OptionalDouble.empty(), 0, OptionalDouble.empty(), disentanglement);
        }
        int examples = eval.iwaeExamples() == 0 ? test.size() : Math.min(eval.iwaeExamples(), test.size());
        double logLikelihood;
        try (Stage stage = console.stage("importance-weighted log p(x), K = " + eval.iwaeSamples(), examples,
                "test examples")) {
            logLikelihood = ImportanceSampling.bounded(graph, parts, eval.iwaeSamples())
                    .meanLogLikelihood(test.slice(0, examples), noise, stage::advance);
        }
        return new FinalEvaluation(latent, OptionalDouble.of(logLikelihood), examples,
                parts.shape().bitsPerDimension(logLikelihood), disentanglement);
    }

    /**
     * The disentanglement metrics of the posterior means of {@code test}, the pool every metric
     * draws from, when {@code eval} asks for them and {@code test} has factors; else none.
     */
    private static Map<String, Double> disentanglement(VaeGraph graph, DataSplit test, EvalSpec eval) {
        if (!scoresDisentanglement(test, eval)) {
            return Map.of();
        }
        double[][] means = Posteriors.of(graph, test, eval.batchSize()).meanRows();
        return DisentanglementMetrics.of(DisentanglementMetrics.pool(means, test.factors().get()),
                eval.disentanglementOptions().options());
    }

    /** Whether {@code eval} asks for the disentanglement metrics and {@code test} has the factors they need. */
    private static boolean scoresDisentanglement(DataSplit test, EvalSpec eval) {
        return eval.disentanglementOn(test) && test.factors().isPresent();
    }

    /**
     * The metrics to log: {@code test/active_units}, {@code test/kl_dim/NN}, ..., {@code test/iwae_ll},
     * for dequantized data {@code test/iwae_bpd}, and {@code disent/mig}, ....
     */
    Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>(latent.metrics("test"));
        logLikelihood.ifPresent(value -> metrics.put(LOG_LIKELIHOOD, value));
        bitsPerDimension.ifPresent(value -> metrics.put(BITS_PER_DIMENSION, value));
        metrics.putAll(disentanglement);
        return metrics;
    }

    /**
     * Whether {@code metric} is one of {@link #metrics()}'s names, which nothing but the final
     * evaluation logs: how a resumed run knows the rows it writes again.
     */
    static boolean names(String metric) {
        return metric.equals(LOG_LIKELIHOOD) || metric.equals(BITS_PER_DIMENSION)
                || LatentStatistics.names("test", metric) || DisentanglementMetrics.names(metric);
    }

    /** The KL of each latent dimension, nats. */
    double[] klPerDimension() {
        return latent.klPerDimension().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
