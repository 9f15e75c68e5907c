package org.vaelab.core.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run, beyond the spec.
 *
 * @param runsRoot where run directories go ({@code runs/})
 * @param specSource the spec's path as given, for provenance
 * @param overrides the {@code --set} assignments, which name the run with the spec
 * @param baseDirectory the folder relative data paths are resolved against (the spec's folder)
 * @param out where progress and results are printed
 * @param progressBar whether to draw a live progress bar (only on a terminal)
 * @param tags extra tags of the run, such as those linking a study's trial to its parent run; a
 *     {@value #RUN_NAME_TAG} tag names the run instead of the spec's name and overrides
 * @param resume a stopped run of the same spec to continue from its last checkpoint, or null for a new run
 * @param untilEpoch the epoch after which the run pauses, resumable, if it is before the spec's last
 *     ({@code vae run --until-epoch}, how a study's successive halving trains a trial to a rung); 0 for none
 */
public record RunOptions(Path runsRoot, String specSource, List<String> overrides, Path baseDirectory, PrintStream out,
                         boolean progressBar, Map<String, String> tags, Path resume, int untilEpoch) {

    /** The tag that gives a run its readable name, such as a study's trial name. */
    public static final String RUN_NAME_TAG = "vaelab.run_name";

    public RunOptions {
        overrides = List.copyOf(overrides);
        tags = Map.copyOf(tags);
    }

    /** Where the run says what it is doing: {@link #out()}, with bars when {@link #progressBar()}. */
    public Console console() {
        return new Console(out, progressBar);
    }

    /** Options of a new run without extra tags. */
    public RunOptions(Path runsRoot, String specSource, List<String> overrides, Path baseDirectory, PrintStream out,
                      boolean progressBar) {
        this(runsRoot, specSource, overrides, baseDirectory, out, progressBar, Map.of(), null, 0);
    }

    /** The last epoch the run trains in this process: {@code epochs}, or {@link #untilEpoch} when that is before it. */
    public int lastEpoch(int epochs) {
        return untilEpoch > 0 ? Math.min(untilEpoch, epochs) : epochs;
    }
}
