package org.vaelab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs {@code vae} in this JVM and captures what it prints, as a person at a terminal would see it. */
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
}
