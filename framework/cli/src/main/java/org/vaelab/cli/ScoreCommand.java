package org.vaelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;
import org.vaelab.core.inspect.ExampleScores;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vae score RUN_DIR -o scores.csv}: per-example anomaly scores, and optionally their ROC AUC. */
@Command(name = "score", mixinStandardHelpOptions = true,
        header = "Write each example's anomaly scores (-ELBO, -log p(x)) to a CSV file, with their ROC AUC.",
        footerHeading = Examples.HEADING, footer = {"  vae score runs/quickstart/RUN -o scores.csv",
            "  vae score runs/quickstart/RUN -o scores.csv --auc-positive-label 9"},
        description = "Write each example's anomaly scores, -ELBO and the importance-weighted -log p(x), to "
                + "a CSV file; with --auc-positive-label, print how well they tell that label from the "
                + "others (ROC AUC).")
final class ScoreCommand extends ExampleTableCommand {

    @CommandLine.Mixin
    IwaeOption iwae;

    @Option(names = "--auc-positive-label", paramLabel = "LABEL",
            description = "Print the ROC AUC of each score for telling examples of this label (the anomalies) from "
                    + "the others.")
    Integer positiveLabel;

    @Override
    void write(TrainedRun trained, DataSplit examples, Path file, PrintWriter out) throws IOException {
        int samples = iwae.samples(trained, command);
        if (positiveLabel != null) {
            requireBothClasses(examples, positiveLabel);
        }
        ExampleScores scores = ExampleScores.of(trained, examples, samples);
        scores.writeCsv(file);
        out.println(wrote("scores", examples, file));
        if (positiveLabel != null) {
            out.printf(Locale.ROOT, "ROC AUC, label %d against the others: -ELBO %.4f", positiveLabel,
                    scores.rocAuc(scores.negativeElbo(), positiveLabel));
            scores.negativeLogLikelihood().ifPresent(values -> out.printf(Locale.ROOT, ", -log p(x) (IWAE, K=%d) %.4f",
                    samples, scores.rocAuc(values, positiveLabel)));
            out.println();
        }
    }

    /** Checks that the examples have labels, some of them {@code label} and some not. */
    private static void requireBothClasses(DataSplit examples, int label) {
        if (!examples.hasLabels()) {
            throw new InvalidInputException("--auc-positive-label: the data has no labels");
        }
        long positives = IntStream.range(0, examples.size()).filter(i -> examples.label(i).orElseThrow() == label)
                .count();
        if (positives == 0 || positives == examples.size()) {
            throw new InvalidInputException("--auc-positive-label " + label + ": " + (positives == 0 ? "no" : "every")
                    + " example has that label, so there is nothing to tell apart");
        }
    }
}
