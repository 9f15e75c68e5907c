package org.vaelab.spi.model;

/**
 * What a {@link ModelFamily} conditions its encoder and decoder on besides x and z: nothing, or
 * the example's class label as a one-hot vector y, as in the conditional VAE of Sohn, Lee and Yan
 * 2015, "Learning Structured Output Representation using Deep Conditional Generative Models"
 * (q(z|x, y) and p(x|z, y)). The framework feeds y wherever the graph runs (training,
 * evaluation, importance sampling, pictures, the commands on a trained run) and appends it to
 * the encoder's input and to z before the decoder.
 *
 * @param classes the width of y, the number of label classes; 0 for none
 */
public record Conditioning(int classes) {

    /** No conditioning: q(z|x) and p(x|z). */
    public static final Conditioning NONE = new Conditioning(0);

    public Conditioning {
        if (classes < 0) {
            throw new IllegalArgumentException("classes must not be negative, got " + classes);
        }
    }

    /** Conditioning on a one-hot label of {@code classes} classes. */
    public static Conditioning onLabels(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("conditioning on labels needs at least one class, got " + classes);
        }
        return new Conditioning(classes);
    }

    /** Whether the networks take a label. */
    public boolean isConditional() {
        return classes > 0;
    }
}
