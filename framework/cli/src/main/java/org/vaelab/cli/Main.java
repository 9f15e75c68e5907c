package org.vaelab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.plugin.SpecBlocks;
import org.vaelab.core.run.NativeMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vae}: run, validate and inspect VAE experiments, and use trained runs. Exit codes: 0 success, 1 the run
 * failed, 2 bad spec, input or usage, 130 interrupted.
 */
@Command(name = "vae", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Variational Autoencoder experiments from YAML specs.",
        footerHeading = Examples.HEADING, footer = {"  vae run configs/quickstart.yaml",
            "  vae sweep experiments/beta-latent-fashion.yaml", "  vae eval runs/quickstart/RUN",
            "  vae plugins model.encoder", "  vae COMMAND --help"},
        subcommands = {RunCommand.class, SweepCommand.class, ReproduceCommand.class, ValidateCommand.class,
            PluginsCommand.class, SyncCommand.class, EvalCommand.class, SampleCommand.class, EncodeCommand.class,
            ScoreCommand.class, ExportCommand.class})
public final class Main implements Runnable {

    /** Exit code: the run failed. */
    public static final int RUN_FAILED = 1;
    /** Exit code: bad spec, input or usage. */
    public static final int BAD_INPUT = 2;
    /** Exit code: interrupted. */
    public static final int INTERRUPTED = 130;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show ND4J's and the framework's own log messages.")
    void setVerbose(boolean verbose) {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(verbose ? Level.INFO : Level.WARN);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: run, sweep, reproduce, validate, plugins, sync, eval, sample, encode, score or "
                        + "export");
    }

    /** The help section listing a spec's blocks. */
    private static final String SPEC_BLOCKS = "specBlocks";

    /**
     * A command line wired with VAELab's exit codes and error printing, its help wrapped to the
     * terminal's width, and {@code vae --help} listing a spec's blocks before the examples.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setParameterExceptionHandler(ErrorReporter::usage)
                .setUsageHelpAutoWidth(true);
        commandLine.getHelpSectionMap().put(SPEC_BLOCKS, help -> String.format(Locale.ROOT,
                "%nA spec's blocks (YAML keys; 'vae plugins KEY' lists a block's types and their options):%n")
                + SpecBlocks.describe(PluginLoader.load(Main.class.getClassLoader()),
                        help.commandSpec().usageMessage().width()));
        List<String> sections = new ArrayList<>(commandLine.getHelpSectionKeys());
        sections.add(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SPEC_BLOCKS);
        commandLine.setHelpSectionKeys(sections);
        return commandLine;
    }

    public static void main(String[] args) {
        NativeMemory.boundByDefault();
        System.exit(commandLine().execute(args));
    }
}
