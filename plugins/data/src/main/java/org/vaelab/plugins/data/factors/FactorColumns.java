package org.vaelab.plugins.data.factors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.Factor;
import org.vaelab.spi.data.FactorTable;

/**
 * The ground-truth factors of a dataset read as a table of values with one row per example and
 * one column per factor, as dSprites keeps them in {@code latents_values} or
 * {@code latents_classes} (Matthey et al. 2017) and 3D Shapes in {@code labels} (Burgess and Kim
 * 2018). A column's distinct values, in increasing order, are its factor's values. A column that
 * holds one value throughout (dSprites' colour) is left out: no code can vary with it, and the
 * disentanglement metrics would divide by its zero entropy.
 */
public final class FactorColumns {

    private final List<Factor> factors;
    private final List<String> constant;
    private final int[] indices;

    private FactorColumns(List<Factor> factors, List<String> constant, int[] indices) {
        this.factors = factors;
        this.constant = constant;
        this.indices = indices;
    }

    /**
     * The factors of a table of {@code rows} rows.
     *
     * @param values the table, row-major: example {@code i}'s value of column {@code k} is
     *     {@code values[i * columns + k]}
     * @param names each column's name, or null for {@code factor_0}, {@code factor_1}, ...
     * @param source the table and the spec's key naming it, for messages
     * @throws InvalidInputException when the names do not match the columns, or a value is not finite
     */
    public static FactorColumns of(double[] values, int rows, List<String> names, String source) {
        if (rows == 0 || values.length % rows != 0) {
            throw new IllegalArgumentException(values.length + " values do not form " + rows + " rows");
        }
        int columns = values.length / rows;
        if (names != null && names.size() != columns) {
            throw new InvalidInputException(source + " has " + columns + " columns but factor_names names "
                    + names.size() + " (" + String.join(", ", names) + "); name each column once, in order");
        }
        List<Factor> factors = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        List<int[]> kept = new ArrayList<>();
        for (int k = 0; k < columns; k++) {
            String name = names == null ? "factor_" + k : names.get(k);
            double[] column = column(values, rows, columns, k, source);
            double[] distinct = Arrays.stream(column).sorted().distinct().toArray();
            if (distinct.length == 1) {
                constant.add(name);
                continue;
            }
            factors.add(new Factor(name, distinct));
            kept.add(Arrays.stream(column).mapToInt(v -> Arrays.binarySearch(distinct, v)).toArray());
        }
        if (factors.isEmpty()) {
            throw new InvalidInputException(source + ": every column holds one value throughout, so there are no "
                    + "factors of variation");
        }
        int[] indices = new int[rows * factors.size()];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < factors.size(); k++) {
                indices[i * factors.size() + k] = kept.get(k)[i];
            }
        }
        return new FactorColumns(List.copyOf(factors), List.copyOf(constant), indices);
    }

    private static double[] column(double[] values, int rows, int columns, int k, String source) {
        double[] column = new double[rows];
        for (int i = 0; i < rows; i++) {
            column[i] = values[i * columns + k];
            if (!Double.isFinite(column[i])) {
                throw new InvalidInputException(source + ": value " + k + " of example " + i + " is " + column[i]
                        + "; factor values must be finite numbers");
            }
        }
        return column;
    }

    /** The factors kept, in the table's column order. */
    public List<Factor> factors() {
        return factors;
    }

    /** The names of the columns left out for holding one value throughout. */
    public List<String> constant() {
        return constant;
    }

    /** The factors of the examples {@code examples[from, to)}, in that order. */
    public FactorTable rows(int[] examples, int from, int to) {
        int width = factors.size();
        int[] picked = new int[(to - from) * width];
        IntStream.range(from, to).forEach(r -> System.arraycopy(indices, examples[r] * width, picked,
                (r - from) * width, width));
        return new FactorTable(factors, picked);
    }
}
