package org.vaelab.core.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One metric as a run's {@code metrics.csv} logged it, epoch by epoch: what the rules that follow
 * the validation ELBO (early stopping, a plateau schedule, a study's pruning) read back, so that
 * they decide from the logged values alone.
 */
public final class MetricSeries {

    private MetricSeries() {
    }

    /**
     * The values of {@code metric} in {@code metricsCsv} by epoch, in the order logged (the last
     * of an epoch where it has several); empty when there is no file. A last row cut short, as in
     * the file of a run another process is writing (a study's other shard), is left out.
     */
    public static Map<Integer, Double> byEpoch(Path metricsCsv, String metric) throws IOException {
        Map<Integer, Double> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(metricsCsv)) {
            return values;
        }
        try (Reader reader = Files.newBufferedReader(metricsCsv, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
            for (CSVRecord row : format.parse(reader)) {
                if (row.isConsistent() && row.get("metric").equals(metric)) {
                    values.put(Integer.parseInt(row.get("epoch")), Double.parseDouble(row.get("value")));
                }
            }
        }
        return values;
    }
}
