package org.vaelab.core.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV of metric values, one row per value, {@code step,epoch,metric,value}, flushed after every
 * call so a crash loses nothing already measured. A run has two: {@code metrics.csv} for what the
 * model measures (the same, bit for bit, for the same spec, seed and backend) and
 * {@code timing.csv} for wall-clock measurements ({@code time/...}), which no two runs share.
 */
final class MetricsCsv implements AutoCloseable {

    private static final String[] HEADER = {"step", "epoch", "metric", "value"};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private final CSVPrinter printer;

    /** Appends to {@code file}, writing the header first when it is new or empty. */
    MetricsCsv(Path file) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.printer = new CSVPrinter(writer, FORMAT);
        if (fresh) {
            printer.printRecord((Object[]) HEADER);
        }
        printer.flush();
    }

    void append(Map<String, Double> metrics, long step, int epoch) throws IOException {
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            printer.printRecord(step, epoch, metric.getKey(), metric.getValue());
        }
        printer.flush();
    }

    /**
     * Rewrites {@code file} of {@code directory} atomically without the rows {@code repeated} picks
     * and without rows a crash cut short.
     */
    static void dropRows(RunDirectory directory, String file, RowFilter repeated) throws IOException {
        Path source = directory.root().resolve(file);
        directory.write(file, target -> {
            try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), FORMAT)) {
                out.printRecord((Object[]) HEADER);
                for (CSVRecord row : FORMAT.builder().setHeader(HEADER).setSkipHeaderRecord(true).build()
                        .parse(reader)) {
                    if (row.isConsistent() && row.get("epoch").matches("\\d+")
                            && !repeated.test(Integer.parseInt(row.get("epoch")), row.get("metric"))) {
                        out.printRecord(row);
                    }
                }
            }
        });
    }

    /** Picks rows by their epoch and metric name. */
    @FunctionalInterface
    interface RowFilter {
        boolean test(int epoch, String metric);
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
