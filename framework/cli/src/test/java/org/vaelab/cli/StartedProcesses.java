package org.vaelab.cli;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@code vae} processes a test started, killed after it whatever its outcome: one held at a
 * named pipe, or waiting for a lock, would otherwise outlive the test and hold the build. Register
 * it with {@code @RegisterExtension} and {@link #add} each process once started.
 */
final class StartedProcesses implements AfterEachCallback {

    private final List<Process> started = new ArrayList<>();

    /** Kills {@code process} after the test, unless it has ended by then. */
    void add(Process process) {
        started.add(process);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(Process::destroyForcibly);
        started.clear();
    }
}
