package org.vaelab.core.artifacts;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Linear interpolation between posterior means (Bowman et al. 2016, "Generating sentences from a
 * continuous space", section 5; White 2016, "Sampling generative networks", discusses alternatives):
 * pairs of test examples (example i with example P + i, P pairs, at most 8), the decoder's mean
 * drawn along {@code (1 - t) z_a + t z_b} (with a's label for a model conditioned on labels).
 * <ul>
 *   <li>{@code images/interpolation.png}: one row per pair, the input a, 10 steps from t = 0 to 1,
 *       the input b.</li>
 *   <li>{@code images/interpolation.gif}: the pairs side by side, enlarged 3 times, t running from
 *       0 to 1 in 16 steps and back (30 frames), resting at both ends; it loops forever.</li>
 * </ul>
 */
final class LatentInterpolation {

    static final String PNG = "images/interpolation.png";
    static final String GIF = "images/interpolation.gif";
    static final int MAX_PAIRS = 8;
    static final int STRIP_STEPS = 10;
    static final int GIF_STEPS = 16;
    static final int GIF_SCALE = 3;
    private static final int FRAME_DELAY = 8;
    private static final int END_DELAY = 60;

    private LatentInterpolation() {
    }

    /** Both files; needs at least two test examples. */
    static List<Figure> figures(FigureInputs inputs) {
        int pairs = Math.min(MAX_PAIRS, inputs.test().size() / 2);
        int size = inputs.shape().size();
        float[] starts = inputs.testExamples(0, pairs);
        float[] ends = inputs.testExamples(pairs, pairs);
        int[] startLabels = inputs.testLabels(0, pairs);
        float[] from = inputs.model().posteriorMeans(starts, startLabels, pairs);
        float[] to = inputs.model().posteriorMeans(ends, inputs.testLabels(pairs, pairs), pairs);

        int columns = STRIP_STEPS + 2;
        float[] path = decodedPath(inputs, from, to, startLabels, STRIP_STEPS);
        float[] strip = new float[pairs * columns * size];
        for (int pair = 0; pair < pairs; pair++) {
            int row = pair * columns * size;
            System.arraycopy(starts, pair * size, strip, row, size);
            System.arraycopy(path, pair * STRIP_STEPS * size, strip, row + size, STRIP_STEPS * size);
            System.arraycopy(ends, pair * size, strip, row + (columns - 1) * size, size);
        }
        List<String> header = new ArrayList<>(Collections.nCopies(columns, ""));
        header.set(0, "data");
        header.set(1, "t=0");
        header.set(columns - 2, "t=1");
        header.set(columns - 1, "data");
        Figure png = Figure.png(PNG, ImageGrid.labelled(ImageGrid.render(strip, pairs * columns, inputs.shape(),
                columns), inputs.shape(), List.of(), header));

        float[] smooth = decodedPath(inputs, from, to, startLabels, GIF_STEPS);
        List<BufferedImage> forward = new ArrayList<>();
        for (int step = 0; step < GIF_STEPS; step++) {
            float[] frame = new float[pairs * size];
            for (int pair = 0; pair < pairs; pair++) {
                System.arraycopy(smooth, (pair * GIF_STEPS + step) * size, frame, pair * size, size);
            }
            forward.add(ImageGrid.enlarged(ImageGrid.render(frame, pairs, inputs.shape(), pairs), GIF_SCALE));
        }
        List<BufferedImage> frames = new ArrayList<>(forward);
        for (int step = GIF_STEPS - 2; step > 0; step--) {
            frames.add(forward.get(step));
        }
        List<Integer> delays = new ArrayList<>(Collections.nCopies(frames.size(), FRAME_DELAY));
        delays.set(0, END_DELAY);
        delays.set(GIF_STEPS - 1, END_DELAY);
        return List.of(png, AnimatedGif.figure(GIF, frames, delays));
    }

    /**
     * The decoder's means along each pair's segment, {@code steps} per pair, pair-major, decoded
     * with the label of the pair's start (null: none).
     */
    private static float[] decodedPath(FigureInputs inputs, float[] from, float[] to, int[] startLabels, int steps) {
        int latentDim = inputs.latentDim();
        int pairs = from.length / latentDim;
        float[] codes = new float[pairs * steps * latentDim];
        int[] labels = startLabels == null ? null : new int[pairs * steps];
        for (int pair = 0; pair < pairs; pair++) {
            for (int step = 0; step < steps; step++) {
                if (labels != null) {
                    labels[pair * steps + step] = startLabels[pair];
                }
                float t = step / (float) (steps - 1);
                for (int j = 0; j < latentDim; j++) {
                    int k = pair * latentDim + j;
                    codes[(pair * steps + step) * latentDim + j] = (1 - t) * from[k] + t * to[k];
                }
            }
        }
        return inputs.model().decoderMeans(codes, labels, pairs * steps);
    }
}
