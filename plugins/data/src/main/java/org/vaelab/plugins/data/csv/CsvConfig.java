package org.vaelab.plugins.data.csv;

import java.util.HashSet;
import java.util.List;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.plugins.data.table.Scaling;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Configuration of the {@code csv} dataset.
 *
 * @param path the file, relative to the spec's folder
 * @param header whether the first line after {@code skipLines} names the columns
 * @param delimiter the single character between fields
 * @param skipLines lines skipped at the start of the file, before the header or the data
 * @param columns the feature columns, by header name or 0-based index, or null for every column
 *     but the label column
 * @param labelColumn the column of class labels, by header name or 0-based index, or null for none
 * @param scaling how feature columns are scaled, fitted on the training split only
 * @param missing what to do with rows that have missing values
 * @param validation how many of the rows form the validation split: a count or a fraction
 * @param test how many of the rows form the test split: a count or a fraction
 * @param maxRows use at most this many rows of data, the first in the file; 0 for all
 */
public record CsvConfig(
        @Param("CSV file, relative to the spec's folder; UTF-8 (a byte order mark is ignored), LF or CRLF line ends")
        String path,
        @Param(value = "Whether the first line (after skip_lines) names the columns", defaultValue = "true")
        boolean header,
        @Param(value = "The one character between fields; write \"\\t\" for tabs", defaultValue = "\",\"")
        String delimiter,
        @Param(value = "Lines skipped at the start of the file, before the header or the data", defaultValue = "0",
                min = 0)
        int skipLines,
        @Param(value = "Feature columns, by header name or 0-based index; all but the label column when left out",
                defaultValue = Param.NONE)
        List<String> columns,
        @Param(value = "Column of class labels, by header name or 0-based index, kept out of the features; its "
                + "distinct values become classes 0..k-1 in order of first appearance", defaultValue = Param.NONE)
        String labelColumn,
        @Param(value = "standardize: subtract the mean, divide by the standard deviation; minmax: map min..max to "
                + "0..1 (clipped); none: as they are. Fitted on the training split only", defaultValue = "standardize")
        Scaling scaling,
        @Param(value = "error: stop at an empty, NaN or NA cell; drop_rows: leave such rows out",
                defaultValue = "error")
        MissingCells missing,
        @Param(value = "Rows held out for validation, after shuffling with the seed: a count (0 for none) or a "
                + "fraction of the rows (0.1, 1/12)", defaultValue = "0.1")
        SplitSize validation,
        @Param(value = "Rows held out for testing, after shuffling with the seed: a count or a fraction of the rows "
                + "(0.1, 1/12)", defaultValue = "0.1")
        SplitSize test,
        @Param(value = "Use only the first N rows of data (after leaving out dropped ones); 0 uses all",
                defaultValue = "0", min = 0)
        int maxRows) {

    public CsvConfig {
        if (path.isBlank()) {
            throw new InvalidConfigException("path", "must name a CSV file");
        }
        if (delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
            throw new InvalidConfigException("delimiter", "must be one character other than a double quote or a "
                    + "line break, such as \",\", \";\" or \"\\t\"; found \"" + delimiter + "\"");
        }
        if (columns != null) {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new InvalidConfigException("columns", "must list at least one column; leave it out for every "
                        + "column but the label column");
            }
            if (new HashSet<>(columns).size() < columns.size()) {
                throw new InvalidConfigException("columns", "lists a column more than once: " + columns);
            }
            if (labelColumn != null && columns.contains(labelColumn)) {
                throw new InvalidConfigException("columns", "lists the label column '" + labelColumn
                        + "', which is kept out of the features");
            }
        }
        SplitSizes.requireTrainingShare(validation, test);
    }
}
