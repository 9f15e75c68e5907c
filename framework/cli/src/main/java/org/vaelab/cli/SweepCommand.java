package org.vaelab.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.run.ShellWords;
import org.vaelab.core.spec.Overrides;
import org.vaelab.core.study.KubernetesJobManifest;
import org.vaelab.core.study.SearchRounds;
import org.vaelab.core.study.SlurmJobScripts;
import org.vaelab.core.study.StudyDefinition;
import org.vaelab.core.study.StudyFolder;
import org.vaelab.core.study.StudyPlan;
import org.vaelab.core.study.StudyPlanner;
import org.vaelab.core.study.ShardSelection;
import org.vaelab.core.study.StudyReader;
import org.vaelab.core.study.StudyRunner;
import org.vaelab.core.study.Trial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vae sweep STUDY}: plans the study, selects this process's trials and hands them to
 * {@link StudyRunner}; or, with {@code --launcher slurm}, submits it to Slurm as job arrays (one, or
 * one per rung with pruning) and a summary job ({@link SlurmLauncher}); or, with {@code --launcher
 * k8s}, writes it as a Kubernetes indexed Job ({@link KubernetesJobManifest}); or, with
 * {@code --status}, counts its trials by status.
 * Exit code 1 when any trial failed or, after a summary, is not finished. Stopped (Ctrl-C,
 * SIGTERM), it says that the finished trials are kept and how to run the others.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Run a study: a base spec over a grid of values, from a study file or -p options.",
        description = "Trials already finished are skipped, so rerunning resumes; results go to "
            + "runs/studies/NAME-HASH/.",
        footerHeading = Examples.HEADING, footer = {"  vae sweep experiments/beta-latent-fashion.yaml",
            "  vae sweep configs/quickstart.yaml -p kl.beta=0.5,1,2 -p model.latent_dim=2,8",
            "  vae sweep experiments/beta-latent-fashion.yaml --dry-run",
            "  vae sweep experiments/beta-latent-fashion.yaml --parallel 2"})
final class SweepCommand implements Callable<Integer> {

    /** How often a shard of a TPE search whose next round waits on other shards looks at their runs again. */
    private static final long SEARCH_POLL_SECONDS = 10;

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

    @Option(names = "--status", description = "Run nothing: count the trials finished, running, stopped, failed "
            + "and not started, from the local runs and the trackers.")
    boolean status;

    @Option(names = "--launcher", paramLabel = "slurm|k8s", description = "Run nothing here. slurm: write the "
            + "study's batch scripts into its folder and submit them with sbatch, a job array of --shards tasks and a "
            + "summary job after it. k8s: write an indexed Job of --shards pods into its folder (k8s-job.yaml).")
    String launcher;

    @Option(names = "--shards", paramLabel = "N", description = "With --launcher: the number of array tasks or pods, "
            + "each a shard (default: one per trial).")
    Integer shards;

    @Option(names = "--image", paramLabel = "IMAGE", description = "With --launcher k8s: the container image, VAELab "
            + "with Java and the data, its working directory VAELab's folder.")
    String image;

    @Option(names = "--sbatch", paramLabel = "OPTION", description = "With --launcher slurm: an sbatch option for "
            + "both jobs, passed verbatim (--sbatch=--time=01:00:00 --sbatch=--cpus-per-task=2); repeat.")
    List<String> sbatchOptions = new ArrayList<>();

