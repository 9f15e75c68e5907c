package org.vaelab.spi.data;

import java.util.Objects;

/**
 * One ground-truth factor of variation of a dataset whose examples were generated from known
 * factors (such as dSprites' shape, scale, orientation and position, Matthey et al. 2017): its
 * name and the values its indices stand for.
 *
 * @param name what the factor is, such as {@code scale}
 * @param values the value of each index {@code 0 .. values.length - 1}; not copied
 */
public record Factor(String name, double[] values) {

    public Factor {
        Objects.requireNonNull(name, "name");
        if (values.length == 0) {
            throw new IllegalArgumentException("factor " + name + " has no values");
        }
    }

    /** The number of values the factor takes. */
    public int size() {
        return values.length;
    }
}
