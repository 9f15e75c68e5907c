package org.vaelab.plugins.data.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaelab.plugins.data.ClassTable;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.plugins.data.table.ColumnScaling;
import org.vaelab.plugins.data.table.ScaledSplits;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;

/**
 * A table from a CSV file (RFC 4180, "Common Format and MIME Type for Comma-Separated Values
 * Files", read with Apache Commons CSV), with an optional class-label column: its rows (the first
 * {@code max_rows}, less those dropped for missing values) are shuffled with the load seed and
 * split by {@code validation} and {@code test}; the scaling is fitted on the
 * training split and applied to all three.
 */
public final class CsvDataset implements Dataset {

    private final CsvConfig config;

    /** The dataset {@code config} describes. */
    public CsvDataset(CsvConfig config) {
        this.config = config;
    }

    /** The splits, with the fitted scaling ({@code scaling.csv}) and class names ({@code classes.csv}) to keep. */
    @Override
    public DataSplits load(LoadContext context) throws IOException {
        CsvData data = read(context);
        DataSplits splits = data.splits();
        Map<String, String> fitted = new LinkedHashMap<>();
        fitted.put("scaling.csv", scalingTable(data.scaling()));
        if (!data.classes().isEmpty()) {
            fitted.put(ClassTable.FILE, ClassTable.csv(data.classes()));
        }
        return new DataSplits(splits.train(), splits.validation(), splits.test(), splits.shape(),
                splits.trainTransform(), fitted);
    }

    private static String scalingTable(ColumnScaling scaling) {
        StringBuilder table = new StringBuilder("column,method,offset,scale\n");
        for (int j = 0; j < scaling.columns().size(); j++) {
            table.append(quoted(scaling.columns().get(j))).append(',')
                    .append(scaling.method().name().toLowerCase(Locale.ROOT))
                    .append(',').append(scaling.offsets().get(j)).append(',').append(scaling.scales().get(j))
                    .append('\n');
        }
        return table.toString();
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** Loads the splits together with the fitted scaling and the class names. */
    public CsvData read(LoadContext context) throws IOException {
        Path file = context.baseDirectory().resolve(config.path()).normalize();
        CsvRows rows = CsvReader.read(file, config);
        SplitSizes sizes = SplitSizes.of(rows.count(), config.validation(), config.test())
                .orElseThrow(() -> new InvalidInputException(file + ": its " + rows.count() + " row(s) leave none to "
                        + "train on with validation " + config.validation() + " and test " + config.test()));
        CsvRows shuffled = rows.shuffled(new SplittableRandom(context.seed()));
        ScaledSplits scaled = ScaledSplits.of(shuffled.columns(), shuffled.values(), shuffled.labels(),
                shuffled.classes().size(), sizes, config.scaling());
        return new CsvData(scaled.splits(), scaled.scaling(), shuffled.classes());
    }
}
