package org.vaelab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Compares two runs' {@code metrics.csv} line by line, byte for byte: step, epoch, metric name and
 * value as written must be identical for the same spec, seed, backend and thread settings.
 * Wall-clock measurements, which no seed fixes, are in {@code timing.csv}, not compared.
 *
 * @param compared how many lines of the original were compared
 * @param firstDifference the first line that differs, as "expected" then "found", if any
 */
public record MetricsComparison(int compared, Optional<String> firstDifference) {

    /** Compares {@code original} with {@code reproduced}. */
    public static MetricsComparison of(Path original, Path reproduced) throws IOException {
        List<String> expected = Files.readAllLines(original, StandardCharsets.UTF_8);
        List<String> found = Files.readAllLines(reproduced, StandardCharsets.UTF_8);
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

    /** Whether the metrics match. */
    public boolean matches() {
        return firstDifference.isEmpty();
    }
}
