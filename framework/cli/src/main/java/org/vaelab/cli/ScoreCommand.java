package org.vaelab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vaelab.core.inspect.ExampleScores;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vae score RUN_DIR -o scores.csv}: per-example anomaly scores, and optionally their ROC AUC. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Write each example's anomaly scores, -ELBO and the importance-weighted -log p(x), to a CSV file; "
                + "with --auc-positive-label, print how well they tell that label from the others (ROC AUC).")
final class ScoreCommand implements Callable<Integer> {

    @CommandLine.Mixin
    TrainedRunOptions run;

    @CommandLine.Mixin
    DataOption data;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @Option(names = "--iwae", paramLabel = "K",
            description = "Importance samples of -log p(x); 0 writes -ELBO only (default: the run's eval.iwae_samples).")
    Integer iwaeSamples;

    @Option(names = "--auc-positive-label", paramLabel = "LABEL",
            description = "Print the ROC AUC of each score for telling examples of this label (the anomalies) from the others.")
    Integer positiveLabel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        OutputFile.check("--output", output, ".csv");
        TrainedRun trained = run.open();
        int samples = iwaeSamples == null ? trained.spec().eval().iwaeSamples() : iwaeSamples;
        CommandArguments.requireRange(command, "--iwae", samples, 0, CommandArguments.MAX_IWAE_SAMPLES);
        DataSplit examples = data.examples(trained, run);
        if (positiveLabel != null) {
            requireBothClasses(examples, positiveLabel);
        }
        ExampleScores scores = ExampleScores.of(trained, examples, samples);
        scores.writeCsv(output);
        var out = command.commandLine().getOut();
        out.println(trained.describe());
        out.println("wrote the scores of " + examples.size() + " examples (" + data.describe() + ") to " + output);
        if (positiveLabel != null) {
            out.printf(Locale.ROOT, "ROC AUC, label %d against the others: -ELBO %.4f", positiveLabel,
                    scores.rocAuc(scores.negativeElbo(), positiveLabel));
            scores.negativeLogLikelihood().ifPresent(values -> out.printf(Locale.ROOT, ", -log p(x) (IWAE, K=%d) %.4f",
                    samples, scores.rocAuc(values, positiveLabel)));
            out.println();
        }
        out.flush();
        return 0;
    }

    /** Checks that the examples have labels, some of them {@code label} and some not. */
    private static void requireBothClasses(DataSplit examples, int label) {
        if (!examples.hasLabels()) {
            throw new InvalidInputException("--auc-positive-label: the data has no labels");
        }
        long positives = java.util.stream.IntStream.range(0, examples.size())
                .filter(i -> examples.label(i).orElseThrow() == label).count();
        if (positives == 0 || positives == examples.size()) {
            throw new InvalidInputException("--auc-positive-label " + label + ": " + (positives == 0 ? "no" : "every")
                    + " example has that label, so there is nothing to tell apart");
        }
    }
}
