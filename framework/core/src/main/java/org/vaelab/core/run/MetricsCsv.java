package org.vaelab.core.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code metrics.csv}: one row per metric value, {@code step,epoch,metric,value}, flushed after
 * every call so a crash loses nothing already measured.
 */
final class MetricsCsv implements AutoCloseable {

    static final String FILE = "metrics.csv";

    private final CSVPrinter printer;

    MetricsCsv(Path file) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader("step", "epoch", "metric", "value").setRecordSeparator('\n').build());
        printer.flush();
    }

    void append(Map<String, Double> metrics, long step, int epoch) throws IOException {
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            printer.printRecord(step, epoch, metric.getKey(), metric.getValue());
        }
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
