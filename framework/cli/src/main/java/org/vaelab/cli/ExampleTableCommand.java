package org.vaelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.spi.data.DataSplit;
import picocli.CommandLine;

/**
 * A command that writes one CSV row per example of a trained run's test split (or of {@code --data}):
 * it checks the output file, opens the run, loads the examples, and leaves the table to {@link #write}.
 */
abstract class ExampleTableCommand implements Callable<Integer> {

    @CommandLine.Mixin
    TrainedRunOptions run;

    @CommandLine.Mixin
    DataOption data;

    @CommandLine.Mixin
    CsvOutputOption output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public final Integer call() throws IOException {
        Path file = output.checked();
        TrainedRun trained = run.open();
        DataSplit examples = data.examples(trained, run);
        PrintWriter out = command.commandLine().getOut();
        out.println(trained.describe());
        write(trained, examples, file, out);
        out.flush();
        return 0;
    }

    /** Computes the table of {@code examples}, writes it to {@code file}, and says so on {@code out}. */
    abstract void write(TrainedRun trained, DataSplit examples, Path file, PrintWriter out) throws IOException;

    /** The line saying that the {@code what} of {@code examples} went to {@code file}. */
    final String wrote(String what, DataSplit examples, Path file) {
        return "wrote the " + what + " of " + examples.size() + " examples (" + data.describe() + ") to " + file;
    }
}
