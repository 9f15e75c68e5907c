package org.vaelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.run.ExperimentRunner;
import org.vaelab.core.run.MetricsComparison;
import org.vaelab.core.run.RunDirectory;
import org.vaelab.core.run.RunOptions;
import org.vaelab.core.run.RunRecord;
import org.vaelab.core.run.RunResult;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.spec.SpecLoader;
import org.vaelab.spi.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vae reproduce RUN_DIR}: runs a run's {@code spec.resolved.yaml} again and compares the new
 * {@code metrics.csv} with the old one (wall-clock times are in {@code timing.csv}). Exit code 0
 * when every other line is identical, 1 when one differs. Only a finished run is reproduced: an
 * unfinished one's metrics stop early, so a full run could never match them.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        header = "Run a run's logged spec again and check that its metrics come out the same.",
        footerHeading = Examples.HEADING, footer = {"  vae reproduce runs/quickstart/RUN"},
        description = "Run a run's logged spec again and check that its metrics.csv comes out the same, byte for byte.")
final class ReproduceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory, such as runs/quickstart/20261122-...")
    Path runDirectory;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where the new run directory is created (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(runDirectory.resolve(RunDirectory.PROVENANCE))
                || !Files.isRegularFile(runDirectory.resolve(RunDirectory.METRICS))) {
            throw new InvalidInputException(runDirectory + " is not a run directory (it needs "
                    + RunDirectory.PROVENANCE + " and " + RunDirectory.METRICS + ")");
        }
        WritableFolder.check("--runs-dir", runsDir);
        RunRecord record = RunRecord.read(runDirectory);
        if (!record.finished()) {
            String source = record.specSource() == null ? "SPEC" : record.specSource();
            throw new InvalidInputException(runDirectory + " has status "
                    + (record.status() == null ? "unknown" : record.status()) + "; only a FINISHED run can be "
                    + "reproduced (resume it with 'vae run " + source + " --resume " + runDirectory
                    + "', then reproduce it)");
        }
        ComponentCatalog catalog = PluginLoader.load(getClass().getClassLoader());
        ResolvedSpec resolved = new SpecLoader(catalog, System::getenv).load(runDirectory.resolve(RunDirectory.SPEC),
                List.of());
        var out = System.out;
        String threads = record.threads().getOrDefault("OMP_NUM_THREADS", "unset");
        String now = System.getenv().getOrDefault("OMP_NUM_THREADS", "unset");
        if (!threads.equals(now)) {
            out.println("warning: the run had OMP_NUM_THREADS=" + threads + ", this process has " + now
                    + "; other thread counts may change the last digits");
        }
        Path source = record.specSource() == null ? runDirectory.resolve(RunDirectory.SPEC)
                : Path.of(record.specSource());
        Path baseDirectory = source.toAbsolutePath().getParent();
        RunResult result = new ExperimentRunner(catalog)
                .run(resolved, new RunOptions(runsDir, source.toString(), List.of(),
                baseDirectory, out, false, Map.of("vaelab.reproduces", record.runId()), null, 0));
        MetricsComparison comparison = MetricsComparison.of(runDirectory.resolve(RunDirectory.METRICS),
                result.directory().resolve(RunDirectory.METRICS));
        if (comparison.matches()) {
            out.println("reproduced: all " + comparison.compared() + " lines of metrics.csv are identical "
                    + "(wall-clock times are in timing.csv)");
            return 0;
        }
        out.println("not reproduced: metrics.csv differs at " + comparison.firstDifference().orElseThrow());
        return Main.RUN_FAILED;
    }
}
