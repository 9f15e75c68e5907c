package org.vaelab.cli;

import picocli.CommandLine;

/** Range checks of numeric options, reported as usage errors (exit code 2). */
final class CommandArguments {

    private CommandArguments() {
    }

    /** Throws a usage error naming {@code option} unless {@code min <= value <= max}. */
    static void requireRange(CommandLine.Model.CommandSpec command, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(command.commandLine(), option + " must be between " + min
                    + " and " + max + ", found " + value);
        }
    }
}
