package org.vaelab.plugins.data.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.vaelab.plugins.data.UnreadableFile;
import org.vaelab.spi.InvalidInputException;

/**
 * Decodes a PNG or JPEG file with javax.imageio into {@code channels} planes of
 * {@code height x width} unsigned bytes (channel-major, then row-major: the {@code [C, H, W]}
 * layout of the data shape), resized and cropped by {@link AreaResampling}.
 *
 * <p>Grey sources are read from their raster, scaled from their bit depth to 0..255 (not through
 * {@code getRGB}, whose conversion from the linear grey colour space would change the levels);
 * every other source through {@code getRGB}, as 8-bit sRGB. Colour becomes grey by the ITU-R
 * BT.601 luma, {@code 0.299 R + 0.587 G + 0.114 B} (as Pillow's {@code convert('L')}); grey
 * becomes RGB by repeating it. Alpha is dropped. Values are rounded to the nearest level once,
 * after resampling.
 */
final class ImageDecoder {

    private static final double RED = 0.299;
    private static final double GREEN = 0.587;
    private static final double BLUE = 0.114;
    private static final int MAX_LEVEL = 255;

    private final int channels;
    private final int height;
    private final int width;
    private final int crop;

    /** @param crop the side of the centred square cut before resizing, 0 for none */
    ImageDecoder(int channels, int height, int width, int crop) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.crop = crop;
    }

    /** The number of bytes of one decoded image. */
    int size() {
        return channels * height * width;
    }

    /**
     * Decodes {@code file} into {@code target}, {@link #size} bytes.
     *
     * @throws InvalidInputException naming the file when it is not an image javax.imageio decodes
     */
    void decode(Path file, byte[] target) throws IOException {
        BufferedImage image = read(file);
        AreaResampling resampling = new AreaResampling(image.getHeight(), image.getWidth(), height, width, crop);
        double[] plane = new double[height * width];
        double[][] levels = levels(image);
        for (int c = 0; c < channels; c++) {
            resampling.resample(levels[c], plane);
            int start = c * plane.length;
            for (int i = 0; i < plane.length; i++) {
                target[start + i] = (byte) Math.round(Math.max(0, Math.min(MAX_LEVEL, plane[i])));
            }
        }
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            String cause = e.getCause() == null ? "" : " (" + UnreadableFile.reason(e.getCause()) + ")";
            throw UnreadableFile.explain(file, "an image", e).orElseGet(() -> new InvalidInputException(file
                    + " does not decode as an image: " + UnreadableFile.reason(e) + cause, e));
        } catch (RuntimeException e) {
            // javax.imageio's decoders fail on some damaged files with unchecked exceptions
            throw new InvalidInputException(file + " does not decode as an image: " + UnreadableFile.reason(e), e);
        }
        if (image == null) {
            throw new InvalidInputException(file + " is not an image javax.imageio can decode; expected PNG or JPEG");
        }
        return image;
    }

    /** The image's levels in 0..255, one row-major plane per output channel, at the source size. */
    private double[][] levels(BufferedImage image) {
        int pixels = image.getWidth() * image.getHeight();
        double[][] planes = new double[channels][];
        if (isGrey(image.getColorModel())) {
            double[] grey = greyLevels(image);
            for (int c = 0; c < channels; c++) {
                planes[c] = grey;
            }
            return planes;
        }
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int c = 0; c < channels; c++) {
            planes[c] = new double[pixels];
        }
        for (int i = 0; i < pixels; i++) {
            int r = argb[i] >> 16 & MAX_LEVEL;
            int g = argb[i] >> 8 & MAX_LEVEL;
            int b = argb[i] & MAX_LEVEL;
            if (channels == 1) {
                planes[0][i] = RED * r + GREEN * g + BLUE * b;
            } else {
                planes[0][i] = r;
                planes[1][i] = g;
                planes[2][i] = b;
            }
        }
        return planes;
    }

    private static boolean isGrey(ColorModel model) {
        return !(model instanceof IndexColorModel) && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private static double[] greyLevels(BufferedImage image) {
        Raster raster = image.getRaster();
        double scale = (double) MAX_LEVEL / ((1L << image.getColorModel().getComponentSize(0)) - 1);
        int w = image.getWidth();
        double[] grey = new double[w * image.getHeight()];
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                grey[y * w + x] = row[x] * scale;
            }
        }
        return grey;
    }
}
