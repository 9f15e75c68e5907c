package org.vaelab.plugins.data.images;

/**
 * Resizes a centred window of a plane of values to a target size by area averaging: each target
 * pixel is the mean of the source area it covers, partly covered source pixels weighted by the
 * covered share (a box filter, as Pillow's {@code Image.BOX} and OpenCV's {@code INTER_AREA} when
 * shrinking). The window is the largest centred one with the target's aspect ratio inside the
 * source, after an optional centred square crop: the image is scaled to cover the target and the
 * overflow cut equally from both sides, as torchvision's {@code Resize} then {@code CenterCrop}.
 * A window of exactly the target size copies the values unchanged.
 */
final class AreaResampling {

    private final Axis rows;
    private final Axis columns;

    /**
     * @param sourceHeight the source plane's height
     * @param sourceWidth the source plane's width
     * @param crop the side of the centred square cut first, or 0 for none
     */
    AreaResampling(int sourceHeight, int sourceWidth, int targetHeight, int targetWidth, int crop) {
        double height = crop > 0 ? Math.min(crop, sourceHeight) : sourceHeight;
        double width = crop > 0 ? Math.min(crop, sourceWidth) : sourceWidth;
        double scale = Math.max(targetHeight / height, targetWidth / width);
        this.rows = new Axis(sourceHeight, targetHeight, scale);
        this.columns = new Axis(sourceWidth, targetWidth, scale);
    }

    /** Resamples {@code source} (row-major, the source size) into {@code target} (row-major, the target size). */
    void resample(double[] source, double[] target) {
        int sourceWidth = columns.sourceSize;
        double[] across = new double[rows.sourceSize * columns.targetSize];
        for (int y = 0; y < rows.sourceSize; y++) {
            for (int x = 0; x < columns.targetSize; x++) {
                across[y * columns.targetSize + x] = columns.average(source, y * sourceWidth, 1, x);
            }
        }
        for (int y = 0; y < rows.targetSize; y++) {
            for (int x = 0; x < columns.targetSize; x++) {
                target[y * columns.targetSize + x] = rows.average(across, x, columns.targetSize, y);
            }
        }
    }

    /**
     * The weights of one axis: target pixel {@code t} covers source interval
     * {@code [start + t / scale, start + (t + 1) / scale)}, the window centred in the source.
     */
    private static final class Axis {
        private final int sourceSize;
        private final int targetSize;
        private final int[] first;
        private final double[][] weights;

        Axis(int sourceSize, int targetSize, double scale) {
            this.sourceSize = sourceSize;
            this.targetSize = targetSize;
            this.first = new int[targetSize];
            this.weights = new double[targetSize][];
            double step = 1 / scale;
            double start = (sourceSize - targetSize * step) / 2;
            for (int t = 0; t < targetSize; t++) {
                double low = start + t * step;
                double high = low + step;
                int from = Math.max(0, (int) Math.floor(low));
                int to = Math.min(sourceSize, (int) Math.ceil(high));
                double[] covered = new double[to - from];
                double total = 0;
                for (int s = from; s < to; s++) {
                    covered[s - from] = Math.max(0, Math.min(high, s + 1) - Math.max(low, s));
                    total += covered[s - from];
                }
                for (int k = 0; k < covered.length; k++) {
                    covered[k] /= total;
                }
                first[t] = from;
                weights[t] = covered;
            }
        }

        /** The weighted mean for target pixel {@code t} of values {@code offset + s * stride}, s a source index. */
        double average(double[] values, int offset, int stride, int t) {
            double sum = 0;
            double[] w = weights[t];
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * values[offset + (first[t] + k) * stride];
            }
            return sum;
        }
    }
}
