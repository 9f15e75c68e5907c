package org.vaelab.core.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.vaelab.core.eval.ImportanceSampling;
import org.vaelab.core.eval.LatentStatistics;
import org.vaelab.core.spec.EvalSpec;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataSplit;

/**
 * The evaluation after training, beyond the ELBO: the KL of each latent dimension and the active
 * units on the test split (Burda et al. 2016, section 5.2), and the importance-weighted estimate of
 * the test log-likelihood with {@code eval.iwae_samples} samples (Burda et al. 2016, eq. 8).
 *
 * @param latent the per-dimension statistics
 * @param logLikelihood the mean importance-weighted log-likelihood, when asked for
 * @param iwaeExamples how many test examples it was estimated on
 */
record FinalEvaluation(LatentStatistics latent, OptionalDouble logLikelihood, int iwaeExamples) {

    /** Samples per pass and examples per pass of the log-likelihood estimate: about 10,000 rows, bounded memory. */
    private static final int CHUNK = 100;

    /** Evaluates {@code trained}, an evaluation graph (no dropout) of {@code model}. */
    static FinalEvaluation of(VaeGraph trained, Assembly model, EvalSpec eval) {
        DataSplit test = model.data().test();
        LatentStatistics latent = LatentStatistics.of(trained, test, eval.batchSize());
        if (eval.iwaeSamples() == 0) {
            return new FinalEvaluation(latent, OptionalDouble.empty(), 0);
        }
        int examples = eval.iwaeExamples() == 0 ? test.size() : Math.min(eval.iwaeExamples(), test.size());
        double logLikelihood = ImportanceSampling.of(trained, model.parts(), eval.iwaeSamples(), CHUNK, CHUNK)
                .meanLogLikelihood(test.slice(0, examples), model.streams().logLikelihood());
        return new FinalEvaluation(latent, OptionalDouble.of(logLikelihood), examples);
    }

    /** The metrics to log: {@code test/active_units}, {@code test/kl_dim/NN}, ..., {@code test/iwae_ll}. */
    Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>(latent.metrics("test"));
        logLikelihood.ifPresent(value -> metrics.put("test/iwae_ll", value));
        return metrics;
    }

    /** The KL of each latent dimension, nats. */
    double[] klPerDimension() {
        return latent.klPerDimension().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
