package org.vaelab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.vaelab.core.inspect.PriorSampleSet;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.spi.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code vae sample RUN_DIR -n 64 -o samples.png}: draws from a trained run's generative model. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        header = "Draw z from the prior and decode it: an image grid, or a CSV file for other data.",
        footerHeading = Examples.HEADING, footer = {"  vae sample runs/quickstart/RUN -o samples.png",
            "  vae sample runs/quickstart/RUN -n 64 --seed 1 -o samples.png"},
        description = "Draw z from the prior and decode it: an image grid (.png) for image data, a CSV file "
                + "of the codes and the decoder's means for other data.")
final class SampleCommand implements Callable<Integer> {

    private static final int MAX_SAMPLES = 10_000;

    @CommandLine.Mixin
    TrainedRunOptions run;

    @Option(names = "-n", paramLabel = "N", defaultValue = "64",
            description = "How many samples (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "The file to write: .png for image data, .csv for other data.")
    Path output;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the draws (default: the run's seed).")
    Long seed;

    @Option(names = "--label", paramLabel = "L", description = "For a run conditioned on labels (model.family cvae): "
            + "draw class L only (default: every class in turn).")
    Integer label;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        CommandArguments.requireRange(command, "-n", count, 1, MAX_SAMPLES);
        OutputFile.check("--output", output, ".png", ".csv");
        TrainedRun trained = run.open();
        boolean image = trained.shape().isImage();
        String expected = image ? ".png" : ".csv";
        if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(expected)) {
            throw new InvalidInputException("--output " + output + ": the run's data "
                    + (image ? "are images" : "are not images") + ", so samples are written to a " + expected
                    + " file");
        }
        PriorSampleSet samples = PriorSampleSet.of(trained, count, seed == null ? trained.spec().seed() : seed,
                checkedLabel(trained));
        if (image) {
            samples.writePng(output);
        } else {
            samples.writeCsv(output);
        }
        var out = command.commandLine().getOut();
        out.println(trained.describe());
        out.println("wrote " + count + " samples to " + output + (label == null ? "" : " (class " + label + ")"));
        out.flush();
        return 0;
    }

    /** The {@code --label} option, refused for a run not conditioned on labels and outside its classes. */
    private OptionalInt checkedLabel(TrainedRun trained) {
        if (label == null) {
            return OptionalInt.empty();
        }
        int classes = trained.parts().conditioning().classes();
        if (classes == 0) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--label " + label + ": the run's model (family "
                    + trained.spec().model().family().type()
                    + ") is not conditioned on labels; --label needs a run of a conditional family such as cvae");
        }
        CommandArguments.requireRange(command, "--label", label, 0, classes - 1);
        return OptionalInt.of(label);
    }
}
