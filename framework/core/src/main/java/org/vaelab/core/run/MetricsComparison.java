package org.vaelab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares two runs' {@code metrics.csv} line by line, byte for byte, leaving out the
 * {@code time/*} metrics: they measure wall-clock speed, which no seed fixes. Everything else
 * (step, epoch, metric name, value as written) must be identical for the same spec, seed, backend
 * and thread settings.
 *
 * @param compared how many lines of the original were compared
 * @param firstDifference the first line that differs, as "expected" then "found", if any
 */
public record MetricsComparison(int compared, Optional<String> firstDifference) {

    private static final String WALL_CLOCK = ",time/";

    /** Compares {@code original} with {@code reproduced}. */
    public static MetricsComparison of(Path original, Path reproduced) throws IOException {
        List<String> expected = deterministicLines(original);
        List<String> found = deterministicLines(reproduced);
        for (int i = 0; i < Math.max(expected.size(), found.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(no line)";
            String got = i < found.size() ? found.get(i) : "(no line)";
            if (!want.equals(got)) {
                return new MetricsComparison(expected.size(), Optional.of("line " + (i + 1) + ": expected '" + want
                        + "', found '" + got + "'"));
            }
        }
        return new MetricsComparison(expected.size(), Optional.empty());
    }

    /** The lines of {@code metricsCsv} without the {@code time/*} metrics. */
    public static List<String> deterministicLines(Path metricsCsv) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(metricsCsv, StandardCharsets.UTF_8)) {
            if (!line.contains(WALL_CLOCK)) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Whether the metrics match. */
    public boolean matches() {
        return firstDifference.isEmpty();
    }
}
