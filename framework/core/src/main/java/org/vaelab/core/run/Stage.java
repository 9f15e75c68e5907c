package org.vaelab.core.run;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One stretch of a run's work (the final evaluation, the importance-weighted estimate, the
 * figures) as the console shows it, so that no stretch is silent: on a terminal a progress bar with
 * counts, in the style of the training epochs' bar, cleared when done; piped, a line when it starts.
 * Either way a line when it ends, with the time it took (and, when it ended early, how far it got).
 */
public final class Stage implements AutoCloseable {

    private final Console console;
    private final String task;
    private final ProgressBar bar;
    private final long total;
    private final String unit;
    private final long started = System.nanoTime();
    private long done;

    Stage(Console console, String task, long total, String unit) {
        this.console = console;
        this.task = task;
        this.total = total;
        this.unit = unit;
        if (console.terminal()) {
            bar = bar(task, total, unit);
        } else {
            bar = null;
            console.out().printf(Locale.ROOT, "%s: %d %s...%n", task, total, unit);
        }
    }

    /**
     * A live bar of {@code total} {@code unit} named {@code task}, redrawn four times a second and
     * cleared when closed: the one style of every bar a run draws.
     */
    static ProgressBar bar(String task, long total, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).clearDisplayOnFinish().build();
    }

    /** Counts {@code done} more units as done. */
    public void advance(long units) {
        done += units;
        if (bar != null) {
            bar.stepBy(units);
        }
    }

    /** The seconds since the stage started. */
    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
        if (done >= total) {
            console.out().printf(Locale.ROOT, "%s: done in %.1f s%n", task, seconds());
        } else {
            console.out().printf(Locale.ROOT, "%s: stopped after %d of %d %s, %.1f s%n", task, done, total, unit,
                    seconds());
        }
    }
}
