package org.vaelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.core.spec.SpecLoader;
import org.vaelab.spi.data.DataSplit;
import picocli.CommandLine.Option;

/** {@code --data FILE}: other data for a command on a trained run, instead of the run's own test split. */
final class DataOption {

    @Option(names = "--data", paramLabel = "YAML",
            description = "A YAML file with a data: block (a spec will do), such as data: {type: mnist, "
                    + "variant: fashion}: use its test split instead of the run's own.")
    Path file;

    /** The test split of the data named by {@code --data}, or the run's own. */
    DataSplit examples(TrainedRun run, TrainedRunOptions options) throws IOException {
        if (file == null) {
            return run.test();
        }
        var data = new SpecLoader(options.catalog(), System::getenv).loadDataBlock(file);
        Path parent = file.toAbsolutePath().getParent();
        return run.testOf(data, options.catalog(), parent);
    }

    /** Which data {@link #examples} gives, for the output. */
    String describe() {
        return file == null ? "the run's test split" : "the test split of " + file;
    }
}
