package org.vaelab.plugins.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where MLflow's image logging ({@code MlflowClient.log_image(run_id, image, key=, step=)} of
 * MLflow 3) puts a picture of a series, so that the run's "Images" section of the UI lists it and
 * its step slider steps through it: {@code images/KEY+step+STEP+timestamp+MILLIS+UUID.png} for the
 * picture and the same stem with {@code +compressed} for the one shown in the grid (MLflow writes a
 * smaller WebP there; the UI takes a PNG as well), a slash of the key written as {@code ~}; and the
 * run tag {@value #TAG}. The UUID is derived from the run, key and step, so a replay writes the
 * same files again instead of a second picture of the step.
 */
final class ImageSeries {

    /** The run tag that makes MLflow's UI look for images. */
    static final String TAG = "mlflow.loggedImages";
    /** The ending of the full picture's path. */
    static final String FULL = ".png";
    /** The ending of the grid picture's path. */
    static final String COMPRESSED = "+compressed.png";

    private ImageSeries() {
    }

    /** The path of step {@code step}'s picture of series {@code key}, without its ending. */
    static String stem(String localRunId, String key, long step, long timestampMillis) {
        UUID id = UUID.nameUUIDFromBytes((localRunId + "/" + key + "/" + step).getBytes(StandardCharsets.UTF_8));
        return "images/" + key.replace('/', '~') + "+step+" + step + "+timestamp+" + timestampMillis + "+" + id;
    }
}
