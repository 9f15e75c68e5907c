package org.vaelab.plugins.data.hdf5;

/**
 * Where a value stored channels last ({@code [N, H, W, C]}, row-major) goes when kept channels
 * first ({@code [N, C, H, W]}): value {@code ((n * H + y) * W + x) * C + c} moves to
 * {@code ((n * C + c) * H + y) * W + x}. Other layouts stay where they are.
 *
 * @param pixels {@code H * W}, or 1 when nothing moves
 * @param channels {@code C}, or 1 when nothing moves
 */
record ChannelsFirst(int pixels, int channels) {

    /** The rearrangement of an array of {@code shape}: a move for {@code [N, H, W, C]} with C above 1, else none. */
    static ChannelsFirst of(int[] shape) {
        return shape.length == 4 && shape[3] > 1 ? new ChannelsFirst(shape[1] * shape[2], shape[3])
                : new ChannelsFirst(1, 1);
    }

    /** Where stored value {@code i} goes. */
    int index(int i) {
        if (channels == 1) {
            return i;
        }
        int example = i / (pixels * channels);
        int within = i % (pixels * channels);
        return example * pixels * channels + (within % channels) * pixels + within / channels;
    }
}
