package org.vaelab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Python libraries that write the files data tests read: NumPy, h5py and Pillow in the
 * project's virtual environment ({@code scripts/setup-pydata} creates {@code .venv/pydata}), so a
 * reader is tested on files a real library wrote, never only on files VAELab wrote.
 */
public final class PythonLibraries {

    /** System property naming the Python interpreter; set by the build to the project's venv. */
    public static final String PYTHON_PROPERTY = "vaelab.pydata.python";

    private static final long TIMEOUT_SECONDS = 300;

    private PythonLibraries() {
    }

    /**
     * Runs {@code script} (Python source) with {@code args} as {@code sys.argv[1:]} in
     * {@code folder}, and returns what it printed.
     *
     * @throws IllegalStateException when the interpreter is missing, or the script fails or
     *     outlives five minutes, with its output
     */
    public static String run(Path folder, String script, String... args) throws IOException {
        String configured = System.getProperty(PYTHON_PROPERTY, "");
        if (configured.isEmpty() || !Files.isExecutable(Path.of(configured))) {
            throw new IllegalStateException("no Python interpreter at '" + configured + "' (system property "
                    + PYTHON_PROPERTY + "); run scripts/test, which installs NumPy, h5py and Pillow into .venv/pydata");
        }
        List<String> command = new ArrayList<>(List.of(configured, "-c", script));
        command.addAll(List.of(args));
        // the output goes to a file, not a pipe: a script printing more than a pipe holds would
        // otherwise block until the timeout, since nothing reads the pipe while it runs
        Path output = Files.createTempFile("python-output", ".txt");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("python did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while python ran", e);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("python exited with " + process.exitValue() + ":\n" + printed);
        }
        return printed;
    }
}
