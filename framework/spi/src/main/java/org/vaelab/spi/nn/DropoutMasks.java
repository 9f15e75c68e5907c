package org.vaelab.spi.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The dropout masks one network of a training graph takes as placeholders. Dropout (Srivastava et
 * al. 2014, "Dropout: a simple way to prevent neural networks from overfitting") multiplies a
 * layer's activations by a mask whose entries are {@code 1 / (1 - rate)} with probability
 * {@code 1 - rate} and 0 otherwise ("inverted" dropout, so no rescaling is needed at test time).
 * The trainer draws the masks from the run's seeded noise stream every step, as it does the
 * reparameterisation noise; graphs built for evaluation have no masks.
 */
public final class DropoutMasks {

    /**
     * One mask placeholder.
     *
     * @param name the placeholder's name
     * @param width the layer's width
     * @param rate the probability of dropping an activation, in [0, 1)
     * @param rowsPerExample rows of the layer per example of the batch (the decoder sees one row per sample of z)
     */
    public record Mask(String name, int width, double rate, int rowsPerExample) {
    }

    private final int rowsPerExample;
    private final List<Mask> masks = new ArrayList<>();

    /** Masks of a network that sees {@code rowsPerExample} rows per example. */
    public DropoutMasks(int rowsPerExample) {
        if (rowsPerExample <= 0) {
            throw new IllegalArgumentException("rowsPerExample must be positive, got " + rowsPerExample);
        }
        this.rowsPerExample = rowsPerExample;
    }

    void add(String name, int width, double rate) {
        masks.add(new Mask(name, width, rate, rowsPerExample));
    }

    /** The masks added so far, in graph order. */
    public List<Mask> masks() {
        return List.copyOf(masks);
    }
}
