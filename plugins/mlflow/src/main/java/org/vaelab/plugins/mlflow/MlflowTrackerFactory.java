package org.vaelab.plugins.mlflow;

import java.net.URI;
import java.net.URISyntaxException;
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
        URI server;
        try {
            server = new URI(uri);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("tracking: the mlflow uri is not a URI (" + e.getReason() + " at index "
                    + e.getIndex() + "); write a server address such as http://127.0.0.1:5000", e);
        }
        if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme())) {
            throw new InvalidInputException("tracking: the mlflow uri must be an http:// or https:// server address, found '"
                    + Credentials.withoutUserInfo(server) + "'");
        }
        return new MlflowTracker(config, Credentials.withoutUserInfo(server), Credentials.of(System::getenv, server));
    }

    @Override
    public String description() {
        return "MLflow tracking server: params, metrics, tags, dataset and artifacts, sent in the background";
    }
}
