package org.vaelab.plugins.mlflow;

import org.vaelab.spi.Param;

/** Where and how a run is sent to MLflow. */
public record MlflowConfig(
        @Param(value = "MLflow experiment name; defaults to the spec's name", defaultValue = Param.NONE)
        String experiment,
        @Param(value = "Tracking server URI, such as http://127.0.0.1:5000; defaults to $MLFLOW_TRACKING_URI. "
                + "Credentials come from $MLFLOW_TRACKING_TOKEN or $MLFLOW_TRACKING_USERNAME and "
                + "$MLFLOW_TRACKING_PASSWORD, else from the URI's user:password@ (write the password as ${NAME}: "
                + "it is recorded masked)", defaultValue = Param.NONE)
        String uri,
        @Param(value = "Seconds one request may take before it is abandoned and retried", defaultValue = "10", min = 1,
                max = 600)
        int requestTimeoutSeconds,
        @Param(value = "Seconds the end of a run waits for unsent events before leaving them to 'vae sync'",
                defaultValue = "60", min = 0, max = 3600)
        int flushTimeoutSeconds,
        @Param(value = "Seconds between two samples of the system metrics (CPU, memory, heap) logged under MLflow's "
                + "system/ names; 0 logs none", defaultValue = "10", min = 0, max = 3600)
        int systemMetricsSeconds,
        @Param(value = "Registers each finished run's logged model in MLflow's model registry as a new version of "
                + "the registered model of this name (created when missing); left out, nothing is registered",
                defaultValue = Param.NONE)
        String registerModel) {
}
