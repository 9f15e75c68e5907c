package org.vaelab.plugins.nn;

/** The shape of one example's activations between convolutions: {@code channels x height x width}. */
record FeatureMap(int channels, int height, int width) {

    /** The number of values. */
    int size() {
        return Math.multiplyExact(channels, Math.multiplyExact(height, width));
    }

    /** The same height and width with another number of channels. */
    FeatureMap withChannels(int otherChannels) {
        return new FeatureMap(otherChannels, height, width);
    }

    /** {@code 32x14x14}, as messages write shapes. */
    String dimensions() {
        return channels + "x" + height + "x" + width;
    }
}
