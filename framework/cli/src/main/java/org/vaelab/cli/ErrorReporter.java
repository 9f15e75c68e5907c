package org.vaelab.cli;

import java.util.Set;
import org.vaelab.core.plugin.PluginException;
import org.vaelab.core.spec.Names;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.train.TrainingFailedException;
import org.vaelab.spi.InvalidInputException;
import picocli.CommandLine;

/**
 * Turns failures into messages and exit codes: bad input is one clear message without a stack
 * trace (exit 2); a command that failed says why (exit 1): "the run failed" for a run, "vae eval failed"
 * for the others, with the stack trace under {@code --verbose}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    /** The commands that run an experiment. */
    private static final Set<String> RUNS = Set.of("run", "reproduce");

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof CommandLine.ParameterException usage) {
            return usage(usage, null);
        }
        if (e instanceof SpecException || e instanceof PluginException) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        if (e instanceof InvalidInputException) {
            err.println("error: " + e.getMessage()
                    + ("run".equals(commandLine.getCommandName()) ? "; nothing was run" : ""));
            return Main.BAD_INPUT;
        }
        err.println(failed(commandLine.getCommandName())
                + (e instanceof TrainingFailedException ? e.getMessage() : e.toString()));
        if (parseResult.hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
        }
        return Main.RUN_FAILED;
    }

    /** How a failure of the command begins: "the run failed: " for the commands that run experiments. */
    private static String failed(String command) {
        return RUNS.contains(command) ? "the run failed: " : "vae " + command + " failed: ";
    }

    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("error: " + problem(e));
        commandLine.getErr().println("usage: " + commandLine.getHelp().synopsis(0).strip()
                + "  (see: " + commandLine.getCommandSpec().qualifiedName() + " --help)");
        return Main.BAD_INPUT;
    }

    /**
     * What is wrong with the command line: picocli's message, or for a word where a command belongs,
     * "unknown command"; for a mistyped command or option, with the closest known name.
     */
    private static String problem(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        String typo = unmatched.getUnmatched().get(0);
        CommandLine.Model.CommandSpec command = e.getCommandLine().getCommandSpec();
        if (typo.startsWith("-")) {
            return e.getMessage() + Names.didYouMean(typo, command.optionsMap().keySet());
        }
        if (command.subcommands().isEmpty()) {
            return e.getMessage();
        }
        return "unknown command '" + typo + "'." + Names.didYouMean(typo, command.subcommands().keySet())
                + " Commands: " + String.join(", ", command.subcommands().keySet());
    }
}
