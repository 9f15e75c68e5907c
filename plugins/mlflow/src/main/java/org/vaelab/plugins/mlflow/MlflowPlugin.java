package org.vaelab.plugins.mlflow;

import com.google.inject.AbstractModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The MLflow tracker. */
public final class MlflowPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        Registries.trackers(binder()).addBinding("mlflow").to(MlflowTrackerFactory.class);
    }
}
