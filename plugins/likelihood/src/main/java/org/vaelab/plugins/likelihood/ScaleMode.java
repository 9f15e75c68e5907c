package org.vaelab.plugins.likelihood;

/**
 * Where the spread of a {@code gaussian} or {@code laplace} likelihood comes from. In YAML the
 * constants are written in lower case: {@code fixed}, {@code learned_scalar},
 * {@code learned_per_dim}.
 */
public enum ScaleMode {
    /** A constant from the configuration; the decoder outputs only the location (one parameter per value). */
    FIXED,
    /**
     * One trainable scalar shared by every value and example, a graph variable that the
     * likelihood creates; the decoder outputs only the location (one parameter per value).
     */
    LEARNED_SCALAR,
    /**
     * A spread per value and example from the decoder: two parameters per value, the location
     * block first, then the raw log-spread block.
     */
    LEARNED_PER_DIM
}
