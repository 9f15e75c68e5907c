/**
 * How every dataset type sizes its splits: {@link org.vaelab.plugins.data.split.SplitSize}, the
 * value of {@code validation} (and {@code test}), a count or a fraction of the examples; and the
 * three sizes of one set of examples split three ways.
 */
package org.vaelab.plugins.data.split;
