package org.vaelab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code vae} in this JVM and captures what it prints, as a person at a terminal would see it;
 * or prepares it as a process of its own, for tests that signal or kill it.
 */
final class CommandLineRunner {

    /** What one invocation returned and printed. */
    record Outcome(int exitCode, String out, String err) {
    }

    private CommandLineRunner() {
    }

    static synchronized Outcome vae(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int code = commandLine.execute(args);
            return new Outcome(code, systemOut.toString(StandardCharsets.UTF_8) + out, err.toString());
        } finally {
            System.setOut(originalOut);
        }
    }

    /**
     * {@code vae ARGUMENTS} as a process of its own on this test's class path, {@code jvmOptions}
     * given to its JVM, everything it prints going to {@code log}; the caller may set its
     * environment before starting it.
     */
    static ProcessBuilder process(Path log, List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    }
}
