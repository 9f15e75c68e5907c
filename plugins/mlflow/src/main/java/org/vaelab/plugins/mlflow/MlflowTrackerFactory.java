package org.vaelab.plugins.mlflow;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.track.Tracker;

/** Registers {@link MlflowTracker} as tracker type {@code mlflow}. */
public final class MlflowTrackerFactory implements ComponentFactory<MlflowConfig, Tracker> {

    @Override
    public Class<MlflowConfig> configType() {
        return MlflowConfig.class;
    }

    @Override
    public Tracker create(MlflowConfig config) {
        String uri = config.uri() != null ? config.uri() : System.getenv("MLFLOW_TRACKING_URI");
        if (uri == null || uri.isBlank()) {
            throw new InvalidInputException("tracking: the mlflow tracker needs a server: set 'uri' in the spec or the"
                    + " environment variable MLFLOW_TRACKING_URI (for example http://127.0.0.1:5000)");
        }
        if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
            throw new InvalidInputException("tracking: the mlflow uri must be an http:// or https:// server address, found '"
                    + uri + "'");
        }
        return new MlflowTracker(config, uri, Credentials.fromEnvironment(System::getenv));
    }

    @Override
    public String description() {
        return "MLflow tracking server: params, metrics, tags, dataset and artifacts, sent in the background";
    }
}
