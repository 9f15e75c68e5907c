package org.vaelab.plugins.data.images;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Configuration of the {@code images} dataset.
 *
 * @param path the folder of images, relative to the spec's folder
 * @param extensions the file name extensions of the images, lower case; null for {@link #DEFAULT_EXTENSIONS}
 * @param channels 1 for grey levels, 3 for RGB
 * @param height the height every image is resized and cropped to
 * @param width the width every image is resized and cropped to
 * @param crop the side of a centred square cut from each image before it is resized, or null for none
 * @param labels where labels come from
 * @param validation how many images of {@code path}, after shuffling with the seed, form the validation split
 * @param test how many images of {@code path}, after shuffling, form the test split; null for the
 *     default when there is no {@code testPath}, and null whenever there is one
 * @param testPath a separate folder of test images, relative to the spec's folder, or null
 */
public record ImagesConfig(
        @Param("Folder of images, searched through its subfolders; relative to the spec's folder")
        String path,
        @Param(value = "The file name extensions (any case) of the images to read; other files, and names starting "
                + "with a dot, are ignored. Any suffix javax.imageio reads: png, jpg, jpeg, bmp, gif, tif, tiff, wbmp; "
                + "png, jpg and jpeg when left out", defaultValue = Param.NONE)
        List<String> extensions,
        @Param(value = "1: grey levels (colour images converted with the ITU-R BT.601 luma weights, as Pillow's "
                + "convert('L')); 3: RGB (grey images repeated in all three); alpha is dropped", defaultValue = "3",
                min = 1, max = 3)
        int channels,
        @Param(value = "Height in pixels every image is resized and centre-cropped to", defaultValue = "64", min = 1)
        int height,
        @Param(value = "Width in pixels every image is resized and centre-cropped to", defaultValue = "64", min = 1)
        int width,
        @Param(value = "Cut a centred square of this many pixels (or the whole side, if shorter) from each image "
                + "before resizing, as CelebA's usual crop of 148 for 64x64 faces; none by default",
                defaultValue = Param.NONE, min = 1)
        Integer crop,
        @Param(value = "none: no labels; folders: one subfolder of path per class, named after it, classes "
                + "numbered in sorted order of the names", defaultValue = "none")
        ImageLabels labels,
        @Param(value = "Images of path held out as the validation split, drawn after shuffling with the seed: "
                + "a count (0 for none) or a fraction of them (0.1, 1/12)", defaultValue = "1/12")
        SplitSize validation,
        @Param(value = "Images of path held out as the test split, drawn after shuffling with the seed: "
                + "a count or a fraction; 1/12 when left out, and not allowed with test_path",
                defaultValue = Param.NONE)
        SplitSize test,
        @Param(value = "A separate folder of test images (the published test set of a benchmark), laid out as path; "
                + "relative to the spec's folder", defaultValue = Param.NONE)
        String testPath) {

    /** The extensions read when none are configured: PNG and JPEG. */
    public static final List<String> DEFAULT_EXTENSIONS = List.of("png", "jpg", "jpeg");

    /** The share held out for testing when neither {@code test} nor {@code test_path} is set. */
    public static final SplitSize DEFAULT_TEST = SplitSize.ratio(1, 12);

    public ImagesConfig {
        if (path.isBlank()) {
            throw new InvalidConfigException("path", "must name a folder of images");
        }
        extensions = extensions == null ? DEFAULT_EXTENSIONS
                : extensions.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        Set<String> readable = Set.of(ImageIO.getReaderFileSuffixes());
        for (String extension : extensions) {
            if (!readable.contains(extension)) {
                throw new InvalidConfigException("extensions", "'" + extension + "' is not a suffix javax.imageio "
                        + "reads; allowed: " + String.join(", ", new TreeSet<>(readable)));
            }
        }
        if (extensions.isEmpty()) {
            throw new InvalidConfigException("extensions", "must list at least one, such as [png, jpg, jpeg]");
        }
        if (channels == 2) {
            throw new InvalidConfigException("channels", "must be 1 (grey levels) or 3 (RGB), found 2");
        }
        if (test != null && testPath != null) {
            throw new InvalidConfigException("test", "holds images of path out for testing, but test_path already "
                    + "names the test images; set one of them");
        }
        if (testPath != null && testPath.isBlank()) {
            throw new InvalidConfigException("test_path", "must name a folder of PNG or JPEG images, or be left out");
        }
    }

    /** How many of the {@code pool} images of {@code path} the test split takes: none with a test folder. */
    int heldOutTest(int pool) {
        if (testPath != null) {
            return 0;
        }
        return (test == null ? DEFAULT_TEST : test).of(pool);
    }
}
