package org.vaelab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vaelab.core.inspect.RunEvaluation;
import org.vaelab.core.run.AtomicFile;
import org.vaelab.core.run.Console;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.spi.data.DataSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vae eval RUN_DIR}: a trained run's ELBO, its terms, the IWAE log-likelihood and active units, and
 * with {@code --disentanglement} the disentanglement metrics.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        header = "Evaluate a trained run: ELBO and its terms, the importance-weighted log p(x), active units.",
        footerHeading = Examples.HEADING, footer = {"  vae eval runs/quickstart/RUN",
            "  vae eval runs/quickstart/RUN --iwae 1000 --json eval.json"},
        description = "Evaluate a trained run on its test split or other data: ELBO and its terms, reconstruction "
                + "errors, the importance-weighted log-likelihood (IWAE) and the active units.")
final class EvalCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Mixin
    TrainedRunOptions run;

    @CommandLine.Mixin
    DataOption data;

    @CommandLine.Mixin
    IwaeOption iwae;

    @Option(names = "--iwae-examples", paramLabel = "N", defaultValue = "0",
            description = "Estimate the log-likelihood on the first N examples only; 0 uses all (default).")
    int iwaeExamples;

    @Option(names = "--disentanglement", description = "Also score the examples' codes with the disentanglement "
            + "metrics (beta-VAE, FactorVAE, MIG, SAP, DCI, Gaussian total correlation); needs data with ground-truth "
            + "factors (sprites).")
    boolean disentanglement;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the numbers to this JSON file.")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        CommandArguments.requireRange(command, "--iwae-examples", iwaeExamples, 0, Integer.MAX_VALUE);
        if (json != null) {
            OutputFile.check("--json", json, ".json");
        }
        TrainedRun trained = run.open();
        int samples = iwae.samples(trained, command);
        DataSplit examples = data.examples(trained, run);
        RunEvaluation evaluation = RunEvaluation.of(trained, examples, samples, iwaeExamples, disentanglement,
                new Console(System.err, System.console() != null));
        var out = command.commandLine().getOut();
        out.println(trained.describe());
        out.println("data: " + data.describe() + ", " + examples.size() + " examples; nats per example");
        out.print(evaluation.table());
        if (json != null) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("run", trained.directory().toString());
            values.put("data", data.describe());
            values.putAll(evaluation.values());
            AtomicFile.write(json, file -> JSON.writeValue(file.toFile(), values));
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }
}
