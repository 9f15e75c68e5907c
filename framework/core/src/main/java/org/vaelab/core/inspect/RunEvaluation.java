package org.vaelab.core.inspect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.vaelab.core.eval.LatentStatistics;
import org.vaelab.core.run.Console;
import org.vaelab.core.run.FinalEvaluation;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.core.spec.EvalSpec;
import org.vaelab.core.train.ElboTerms;
import org.vaelab.core.train.Evaluator;
import org.vaelab.core.train.RandomStreams;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplit;

/**
 * A trained run evaluated on a split: the ELBO and its terms (Kingma and Welling 2014), the
 * reconstruction errors, the KL of each latent dimension and the active units, and the
 * importance-weighted log-likelihood with K samples (Burda, Grosse and Salakhutdinov 2016, eq. 8
 * and section 5.2), and on data with ground-truth factors the disentanglement metrics if asked
 * for. The noise comes from the run's seed, so the same command gives the same numbers.
 *
 * <p>For dequantized data the ELBO and the log-likelihood are also given in bits per dimension
 * ({@link org.vaelab.spi.data.DataShape#bitsPerDimension}).
 *
 * @param elbo the ELBO terms, means over the split, nats per example
 * @param beyond the latent statistics and the log-likelihood estimate
 * @param iwaeSamples K, 0 when the log-likelihood was not estimated
 * @param elboBitsPerDimension the ELBO in bits per dimension, for dequantized data
 */
public record RunEvaluation(ElboTerms elbo, FinalEvaluation beyond, int iwaeSamples,
                            OptionalDouble elboBitsPerDimension) {

    /** What stands for a statistic the model's prior and posterior do not define. */
    static final String NOT_APPLICABLE = "not applicable";

    /**
     * Evaluates {@code run} on {@code examples}, the log-likelihood with {@code iwaeSamples}
     * samples (0 skips it) on the first {@code iwaeExamples} examples (0 for all), and, with
     * {@code disentanglement}, the disentanglement metrics of the examples' codes with the run's
     * {@code eval.disentanglement_options}; the parts after the ELBO shown on {@code console} while they run.
     *
     * @throws InvalidInputException when the disentanglement metrics are asked for and the
     *     examples have no ground-truth factors
     */
    public static RunEvaluation of(TrainedRun run, DataSplit examples, int iwaeSamples, int iwaeExamples,
            boolean disentanglement, Console console) {
        if (disentanglement && examples.factors().isEmpty()) {
            throw new InvalidInputException("--disentanglement: the examples have no ground-truth factors to score "
                    + "codes against; evaluate a run on data with factors (sprites)");
        }
        RandomStreams streams = new RandomStreams(run.spec().seed());
        EvalSpec eval = new EvalSpec(1, run.spec().eval().batchSize(), iwaeSamples, iwaeExamples, disentanglement,
                run.spec().eval().disentanglementOptions());
        ElboTerms terms = new Evaluator(run.graph(), eval.batchSize()).evaluate(examples, streams.test(0));
        return new RunEvaluation(terms, FinalEvaluation.of(run.graph(), run.parts(), examples, eval,
                streams.logLikelihood(), console), iwaeSamples,
                run.parts().shape().bitsPerDimension(terms.elbo()));
    }

    /** The numbers by name, in the order of {@link #table()}, for a JSON file. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("examples", elbo.examples());
        values.put("elbo", elbo.elbo());
        elboBitsPerDimension.ifPresent(bits -> values.put("elbo_bpd", bits));
        values.put("recon", elbo.reconLoss());
        values.put("kl", elbo.kl());
        values.put("mse", elbo.mse());
        elbo.bce().ifPresent(bce -> values.put("bce", bce));
        beyond.logLikelihood().ifPresent(logLikelihood -> {
            values.put("iwae_ll", logLikelihood);
            values.put("iwae_samples", iwaeSamples);
            values.put("iwae_examples", beyond.iwaeExamples());
        });
        beyond.bitsPerDimension().ifPresent(bits -> values.put("iwae_bpd", bits));
        LatentStatistics latent = beyond.latent();
        values.put("active_units", latent.activityDefined() ? latent.activeUnits() : NOT_APPLICABLE);
        if (latent.activityDefined() && !latent.layers().isEmpty()) {
            values.put("active_units_by_layer", latent.activeUnitsByLayer());
        }
        values.put("latent_dim", latent.latentDim());
        values.put("kl_per_dimension", latent.klPerDimensionDefined() ? latent.klPerDimension() : NOT_APPLICABLE);
        beyond.disentanglement().forEach(values::put);
        return values;
    }

    /** The numbers as a table of two columns, one line each, in nats per example unless said. */
    public String table() {
        StringBuilder out = new StringBuilder();
        row(out, "ELBO", "%.3f", elbo.elbo());
        elboBitsPerDimension.ifPresent(bits -> row(out, "-ELBO, bits per dimension", "%.4f", bits));
        row(out, "reconstruction loss", "%.3f", elbo.reconLoss());
        row(out, "KL", "%.3f", elbo.kl());
        row(out, "MSE (per value)", "%.6f", elbo.mse());
        elbo.bce().ifPresent(bce -> row(out, "BCE", "%.3f", bce));
        beyond.logLikelihood().ifPresent(logLikelihood -> row(out, String.format(Locale.ROOT,
                "log p(x), IWAE K=%d (%d examples)", iwaeSamples, beyond.iwaeExamples()), "%.3f", logLikelihood));
        beyond.bitsPerDimension().ifPresent(bits -> row(out, "-log p(x), bits per dimension", "%.4f", bits));
        out.append(String.format(Locale.ROOT, "%-40s %s%n", "active units", beyond.latent().activityDefined()
                ? beyond.latent().describeActiveUnits() : NOT_APPLICABLE));
        beyond.disentanglement().forEach((name, value) -> row(out, name, "%.4f", value));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String format, double value) {
        out.append(String.format(Locale.ROOT, "%-40s " + format + "%n", name, value));
    }
}
