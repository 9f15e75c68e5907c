package org.vaelab.core.study;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.vaelab.core.run.RunDirectory;
import org.vaelab.core.run.RunRecord;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrialRecord;

/**
 * The study's trial runs as the local runs folder holds them: every run directory of the study's
 * experiment, read from its {@link RunRecord} (spec hash, status, start and end) and
 * {@code metrics.csv} (the last value of each metric). Runs in name order, so oldest first.
 */
final class LocalTrialRecords {

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
                if (Files.isRegularFile(run.resolve(RunDirectory.PROVENANCE))) {
                    try {
                        records.add(read(run, RunRecord.read(run)));
                    } catch (IOException | RuntimeException unreadable) {
                        // a run cut off while writing: it counts as not finished
                    }
                }
            }
        }
        return records;
    }

    private static TrialRecord read(Path run, RunRecord record) throws IOException {
        RunStatus status = record.status() == null ? RunStatus.RUNNING : record.status();
        double seconds = record.duration().map(duration -> duration.toMillis() / 1000.0).orElse(Double.NaN);
        return new TrialRecord(record.specSha256(), status, lastValues(run.resolve(RunDirectory.METRICS)), seconds);
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
