package org.vaelab.spi.track;

/** How a run ended, named as MLflow names run statuses. */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, KILLED
}
