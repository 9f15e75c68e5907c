package org.vaelab.plugins.data.csv;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.vaelab.spi.InvalidInputException;

/**
 * The columns of a CSV file a dataset uses, resolved from the configured names or indices.
 *
 * @param names the name of every column in the file: its header name, or its index as text when
 *     the file has no header
 * @param named whether the names come from a header line
 * @param features the indices of the feature columns, in the configured order
 * @param label the index of the label column, or -1 for none
 */
record ColumnSelection(List<String> names, boolean named, int[] features, int label) {

    /**
     * Resolves {@code columns} and {@code label_column} against a file's columns.
     *
     * @param header the header names, or null when the file has none
     * @param width the number of columns in the file
     * @param source the file and the line its columns were read from, for messages
     * @throws InvalidInputException if a column is unknown, out of range, ambiguous, or both label and feature
     */
    static ColumnSelection resolve(List<String> header, int width, CsvConfig config, String source) {
        List<String> names = header != null ? List.copyOf(header)
                : IntStream.range(0, width).mapToObj(Integer::toString).toList();
        ColumnSelection unresolved = new ColumnSelection(names, header != null, new int[0], -1);
        int label = config.labelColumn() == null ? -1 : unresolved.find(config.labelColumn(), source);
        int[] features = config.columns() == null
                ? IntStream.range(0, width).filter(column -> column != label).toArray()
                : config.columns().stream().mapToInt(column -> unresolved.find(column, source)).toArray();
        ColumnSelection selection = new ColumnSelection(names, header != null, features, label);
        if (features.length == 0) {
            throw new InvalidInputException(source + ": no feature columns are left: the only column is the label "
                    + selection.describe(label));
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i] == label) {
                throw new InvalidInputException(source + ": columns lists " + config.columns().get(i)
                        + ", the label " + selection.describe(label) + ", which is kept out of the features");
            }
            for (int j = 0; j < i; j++) {
                if (features[j] == features[i]) {
                    throw new InvalidInputException(source + ": columns lists " + config.columns().get(j) + " and "
                            + config.columns().get(i) + ", both the " + selection.describe(features[i]));
                }
            }
        }
        return selection;
    }

    /** The names of the feature columns, in order. */
    List<String> featureNames() {
        return IntStream.of(features).mapToObj(names::get).toList();
    }

    /** How messages name a column: {@code column 'petal_width' (index 3)}, or {@code column 3} without a header. */
    String describe(int column) {
        return named ? "column '" + names.get(column) + "' (index " + column + ")" : "column " + column;
    }

    /** The index of a column given by header name or by 0-based index; a header name wins over an index. */
    private int find(String reference, String source) {
        if (named) {
            int first = names.indexOf(reference);
            if (first >= 0 && names.lastIndexOf(reference) != first) {
                throw new InvalidInputException(source + ": the header names columns " + first + " and "
                        + names.lastIndexOf(reference) + " '" + reference + "'; choose one by index");
            }
            if (first >= 0) {
                return first;
            }
        }
        if (reference.matches("\\d{1,9}")) {
            int index = Integer.parseInt(reference);
            if (index >= names.size()) {
                throw new InvalidInputException(source + ": column index " + index + " is out of range: the file has "
                        + names.size() + " columns, 0 to " + (names.size() - 1));
            }
            return index;
        }
        if (!named) {
            throw new InvalidInputException(source + ": '" + reference + "' is not a column index; without a header "
                    + "(header: false) columns are chosen by 0-based index, 0 to " + (names.size() - 1));
        }
        throw new InvalidInputException(source + ": no column named '" + reference + "' in the header."
                + didYouMean(reference)
                + " Columns: " + String.join(", ", names));
    }

    /** The closest header name, if it is within one typo per three characters (at most two). */
    private String didYouMean(String reference) {
        int typos = Math.min(2, Math.max(1, reference.length() / 3));
        return names.stream()
                .filter(name -> distance(reference.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)) <= typos)
                .min(Comparator.comparingInt(name -> distance(reference, name)))
                .map(name -> " Did you mean '" + name + "'?")
                .orElse("");
    }

    /** Levenshtein distance: the fewest edits (insert, delete, substitute) turning {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = IntStream.rangeClosed(0, b.length()).toArray();
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
