package org.vaelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrialRecord;

/**
 * The study's trial runs as the local runs folder holds them: every run directory of the study's
 * experiment, read from its {@code provenance.json} (spec hash, status, start and end) and
 * {@code metrics.csv} (the last value of each metric). Runs in name order, so oldest first.
 */
final class LocalTrialRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalTrialRecords() {
    }

    /** The runs under {@code runsRoot/experiment/}; unreadable or foreign folders are passed over. */
    static List<TrialRecord> scan(Path runsRoot, String experiment) throws IOException {
        Path folder = runsRoot.resolve(experiment);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<TrialRecord> records = new ArrayList<>();
        try (Stream<Path> runs = Files.list(folder)) {
            for (Path run : runs.sorted().toList()) {
                Path provenance = run.resolve("provenance.json");
                if (Files.isRegularFile(provenance)) {
                    try {
                        records.add(read(run, JSON.readTree(provenance.toFile())));
                    } catch (IOException | RuntimeException unreadable) {
                        // a run cut off while writing: it counts as not finished
                    }
                }
            }
        }
        return records;
    }

    private static TrialRecord read(Path run, JsonNode provenance) throws IOException {
        RunStatus status = RunStatus.valueOf(provenance.path("status").asText(RunStatus.RUNNING.name()));
        double seconds = provenance.hasNonNull("ended")
                ? Duration.between(Instant.parse(provenance.path("started").asText()),
                        Instant.parse(provenance.path("ended").asText())).toMillis() / 1000.0
                : Double.NaN;
        return new TrialRecord(provenance.path("spec_sha256").asText(), status, lastValues(run.resolve("metrics.csv")),
                seconds);
    }

    /** The last value of every metric in {@code metrics.csv}. */
    static Map<String, Double> lastValues(Path metricsCsv) throws IOException {
        Map<String, Double> last = new LinkedHashMap<>();
        if (!Files.isRegularFile(metricsCsv)) {
            return last;
        }
        try (Reader reader = Files.newBufferedReader(metricsCsv, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
            for (CSVRecord row : format.parse(reader)) {
                last.put(row.get("metric"), Double.parseDouble(row.get("value")));
            }
        }
        return last;
    }
}
