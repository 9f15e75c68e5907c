package org.vaelab.core.study;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code metrics.csv} (the last value of each metric). Runs in name order, so oldest first. Also the
 * runs that were stopped (KILLED, or cut off while RUNNING) with a checkpoint to continue from.
 */
final class LocalTrialRecords {

    private LocalTrialRecords() {
    }

    /** The runs under {@code runsRoot/experiment/}; unreadable or foreign folders are passed over. */
    static List<TrialRecord> scan(Path runsRoot, String experiment) throws IOException {
        List<TrialRecord> records = new ArrayList<>();
        for (Map.Entry<Path, RunRecord> run : runs(runsRoot, experiment).entrySet()) {
            try {
                records.add(read(run.getKey(), run.getValue()));
            } catch (IOException | RuntimeException unreadable) {
                // metrics cut off while written: the run counts as not finished
            }
        }
        return records;
    }

    /**
     * Per spec hash, the newest run that was stopped, KILLED or cut off (still RUNNING in its record),
     * and has a last checkpoint: the run {@code vae run --resume} continues. A run another process
     * still holds is refused by the run directory's lock when it is resumed.
     */
    static Map<String, Path> resumable(Path runsRoot, String experiment) throws IOException {
        Map<String, Path> resumable = new HashMap<>();
        for (Map.Entry<Path, RunRecord> run : runs(runsRoot, experiment).entrySet()) {
            RunStatus status = run.getValue().status();
            boolean stopped = status == null || status == RunStatus.RUNNING || status == RunStatus.KILLED;
            if (stopped && Files.isRegularFile(run.getKey().resolve(RunDirectory.LAST_CHECKPOINT))) {
                resumable.put(run.getValue().specSha256(), run.getKey());
            }
        }
        return resumable;
    }

    /**
     * Per spec hash, the run that stands for the trial: its newest run, unless an older one
     * finished or was pruned (a study is done with such a trial).
     */
    static Map<String, Path> latest(Path runsRoot, String experiment) throws IOException {
        Map<String, Path> latest = new HashMap<>();
        Map<String, RunStatus> statuses = new HashMap<>();
        for (Map.Entry<Path, RunRecord> run : runs(runsRoot, experiment).entrySet()) {
            RunStatus known = statuses.get(run.getValue().specSha256());
            if (known != RunStatus.FINISHED && known != RunStatus.PRUNED) {
                latest.put(run.getValue().specSha256(), run.getKey());
                statuses.put(run.getValue().specSha256(), run.getValue().status());
            }
        }
        return latest;
    }

    /** Each readable run directory under {@code runsRoot/experiment/} with its record, in name order. */
    private static Map<Path, RunRecord> runs(Path runsRoot, String experiment) throws IOException {
        Path folder = runsRoot.resolve(experiment);
        Map<Path, RunRecord> records = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return records;
        }
        try (Stream<Path> runs = Files.list(folder)) {
            for (Path run : runs.sorted().toList()) {
                if (Files.isRegularFile(run.resolve(RunDirectory.PROVENANCE))) {
                    try {
                        records.put(run, RunRecord.read(run));
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
