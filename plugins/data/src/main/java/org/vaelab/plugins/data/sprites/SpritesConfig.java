package org.vaelab.plugins.data.sprites;

import java.util.HashSet;
import java.util.List;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Configuration of the {@code sprites} dataset.
 *
 * @param n the number of images of all three splits together, drawn without replacement from the
 *     kept grid; 0 for every combination
 * @param shapes the shapes kept
 * @param scaleStride keep every this-th of the 6 scales
 * @param orientationStride keep every this-th of the 40 orientations
 * @param positionStride keep every this-th of the 32 positions, along x and along y
 * @param validation how many of the images form the validation split: a count or a fraction
 * @param test how many of the images form the test split: a count or a fraction
 */
public record SpritesConfig(
        @Param(value = "Images drawn without replacement from the kept factor grid, all three splits together; "
                + "0 takes every combination (737,280 on the full grid)", defaultValue = "0", min = 0)
        int n,
        @Param(value = "Shapes kept: square, ellipse, heart", defaultValue = "[square, ellipse, heart]")
        List<SpriteShape> shapes,
        @Param(value = "Keep every N-th of the 6 scales linspace(0.5, 1, 6)", defaultValue = "1", min = 1,
                max = SpriteGrid.SCALES)
        int scaleStride,
        @Param(value = "Keep every N-th of the 40 orientations linspace(0, 2 pi, 40)", defaultValue = "1", min = 1,
                max = SpriteGrid.ORIENTATIONS)
        int orientationStride,
        @Param(value = "Keep every N-th of the 32 positions linspace(0, 1, 32), along x and along y",
                defaultValue = "1", min = 1, max = SpriteGrid.POSITIONS)
        int positionStride,
        @Param(value = "Images held out for validation: a count (0 for none) or a fraction of the images (0.1, 1/12)",
                defaultValue = "0.1")
        SplitSize validation,
        @Param(value = "Images held out for testing: a count or a fraction of the images (0.1, 1/12)",
                defaultValue = "0.1")
        SplitSize test) {

    public SpritesConfig {
        shapes = List.copyOf(shapes);
        if (shapes.isEmpty()) {
            throw new InvalidConfigException("shapes", "must keep at least one of square, ellipse, heart");
        }
        if (new HashSet<>(shapes).size() != shapes.size()) {
            throw new InvalidConfigException("shapes", "names a shape twice: " + shapes);
        }
        SplitSizes.requireTrainingShare(validation, test);
        int combinations = SpriteGrid.of(shapes, scaleStride, orientationStride, positionStride).size();
        if (n > combinations) {
            throw new InvalidConfigException("n", "must be at most the " + combinations
                    + " combinations of the kept factor values, found " + n);
        }
        int images = n == 0 ? combinations : n;
        if (SplitSizes.of(images, validation, test).isEmpty()) {
            throw new InvalidConfigException("n", "validation (" + validation + ") and test (" + test
                    + ") leave none of the " + images + " images to train on");
        }
    }

    /** The number of images of all three splits together. */
    public int images() {
        return n == 0 ? SpriteGrid.of(this).size() : n;
    }
}
