package org.vaelab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.run.ExperimentRunner;
import org.vaelab.core.run.RunOptions;
import org.vaelab.core.spec.ResolvedSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code vae run SPEC}: trains, evaluates and records one experiment. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Train and evaluate the experiment a spec describes; results go under runs/.",
        footerHeading = Examples.HEADING, footer = {"  vae run configs/quickstart.yaml",
            "  vae run configs/quickstart.yaml --set kl.beta=4 --set train.epochs=10",
            "  vae run configs/quickstart.yaml --resume runs/quickstart/RUN"},
        description = "Train and evaluate the experiment a spec describes; results go under runs/.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Mixin
    SpecOptions spec;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run directories are created (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue a stopped run of the same spec from its last checkpoint, in its own directory.")
    Path resume;

    @Option(names = "--until-epoch", paramLabel = "N", defaultValue = "0",
            description = "Pause after epoch N, before the spec's last, with a checkpoint: the run ends KILLED and "
                    + "--resume continues it as if it had never paused (how a study's successive halving trains a "
                    + "trial to a rung).")
    int untilEpoch;

    /** Extra tags of the run: how {@code vae sweep} links a trial to its study's parent run. */
    @Option(names = "--tag", hidden = true, paramLabel = "KEY=VALUE")
    Map<String, String> tags = new LinkedHashMap<>();

    /**
     * Stop (as KILLED) when process PID ends, at once if it has ended: a trial of {@code vae sweep}
     * never outlives its sweep. The id is given, not asked of the OS, because a process whose parent
     * has died is adopted by another.
     */
    @Option(names = "--stop-with", hidden = true, paramLabel = "PID")
    Long stopWith;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (untilEpoch < 0) {
            throw new CommandLine.ParameterException(command.commandLine(), "--until-epoch must be at least 1");
        }
        ComponentCatalog catalog = PluginLoader.load(getClass().getClassLoader());
        ResolvedSpec resolved = spec.load(catalog);
        if (resume == null) {
            WritableFolder.check("--runs-dir", runsDir);
        }
        boolean progress = !noProgress && System.console() != null;
        if (stopWith != null) {
            ProcessHandle.of(stopWith).map(ProcessHandle::onExit)
                    .orElse(CompletableFuture.completedFuture(null))
                    .thenRun(() -> System.exit(Main.INTERRUPTED));
        }
        new ExperimentRunner(catalog).run(resolved,
                new RunOptions(runsDir, spec.file.toString(), spec.overrides, spec.baseDirectory(),
                System.out, progress, tags, resume, untilEpoch));
        return 0;
    }
}
