package org.vaelab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.study.ParentRuns;
import org.vaelab.core.study.StudyDefinition;
import org.vaelab.core.study.StudyFolder;
import org.vaelab.core.study.StudyPlan;
import org.vaelab.core.study.StudyPlanner;
import org.vaelab.core.study.StudyReader;
import org.vaelab.core.study.StudyRecords;
import org.vaelab.core.study.StudySummary;
import org.vaelab.core.study.Trial;
import org.vaelab.core.study.TrialLocks;
import org.vaelab.core.study.TrialOutcome;
import org.vaelab.spi.track.RunStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vae sweep STUDY}: runs a study's trials, skipping those already finished (matched by
 * their spec's hash, locally and in the trackers), as child runs of one parent run per tracker;
 * then writes the summary and plots. Exit code 1 when any trial failed.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a study: a base spec over a grid of values (experiments/*.yaml), or",
            "  vae sweep BASE -p kl.beta=0.5,1,2 -p model.latent_dim=2,8.",
            "Trials already finished are skipped, so rerunning resumes; results go to runs/studies/NAME-HASH/."})
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "A study file, or with -p a base spec.")
    Path file;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=V1,V2,...",
            description = "Sweep KEY of the base spec over the values (read as YAML); repeat for a grid.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a value of every trial's spec.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "" + StudyDefinition.DEFAULT_MAX_RUNS,
            description = "With -p: the most trials the grid may expand to (default: ${DEFAULT-VALUE}).")
    int maxRuns;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run directories and the study folder go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--dry-run", description = "Print the plan and run nothing.")
    boolean dryRun;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Trials run at once, each a process; the cores are divided between them (default: 1).")
    int parallel;

    @Option(names = "--only", paramLabel = "INDEX", description = "Run only the trial with this index.")
    Integer only;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run slice I of N (0 <= I < N): the trials whose "
            + "index leaves remainder I when divided by N. Also read from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT "
            + "or JOB_COMPLETION_INDEX.")
    String shard;

    @Option(names = "--shard-count", paramLabel = "N", description = "The number of shards, with a Kubernetes "
            + "indexed Job's JOB_COMPLETION_INDEX.")
    Integer shardCount;

    @Option(names = "--summarize", description = "Run nothing: write the summary and plots from the trial runs "
            + "recorded locally and in the trackers (after all shards are done), and end the parent run.")
    boolean summarize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        ComponentCatalog catalog = PluginLoader.load(getClass().getClassLoader());
        StudyReader reader = new StudyReader(System::getenv);
        StudyDefinition study = parameters.isEmpty() ? reader.read(file)
                : reader.commandLine(file, parameters, maxRuns);
        StudyPlan plan = new StudyPlanner(catalog, System::getenv).plan(study, overrides);
        ShardSelection selection = shardSelection();
        List<Trial> selected = select(plan, selection);
        PrintStream out = System.out;
        if (dryRun) {
            out.print(plan.describe());
            out.println(selected.size() + " of " + plan.trials().size() + " trials selected: "
                    + selected.stream().map(t -> Integer.toString(t.index())).collect(Collectors.joining(" ")));
            return 0;
        }
        WritableFolder.check("--runs-dir", runsDir);
        StudyFolder folder = StudyFolder.open(runsDir, plan);
        TrialLocks locks = folder.lock(summarize ? List.of() : selected);
        try {
            return sweep(plan, catalog, folder, selected, selection, out);
        } finally {
            locks.close();
        }
    }

    /** Runs the selected trials not finished yet, each as a process, or with --summarize only summarizes. */
    private int sweep(StudyPlan plan, ComponentCatalog catalog, StudyFolder folder, List<Trial> selected,
                      ShardSelection selection, PrintStream out) throws IOException, InterruptedException {
        ParentRuns parents = ParentRuns.open(plan, catalog, out);
        parents.logArtifacts(folder.root(), folder.writePlan(plan));
        if (summarize) {
            return summarize(plan, parents, folder, out);
        }
        Set<String> finished = StudyRecords.outcomes(plan, runsDir, parents).stream().filter(TrialOutcome::finished)
                .map(outcome -> outcome.trial().sha256()).collect(Collectors.toSet());
        List<Trial> pending = selected.stream().filter(trial -> !finished.contains(trial.sha256())).toList();
        out.printf("study %s: %d trials (hash %s); %d selected, %d of them finished already; running %d,"
                + " %d at a time%n",
                plan.study().name(), plan.trials().size(), plan.sha256().substring(0, 8), selected.size(),
                selected.size() - pending.size(), pending.size(), parallel);
        List<TrialProcesses.Ended> ended = new TrialProcesses(plan.study().base(), runsDir, parallel, out).run(pending,
                trial -> parents.childTags(plan, trial), folder);
        long failed = ended.stream().filter(e -> !e.finished()).count();
        out.printf("%d trials finished, %d failed%n", ended.size() - failed, failed);
        if (only == null && selection.shard().isWhole()) {
            return Math.max(summarize(plan, parents, folder, out), failed > 0 ? Main.RUN_FAILED : 0);
        }
        return failed > 0 ? Main.RUN_FAILED : 0;
    }

    /** Writes the summary and plots, logs them with the parent runs and ends those; 1 if a trial is unfinished. */
    private int summarize(StudyPlan plan, ParentRuns parents, StudyFolder folder, PrintStream out) throws IOException {
        StudySummary summary = new StudySummary(plan, StudyRecords.outcomes(plan, runsDir, parents));
        parents.logArtifacts(folder.root(), folder.writeSummary(summary));
        boolean complete = summary.unfinished().isEmpty();
        parents.end(complete ? RunStatus.FINISHED : RunStatus.FAILED);
        out.print(summary.table());
        out.printf("summary: %d of %d trials finished%s; files in %s%n", summary.finished(), plan.trials().size(),
                complete ? "" : " (not finished: " + summary.unfinished().stream().map(o -> o.trial().name())
                        .collect(Collectors.joining(", ")) + ")", folder.root());
        return complete ? 0 : Main.RUN_FAILED;
    }

    private ShardSelection shardSelection() {
        try {
            return ShardSelection.resolve(shard, shardCount, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** The trials this process is asked to run; usage errors for options that do not fit. */
    private List<Trial> select(StudyPlan plan, ShardSelection selection) {
        if (parallel < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "--parallel must be at least 1");
        }
        if (only != null && (only < 0 || only >= plan.trials().size())) {
            throw new CommandLine.ParameterException(command.commandLine(), "--only " + only
                    + ": the study's trials are numbered 0 to " + (plan.trials().size() - 1));
        }
        if (summarize && (only != null || !selection.shard().isWhole())) {
            throw new CommandLine.ParameterException(command.commandLine(), "--summarize covers the whole study; "
                    + "leave out --only and --shard");
        }
        if (!selection.source().isEmpty() && !selection.shard().isWhole()) {
            System.out.println("shard " + selection.shard() + " (from " + selection.source() + ")");
        }
        return plan.trials().stream().filter(selection.shard()::runs)
                .filter(trial -> only == null || trial.index() == only).toList();
    }
}
