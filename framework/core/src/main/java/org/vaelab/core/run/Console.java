package org.vaelab.core.run;

import java.io.PrintStream;

/**
 * Where a run (or {@code vae eval}) says what it is doing: the stream its lines go to, and whether
 * that is a terminal, which then also shows live progress bars (the bars of each training epoch
 * and its evaluation, and of each stretch of work after training, {@link Stage}); piped output
 * gets plain lines only.
 *
 * @param out where lines are printed
 * @param terminal whether to draw live progress bars
 */
public record Console(PrintStream out, boolean terminal) {

    /** Starts a stretch of {@code total} {@code unit} of work named {@code task}, shown while it lasts. */
    public Stage stage(String task, long total, String unit) {
        return new Stage(this, task, total, unit);
    }
}
