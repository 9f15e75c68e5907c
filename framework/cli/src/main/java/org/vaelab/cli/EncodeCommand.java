package org.vaelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaelab.core.inspect.LatentCodes;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.spi.data.DataSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vae encode RUN_DIR -o latents.csv}: the posterior of every example. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Write each example's posterior q(z|x), its means and log-variances, with its label, to a CSV file.")
final class EncodeCommand implements Callable<Integer> {

    @CommandLine.Mixin
    TrainedRunOptions run;

    @CommandLine.Mixin
    DataOption data;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        OutputFile.check("--output", output, ".csv");
        TrainedRun trained = run.open();
        DataSplit examples = data.examples(trained, run);
        LatentCodes.of(trained, examples).writeCsv(output);
        var out = command.commandLine().getOut();
        out.println(trained.describe());
        out.println("wrote the latent codes of " + examples.size() + " examples (" + data.describe() + ") to " + output);
        out.flush();
        return 0;
    }
}
