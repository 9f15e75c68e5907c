package org.vaelab.plugins.mlflow;

import org.vaelab.spi.Family;
import org.vaelab.spi.PluginModule;

/** The MLflow tracker. */
public final class MlflowPlugin extends PluginModule {

    @Override
    protected void configure() {
        register(Family.TRACKER, "mlflow", MlflowConfig.class, MlflowTracker::of,
                "MLflow tracking server: params, metrics, tags, dataset, artifacts, image series and a logged "
                        + "model, sent in the background");
    }
}
