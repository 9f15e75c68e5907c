package org.vaelab.cli;

import org.vaelab.core.plugin.PluginException;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.train.TrainingFailedException;
import org.vaelab.spi.InvalidInputException;
import picocli.CommandLine;

/**
 * Turns failures into messages and exit codes: bad input is one clear message without a stack
 * trace (exit 2); a run that failed says why (exit 1), with the stack trace under {@code --verbose}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

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
            err.println("error: " + e.getMessage() + ("run".equals(commandLine.getCommandName()) ? "; nothing was run" : ""));
            return Main.BAD_INPUT;
        }
        err.println("the run failed: " + (e instanceof TrainingFailedException ? e.getMessage() : e.toString()));
        if (parseResult.hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
        }
        return Main.RUN_FAILED;
    }

    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("error: " + e.getMessage());
        commandLine.getErr().println("usage: " + commandLine.getHelp().synopsis(0).strip()
                + "  (see: " + commandLine.getCommandSpec().qualifiedName() + " --help)");
        return Main.BAD_INPUT;
    }
}