    @Option(names = "--requeue", description = "With --launcher slurm: a task stopped at its time limit goes back in "
            + "the queue and continues its trials from their checkpoints.")
    boolean requeue;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        ComponentCatalog catalog = PluginLoader.load(getClass().getClassLoader());
        StudyReader reader = new StudyReader(System::getenv);
        StudyDefinition study = parameters.isEmpty() ? reader.read(file)
                : reader.commandLine(file, parameters, maxRuns);
        StudyPlanner planner = new StudyPlanner(catalog, System::getenv);
        StudyPlan plan = planner.plan(study, overrides);
        ShardSelection selection = shardSelection();
        List<Trial> selected = select(plan, selection);
        if (plan.study().pruning() != null && (only != null || "k8s".equals(launcher))) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    (only != null ? "--only" : "--launcher k8s") + ": a study with pruning runs its trials rung by"
                    + " rung, each rung decided from all of them; run it whole, or as shards (--shard I/N, each run"
                    + " again until it is done, or --launcher slurm)");
        }
        PrintStream out = System.out;
        if (dryRun) {
            out.print(plan.describe());
            out.println(selected.size() + " of " + plan.trials().size() + " trials selected: "
                    + selected.stream().map(t -> Integer.toString(t.index())).collect(Collectors.joining(" ")));
            SearchRounds.laterTrials(plan).ifPresent(out::println);
            return 0;
        }
        WritableFolder.check("--runs-dir", runsDir);
        StudyRunner runner = new StudyRunner(catalog, runsDir, runCommand(), out);
        SearchRounds rounds = new SearchRounds(runner, planner, catalog, runsDir, out, SEARCH_POLL_SECONDS);
        if (SearchRounds.proposes(plan) && (status || summarize)) {
            plan = rounds.known(plan);
        }
        if (status) {
            out.println("study " + plan.study().name() + ": " + runner.progress(plan).describe());
            return 0;
        }
        if (launcher != null) {
            launch(plan);
            return 0;
        }
        if (summarize) {
            return runner.summarize(plan) ? 0 : Main.RUN_FAILED;
        }
        Thread stopped = new Thread(() -> System.err.println("stopped: the trials that finished are kept; `"
                + sameCommand() + "` runs the others"), "vaelab-sweep-stopped");
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            boolean whole = only == null && selection.shard().isWhole();
            IntPredicate chosen = index -> selection.shard().runs(index) && (only == null || index == only);
            boolean finished = SearchRounds.proposes(plan) ? rounds.sweep(plan, chosen, parallel, whole)
                    : runner.sweep(plan, selected, parallel, whole);
            return finished ? 0 : Main.RUN_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException shuttingDown) {
                // stopped: the hook is running, and says so
            }
        }
    }

    /**
     * This command line, to run again after a stop (Ctrl-C, SIGTERM): the finished trials are
     * skipped; {@code --set} values shown as a spec shows them, credentials masked.
     */
    private String sameCommand() {
        StringBuilder line = new StringBuilder("vae");
        String previous = "";
        for (String argument : command.commandLine().getParseResult().originalArgs()) {
            String shown = "--set".equals(previous) ? Overrides.shown(argument)
                    : argument.startsWith("--set=") ? "--set=" + Overrides.shown(argument.substring(6)) : argument;
            line.append(' ').append(ShellWords.quote(shown));
            previous = argument;
        }
        return line.toString();
    }

    /** This JVM's java, with its options and class path, running {@code vae run}: how each trial starts. */
    private static List<String> runCommand() {
        List<String> command = vaeCommand();
        command.add("run");
        return command;
    }

    /** This JVM's java, with its options and class path, running {@code vae}. */
    private static List<String> vaeCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> !argument.startsWith("-agentlib:jdwp")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        return command;
    }

    /** Submits the study to Slurm or writes its Kubernetes Job. */
    private void launch(StudyPlan plan) throws Exception {
        int tasks = shards == null ? plan.trials().size() : shards;
        if (tasks < 1 || tasks > plan.trials().size()) {
            throw new CommandLine.ParameterException(command.commandLine(), "--shards " + tasks + ": the study has "
                    + plan.trials().size() + " trials; give 1 to that many shards");
        }
        Path folder = StudyFolder.open(runsDir, plan).root();
        if (launcher.equals("k8s")) {
            writeKubernetesJob(plan, tasks, folder);
            return;
        }
        List<String> sweep = vaeCommand();
        sweep.addAll(sweepArguments(file.toAbsolutePath().toString(), runsDir.toAbsolutePath().toString()));
        int arrays = plan.study().pruning() == null ? 1 : plan.rungs().size();
        SlurmJobScripts scripts = new SlurmJobScripts(plan.study().name(), tasks, arrays, sweep,
                Path.of("").toAbsolutePath(), folder.resolve("slurm"), sbatchOptions, requeue);
        SlurmLauncher.onPath(System.getenv(), System.out).submit(scripts, folder);
    }

    /** Writes the study's indexed Job into its folder; the pods run {@code ./vae} in the image's folder. */
    private void writeKubernetesJob(StudyPlan plan, int pods, Path folder) throws Exception {
        List<String> sweep = new ArrayList<>(List.of("./vae"));
        sweep.addAll(sweepArguments(file.toString(), runsDir.toString()));
        KubernetesJobManifest job = new KubernetesJobManifest(plan.folderName(), pods, image, sweep);
        Path manifest = Files.writeString(folder.resolve(KubernetesJobManifest.FILE), job.yaml(),
                StandardCharsets.UTF_8);
        System.out.printf("wrote the indexed Job %s (%d pods) to %s%nrun it: kubectl apply -f %s; when "
                + "kubectl wait --for=condition=complete job/%s returns, run this command with --summarize "
                + "in place of --launcher%n", job.jobName(), pods, manifest, manifest, job.jobName());
    }

    /** {@code sweep} with this study and the options that make its trials, with the paths given. */
    private List<String> sweepArguments(String study, String runs) {
        List<String> sweep = new ArrayList<>(List.of("sweep", study));
        parameters.forEach(parameter -> sweep.addAll(List.of("-p", parameter)));
        if (!parameters.isEmpty()) {
            sweep.addAll(List.of("--max-runs", Integer.toString(maxRuns)));
        }
        overrides.forEach(override -> sweep.addAll(List.of("--set", override)));
        sweep.addAll(List.of("--runs-dir", runs, "--parallel", Integer.toString(parallel)));
        return sweep;
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
        if (only != null && (only < 0 || only >= SearchRounds.totalTrials(plan))) {
            throw new CommandLine.ParameterException(command.commandLine(), "--only " + only
                    + ": the study's trials are numbered 0 to " + (SearchRounds.totalTrials(plan) - 1));
        }
        boolean launched = launcher != null;
        if (launched && !List.of("slurm", "k8s").contains(launcher)) {
            throw new CommandLine.ParameterException(command.commandLine(), "--launcher " + launcher
                    + ": the launchers are slurm and k8s");
        }
        boolean slurm = "slurm".equals(launcher);
        if ("k8s".equals(launcher) != (image != null)) {
            throw new CommandLine.ParameterException(command.commandLine(), "--launcher k8s goes with --image IMAGE, "
                    + "the container image the pods run");
        }
        if ((launched || status) && (summarize || only != null || !selection.shard().isWhole())) {
            throw new CommandLine.ParameterException(command.commandLine(), (launched ? "--launcher" : "--status")
                    + " covers the whole study; leave out --summarize, --only and --shard");
        }
        if (!launched && shards != null) {
            throw new CommandLine.ParameterException(command.commandLine(), "--shards goes with --launcher");
        }
        if (!slurm && (!sbatchOptions.isEmpty() || requeue)) {
            throw new CommandLine.ParameterException(command.commandLine(), "--sbatch and --requeue go with "
                    + "--launcher slurm");
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
