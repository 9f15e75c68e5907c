package org.vaelab.core.train;

/**
 * How many threads a training step runs on: {@code VAE_THREADS} when the environment sets it to a
 * positive number, otherwise one per core. The count changes a run's speed, never its numbers
 * ({@link KernelSchedule}).
 */
public final class EngineThreads {

    /** The environment variable that sets the count. */
    public static final String VARIABLE = "VAE_THREADS";

    private EngineThreads() {
    }

    /** The number of threads a training step runs on. */
    public static int count() {
        String value = System.getenv(VARIABLE);
        if (value != null && value.matches("[1-9][0-9]{0,3}")) {
            return Integer.parseInt(value);
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
