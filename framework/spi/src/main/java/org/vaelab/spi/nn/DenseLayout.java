package org.vaelab.spi.nn;

import java.util.List;
import java.util.Objects;

/**
 * The layout of a network made of fully connected layers only, as {@link NetworkBuilder#dense}
 * built them: the hidden layers in order, each followed by {@code activation}, then every head
 * applied to the last hidden layer's output (to the input when there are no hidden layers), with
 * no activation. A network that reports its layout may be trained with the framework's
 * hand-derived passes, which compute the graph's values (up to float rounding) faster; it must
 * then have no other trainable variables.
 *
 * @param hidden the local names of the hidden layers, input side first
 * @param activation the activation after every hidden layer
 * @param heads the local names of the output layers
 */
public record DenseLayout(List<String> hidden, Activation activation, List<String> heads) {

    public DenseLayout {
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(activation, "activation");
        heads = List.copyOf(heads);
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("a dense layout needs at least one head");
        }
    }
}
