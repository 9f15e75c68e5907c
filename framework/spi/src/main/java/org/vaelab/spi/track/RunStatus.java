package org.vaelab.spi.track;

/**
 * How a run ended, named as MLflow names run statuses, and {@link #PRUNED}, which MLflow has not.
 */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, KILLED,
    /**
     * A study's trial that pruning stopped at a rung, its metric behind the others' (since 2.3.0);
     * a tracker without such a status shows it as it shows KILLED, tagged {@code vaelab.pruned=true}.
     */
    PRUNED
}
