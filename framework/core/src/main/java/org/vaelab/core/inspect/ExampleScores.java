package org.vaelab.core.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaelab.core.eval.ImportanceSampling;
import org.vaelab.core.eval.RocAuc;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.core.train.Evaluator;
import org.vaelab.core.train.RandomStreams;
import org.vaelab.spi.data.DataSplit;

/**
 * Anomaly scores of every example of a split under a trained run: {@code -ELBO(x)} (Kingma and
 * Welling 2014; with the run's {@code train.mc_samples} draws of z) and, with K samples, the
 * importance-weighted {@code -log p(x)} estimate of Burda, Grosse and Salakhutdinov 2016, eq. 8.
 * Higher means less likely under the model. The noise comes from the run's seed in the order
 * {@link RunEvaluation} draws it, so the mean of the scores is minus what {@code vae eval} reports.
 *
 * @param examples the scored examples
 * @param negativeElbo {@code -ELBO} of each example, nats
 * @param negativeLogLikelihood {@code -log p(x)} of each example estimated with K samples, when asked for
 */
public record ExampleScores(DataSplit examples, double[] negativeElbo, Optional<double[]> negativeLogLikelihood) {

    /** Scores {@code examples}, with {@code iwaeSamples} importance samples (0 for the ELBO only). */
    public static ExampleScores of(TrainedRun run, DataSplit examples, int iwaeSamples) {
        RandomStreams streams = new RandomStreams(run.spec().seed());
        double[] elbos = new Evaluator(run.graph(), run.spec().eval().batchSize()).elbos(examples, streams.test(0));
        Optional<double[]> logLikelihoods = iwaeSamples == 0 ? Optional.empty() : Optional.of(
                ImportanceSampling.bounded(run.graph(), run.parts(), iwaeSamples)
                        .logLikelihoods(examples, streams.logLikelihood()));
        return new ExampleScores(examples, negated(elbos), logLikelihoods.map(ExampleScores::negated));
    }

    private static double[] negated(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = -values[i];
        }
        return out;
    }

    /** Writes {@code index, label (when the data has labels), neg_elbo, neg_iwae_ll (when estimated)} per example. */
    public void writeCsv(Path target) throws IOException {
        List<String> header = new ArrayList<>(List.of("index"));
        if (examples.hasLabels()) {
            header.add("label");
        }
        header.add("neg_elbo");
        negativeLogLikelihood.ifPresent(values -> header.add("neg_iwae_ll"));
        CsvTable.write(target, header, examples.size(), i -> {
            List<Object> row = new ArrayList<>(List.of(i));
            examples.label(i).ifPresent(row::add);
            row.add(negativeElbo[i]);
            negativeLogLikelihood.ifPresent(values -> row.add(values[i]));
            return row;
        });
    }

    /**
     * The ROC AUC of {@code scores} for telling examples labelled {@code positiveLabel} from the others.
     *
     * @throws IllegalArgumentException when the data has no labels, or no example or every example has that label
     */
    public double rocAuc(double[] scores, int positiveLabel) {
        if (!examples.hasLabels()) {
            throw new IllegalArgumentException("the data has no labels");
        }
        boolean[] positive = new boolean[examples.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = examples.label(i).orElseThrow() == positiveLabel;
        }
        return RocAuc.of(scores, positive);
    }
}
