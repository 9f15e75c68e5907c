package org.vaelab.plugins.data.npy;

/** Where a 4-D array of images keeps its channels. */
public enum ImageLayout {

    /**
     * Told by the sizes: {@code [N, C, H, W]} when the second dimension is 1, 3 or 4 and the last is
     * not, {@code [N, H, W, C]} the other way round; anything else must be said.
     */
    AUTO,

    /** {@code [N, C, H, W]}: channels first, as PyTorch keeps images. */
    NCHW,

    /** {@code [N, H, W, C]}: channels last, as TensorFlow, Keras and image libraries keep images. */
    NHWC;

    /** Channel counts of grey, RGB and RGBA images, by which {@link #AUTO} tells the layouts apart. */
    private static boolean isChannelCount(long size) {
        return size == 1 || size == 3 || size == 4;
    }

    /** The layout of a 4-D array of {@code shape}: this one, or for {@link #AUTO} the one its sizes say, if they do. */
    ImageLayout of(long[] shape) {
        if (this != AUTO) {
            return this;
        }
        boolean first = isChannelCount(shape[1]);
        boolean last = isChannelCount(shape[3]);
        return first == last ? AUTO : first ? NCHW : NHWC;
    }
}
