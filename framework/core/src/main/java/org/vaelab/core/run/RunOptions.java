package org.vaelab.core.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run, beyond the spec.
 *
 * @param runsRoot where run directories go ({@code runs/})
 * @param specSource the spec's path as given, for provenance
 * @param overrides the {@code --set} assignments, which name the run with the spec
 * @param baseDirectory the folder relative data paths are resolved against (the spec's folder)
 * @param out where progress and results are printed
 * @param progressBar whether to draw a live progress bar (only on a terminal)
 * @param resume a stopped run of the same spec to continue from its last checkpoint, or null for a new run
 */
public record RunOptions(Path runsRoot, String specSource, List<String> overrides, Path baseDirectory, PrintStream out,
                         boolean progressBar, Path resume) {

    public RunOptions {
        overrides = List.copyOf(overrides);
    }

    /** Options of a new run. */
    public RunOptions(Path runsRoot, String specSource, List<String> overrides, Path baseDirectory, PrintStream out,
                      boolean progressBar) {
        this(runsRoot, specSource, overrides, baseDirectory, out, progressBar, null);
    }
}
