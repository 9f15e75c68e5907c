package org.vaelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaelab.core.export.OnnxExport;
import org.vaelab.core.run.TrainedRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vae export RUN_DIR --format onnx -o DIR}: a trained run's networks for other runtimes. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a trained run's encoder and decoder as ONNX models (encoder.onnx, decoder.onnx) with "
                + "a manifest.json of their inputs, outputs, likelihood and provenance.",
        footer = {"", "Example:", "  vae export runs/quickstart/20261122-015515-bb13845e --format onnx -o exported/"})
final class ExportCommand implements Callable<Integer> {

    /** The formats {@code --format} takes. */
    private static final List<String> FORMATS = List.of("onnx");

    @CommandLine.Mixin
    TrainedRunOptions run;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "onnx",
            description = "The format to write; onnx (opset 17) is the one there is (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The folder to write the files to; created when missing.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (!FORMATS.contains(format)) {
            throw new CommandLine.ParameterException(command.commandLine(), "--format " + format
                    + ": unknown format; known: " + String.join(", ", FORMATS));
        }
        WritableFolder.check("--output", output);
        TrainedRun trained = run.open();
        List<Path> files = OnnxExport.write(trained, run.catalog(), output);
        PrintWriter out = command.commandLine().getOut();
        out.println(trained.describe());
        files.forEach(file -> out.println("wrote " + file));
        out.flush();
        return 0;
    }
}
