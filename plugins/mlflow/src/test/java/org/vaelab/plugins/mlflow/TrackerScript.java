package org.vaelab.plugins.mlflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.vaelab.spi.track.DatasetInfo;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.testkit.MlflowRecord;

/**
 * A run's worth of tracker events for tests, with the record MLflow should end up holding:
 * {@code steps} metric events of three values each, two params past MLflow's batch size of 100, and
 * two artifacts.
 */
final class TrackerScript {

    static final String EXPERIMENT = "tracker-tests";

    final RunInfo run;
    final List<MlflowRecord.Point> points = new ArrayList<>();
    final Map<String, Path> artifacts = new LinkedHashMap<>();

    TrackerScript(Path runDirectory, int steps) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            params.put("group" + (i % 7) + ".key" + i, "value " + i);
        }
        run = new RunInfo(UUID.randomUUID().toString(), EXPERIMENT, "script-run", runDirectory, 1_700_000_000_000L,
                params, Map.of("vaelab.spec_sha256", "abc123", "vaelab.spec_source", "configs/x.yaml"),
                new DatasetInfo("mnist", "0123456789abcdef", "{\"type\":\"mnist\"}"));
        for (int step = 1; step <= steps; step++) {
            long timestamp = 1_700_000_000_000L + step;
            points.add(new MlflowRecord.Point("train/loss", step, 300.0 / step, timestamp));
            points.add(new MlflowRecord.Point("train/kl", step, Math.sqrt(step), timestamp));
            points.add(new MlflowRecord.Point("val/elbo", step, -250.0 - 1.0 / step, timestamp));
        }
        Files.createDirectories(runDirectory.resolve("images"));
        artifacts.put("spec.resolved.yaml", Files.writeString(runDirectory.resolve("spec.resolved.yaml"), "name: x\n"));
        byte[] picture = new byte[70_000];
        new Random(3).nextBytes(picture);
        artifacts.put("images/samples.png", Files.write(runDirectory.resolve("images/samples.png"), picture));
    }

    /** The metric values of step {@code step} (1-based), as one event. */
    Map<String, Double> valuesAt(int step) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (MlflowRecord.Point point : points.subList(3 * (step - 1), 3 * step)) {
            values.put(point.key(), point.value());
        }
        return values;
    }

    long timestampAt(int step) {
        return points.get(3 * (step - 1)).timestamp();
    }

    /** The expected points in {@link MlflowRecord#points()} order. */
    List<MlflowRecord.Point> sortedPoints() {
        List<MlflowRecord.Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(MlflowRecord.Point::key).thenComparingLong(MlflowRecord.Point::step)
                .thenComparingLong(MlflowRecord.Point::timestamp));
        return sorted;
    }
}
