package org.vaelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.vaelab.core.inspect.LatentCodes;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.spi.data.DataSplit;
import picocli.CommandLine.Command;

/** {@code vae encode RUN_DIR -o latents.csv}: the posterior of every example. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        header = "Write each example's posterior q(z|x) (means, log-variances, label) to a CSV file.",
        footerHeading = Examples.HEADING, footer = {"  vae encode runs/quickstart/RUN -o codes.csv",
            "  vae encode runs/quickstart/RUN --data configs/quickstart.yaml -o codes.csv"},
        description = "Write each example's posterior q(z|x), its means and log-variances, with its label, to "
                + "a CSV file.")
final class EncodeCommand extends ExampleTableCommand {

    @Override
    void write(TrainedRun trained, DataSplit examples, Path file, PrintWriter out) throws IOException {
        LatentCodes.of(trained, examples).writeCsv(file);
        out.println(wrote("latent codes", examples, file));
    }
}
