package org.vaelab.core.artifacts;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaelab.spi.data.DataShape;

/**
 * Pictures of a model while it trains, for a series a viewer steps through epoch by epoch (an
 * MLflow image series): 16 test images above their reconstructions, headed by each image's class
 * name where the data names its classes, and the prior samples of {@link PriorSamples}. Each tile
 * is enlarged to at least {@value #MIN_TILE} pixels on its shorter side, so a 28 x 28 image is
 * seen at 84 x 84; the prior draws come from the generator of {@link FigureInputs#random()}, so
 * the same generator at every epoch shows the same latent codes decoded by the model as it learns.
 */
public final class TrainingSnapshots {

    /** The series of reconstructions. */
    public static final String RECONSTRUCTIONS = "reconstructions";
    /** The series of prior samples. */
    public static final String SAMPLES = "samples";
    /** The least number of pixels on a tile's shorter side. */
    static final int MIN_TILE = 84;

    private TrainingSnapshots() {
    }

    /** Whether the data are images, the only data the snapshots are drawn for. */
    public static boolean applies(DataShape shape) {
        return shape.isImage();
    }

    /** The reconstructions and the samples, in that order, by series, at {@code folder/SERIES-LABEL.png}. */
    public static Map<String, Figure> draw(FigureInputs inputs, String folder, String label) {
        int scale = scale(inputs.shape());
        List<String> names = new ArrayList<>();
        int[] labels = inputs.testLabels(0, Math.min(16, inputs.test().size()));
        if (labels != null && !inputs.classNames().isEmpty()) {
            for (int classLabel : labels) {
                names.add(inputs.className(classLabel));
            }
        }
        BufferedImage reconstructions = ImageGrid.labelled(ImageGrid.enlarged(Reconstructions.grid(inputs, 1), scale),
                inputs.shape(), scale, List.of(), names);
        BufferedImage samples = ImageGrid.enlarged(PriorSamples.grid(inputs), scale);
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put(RECONSTRUCTIONS, Figure.png(path(folder, RECONSTRUCTIONS, label), reconstructions));
        figures.put(SAMPLES, Figure.png(path(folder, SAMPLES, label), samples));
        return figures;
    }

    private static String path(String folder, String series, String label) {
        return folder + "/" + series + "-" + label + ".png";
    }

    /** How many times a tile of {@code shape} is enlarged: the least whole factor that reaches {@link #MIN_TILE}. */
    static int scale(DataShape shape) {
        int side = Math.min(shape.dims().get(1), shape.dims().get(2));
        return Math.max(1, (MIN_TILE + side - 1) / side);
    }
}
