package org.vaelab.spi.data;

import java.util.Arrays;
import java.util.List;

/**
 * The ground-truth factors of every example of a split: for each example, the index of each
 * factor's value (and so the value itself). Disentanglement metrics compare a model's codes with
 * these.
 */
public final class FactorTable {

    private final List<Factor> factors;
    private final int[] indices;
    private final int size;

    /**
     * @param factors the factors, in the order of each example's indices
     * @param indices {@code size * factors.size()} indices, row-major: example {@code i}'s index of
     *     factor {@code k} is {@code indices[i * factors.size() + k]}; not copied
     */
    public FactorTable(List<Factor> factors, int[] indices) {
        this.factors = List.copyOf(factors);
        if (this.factors.isEmpty() || indices.length % this.factors.size() != 0) {
            throw new IllegalArgumentException(indices.length + " indices do not form rows of " + factors.size());
        }
        this.indices = indices;
        this.size = indices.length / this.factors.size();
        for (int i = 0; i < indices.length; i++) {
            int count = this.factors.get(i % this.factors.size()).size();
            if (indices[i] < 0 || indices[i] >= count) {
                throw new IllegalArgumentException("index " + indices[i] + " of factor "
                        + this.factors.get(i % this.factors.size()).name() + " is outside 0.." + (count - 1));
            }
        }
    }

    /** The factors, in the order of each example's indices. */
    public List<Factor> factors() {
        return factors;
    }

    /** The number of examples. */
    public int size() {
        return size;
    }

    /** The index of factor {@code factor}'s value for example {@code example}. */
    public int index(int example, int factor) {
        return indices[example * factors.size() + factor];
    }

    /** The value of factor {@code factor} for example {@code example}. */
    public double value(int example, int factor) {
        return factors.get(factor).values()[index(example, factor)];
    }

    /** Examples {@code [from, to)} as a new table (copies the indices). */
    public FactorTable slice(int from, int to) {
        return new FactorTable(factors, Arrays.copyOfRange(indices, from * factors.size(), to * factors.size()));
    }
}
