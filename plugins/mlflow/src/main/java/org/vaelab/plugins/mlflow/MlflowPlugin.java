package org.vaelab.plugins.mlflow;

import org.vaelab.spi.Family;
import org.vaelab.spi.PluginModule;

/** The MLflow tracker. */
public final class MlflowPlugin extends PluginModule {

    @Override
    protected void configure() {
        register(Family.TRACKER, "mlflow", MlflowConfig.class, MlflowTracker::of,
                "MLflow tracking server: params, metrics, tags, dataset and artifacts, sent in the background");
    }
}
