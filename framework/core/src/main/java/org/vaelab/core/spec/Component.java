package org.vaelab.core.spec;

/**
 * A pluggable part chosen in a spec: its registered type name and its validated configuration.
 *
 * @param <T> the family's product type, for example {@link org.vaelab.spi.nn.Encoder}
 */
public record Component<T>(String type, Record config) {
}
