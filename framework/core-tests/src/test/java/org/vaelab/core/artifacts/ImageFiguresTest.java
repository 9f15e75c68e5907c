package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.core.artifacts.ImageGrid.GUTTER;
import static org.vaelab.core.artifacts.ImageGrid.HEADER_HEIGHT;
import static org.vaelab.core.artifacts.ImageGrid.LABEL_WIDTH;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.w3c.dom.Node;

/** The image-grid figures, drawn from small real VAEs on 6 x 5 grey images. */
class ImageFiguresTest {

    private static final int HEIGHT = 6;
    private static final int WIDTH = 5;
    private static final DataShape SHAPE = DataShape.image(1, HEIGHT, WIDTH, ValueRange.UNIT_INTERVAL, 3);
    private static final int CELL_WIDTH = WIDTH + GUTTER;
    private static final int CELL_HEIGHT = HEIGHT + GUTTER;

    @TempDir
    Path folder;

    private FigureInputs inputs(LatentModel model, int testSize, double... kl) {
        return new FigureInputs(model, SHAPE, SmallVae.images(SHAPE, testSize, true), kl, new SplittableRandom(1),
                folder.resolve("metrics.csv"));
    }

    private static double[] nan(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /** Dimension 2 is silenced; its row is where its rank by KL puts it (unknown KL last, then by index). */
    @ParameterizedTest
    @CsvSource({"1;0.5;4;2, 0", "1;0.5;0.1;2, 3", "2;1;NaN;3, 3", "NaN;NaN;NaN;NaN, 2"})
    void traversalRowsAreOrderedByKlAndASilencedDimensionsRowIsConstant(String kl, int constantRow) {
        double[] klPerDimension = Arrays.stream(kl.split(";")).mapToDouble(Double::parseDouble).toArray();
        BufferedImage image = FigureFiles.image(
                LatentTraversals.figure(inputs(SmallVae.bernoulli(SHAPE, 4, 2), 20, klPerDimension)), folder);

        assertEquals(LABEL_WIDTH + LatentTraversals.STEPS * CELL_WIDTH + GUTTER, image.getWidth());
        assertEquals(HEADER_HEIGHT + 4 * CELL_HEIGHT + GUTTER, image.getHeight());
        for (int row = 0; row < 4; row++) {
            assertEquals(row == constantRow, isConstant(image, LABEL_WIDTH, HEADER_HEIGHT, row, LatentTraversals.STEPS),
                    "row " + row);
        }
    }

    @Test
    void traversalsShowAtMostTenDimensions() {
        BufferedImage image = FigureFiles.image(LatentTraversals.figure(inputs(SmallVae.bernoulli(SHAPE, 12), 4,
                nan(12))), folder);
        assertEquals(HEADER_HEIGHT + LatentTraversals.MAX_DIMENSIONS * CELL_HEIGHT + GUTTER, image.getHeight());
    }

    @Test
    void interpolationStripStartsAndEndsWithTheTestExamples() throws IOException {
        FigureInputs inputs = inputs(SmallVae.bernoulli(SHAPE, 4), 20, nan(4));
        List<Figure> figures = LatentInterpolation.figures(inputs);
        assertEquals(List.of(LatentInterpolation.PNG, LatentInterpolation.GIF),
                figures.stream().map(Figure::path).toList());
        BufferedImage strip = FigureFiles.image(figures.get(0), folder);

        int columns = LatentInterpolation.STRIP_STEPS + 2;
        int pairs = LatentInterpolation.MAX_PAIRS;
        assertEquals(columns * CELL_WIDTH + GUTTER, strip.getWidth());
        assertEquals(HEADER_HEIGHT + pairs * CELL_HEIGHT + GUTTER, strip.getHeight());
        BufferedImage starts = ImageGrid.render(inputs.testExamples(0, pairs), pairs, SHAPE, 1);
        BufferedImage ends = ImageGrid.render(inputs.testExamples(pairs, pairs), pairs, SHAPE, 1);
        for (int pair = 0; pair < pairs; pair++) {
            assertTrue(sameCell(strip, 0, HEADER_HEIGHT, pair, 0, starts, 0, 0, pair, 0), "start of pair " + pair);
            assertTrue(sameCell(strip, 0, HEADER_HEIGHT, pair, columns - 1, ends, 0, 0, pair, 0),
                    "end of pair " + pair);
            assertFalse(sameCell(strip, 0, HEADER_HEIGHT, pair, 1, strip, 0, HEADER_HEIGHT, pair, columns - 2),
                    "t = 0 and t = 1 differ for pair " + pair);
        }
    }

    @Test
    void interpolationGifLoopsThereAndBackAtThreeTimesTheSize() throws IOException {
        List<Figure> figures = LatentInterpolation.figures(inputs(SmallVae.bernoulli(SHAPE, 4), 20, nan(4)));
        BufferedImage strip = FigureFiles.image(figures.get(0), folder);
        Path gif = FigureFiles.write(figures.get(1), folder);

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        List<BufferedImage> frames = new ArrayList<>();
        IIOMetadataNode first;
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            for (int i = 0; i < count; i++) {
                frames.add(reader.read(i));
            }
            first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
        } finally {
            reader.dispose();
        }
        int steps = LatentInterpolation.GIF_STEPS;
        int pairs = LatentInterpolation.MAX_PAIRS;
        int scale = LatentInterpolation.GIF_SCALE;
        assertEquals(2 * steps - 2, frames.size());
        for (BufferedImage frame : frames) {
            assertEquals((pairs * CELL_WIDTH + GUTTER) * scale, frame.getWidth());
            assertEquals((CELL_HEIGHT + GUTTER) * scale, frame.getHeight());
        }
        for (int k = 1; k < steps - 1; k++) {
            assertTrue(sameImage(frames.get(k), frames.get(2 * steps - 2 - k)),
                    "frame " + k + " comes back");
        }
        for (int pair = 0; pair < pairs; pair++) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    assertEquals(strip.getRGB(GUTTER + CELL_WIDTH + x, HEADER_HEIGHT + GUTTER + pair * CELL_HEIGHT + y),
                            frames.get(0).getRGB(scale * (GUTTER + pair * CELL_WIDTH + x) + 1,
                                    scale * (GUTTER + y) + 1),
                            "t = 0, pair " + pair);
                }
            }
        }
        assertEquals("NETSCAPE", attribute(first, "ApplicationExtension", "applicationID"));
        assertEquals("60", attribute(first, "GraphicControlExtension", "delayTime"));
    }

    /** With z0 silenced every row is constant (z0 runs along the columns); with z1, every column. */
    @ParameterizedTest
    @CsvSource({"0", "1"})
    void manifoldVariesZ0AlongColumnsAndZ1AlongRows(int silenced) {
        BufferedImage image = FigureFiles.image(
                LatentManifold.figure(inputs(SmallVae.bernoulli(SHAPE, 2, silenced), 4, nan(2))), folder);
        int side = LatentManifold.SIDE;
        assertEquals(side * CELL_WIDTH + GUTTER, image.getWidth());
        assertEquals(side * CELL_HEIGHT + GUTTER, image.getHeight());
        for (int row = 0; row < side; row++) {
            assertEquals(silenced == 0, isConstant(image, 0, 0, row, side), "row " + row);
        }
        BufferedImage transposed = new BufferedImage(side * CELL_WIDTH + GUTTER, side * CELL_HEIGHT + GUTTER,
                BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                copyCell(image, row, column, transposed, column, row);
            }
        }
        for (int column = 0; column < side; column++) {
            assertEquals(silenced == 1, isConstant(transposed, 0, 0, column, side), "column " + column);
        }
    }

    @Test
    void reconstructionsPutInputsAboveTheirReconstructions() {
        FigureInputs inputs = inputs(SmallVae.bernoulli(SHAPE, 4), 40, nan(4));
        BufferedImage image = FigureFiles.image(Reconstructions.figure(inputs), folder);
        assertEquals(16 * CELL_WIDTH + GUTTER, image.getWidth());
        assertEquals(4 * CELL_HEIGHT + GUTTER, image.getHeight());
        BufferedImage originals = ImageGrid.render(inputs.testExamples(0, 32), 32, SHAPE, 16);
        for (int column = 0; column < 16; column++) {
            assertTrue(sameCell(image, 0, 0, 0, column, originals, 0, 0, 0, column));
            assertTrue(sameCell(image, 0, 0, 2, column, originals, 0, 0, 1, column));
            assertFalse(sameCell(image, 0, 0, 1, column, originals, 0, 0, 0, column));
        }

        BufferedImage small = FigureFiles.image(Reconstructions.figure(inputs(SmallVae.bernoulli(SHAPE, 4), 5, nan(4))),
                folder);
        assertEquals(5 * CELL_WIDTH + GUTTER, small.getWidth());
        assertEquals(2 * CELL_HEIGHT + GUTTER, small.getHeight());
    }

    @Test
    void samplesAre128DecodedPriorDraws() {
        BufferedImage image = FigureFiles.image(PriorSamples.figure(inputs(SmallVae.bernoulli(SHAPE, 4), 4, nan(4))),
                folder);
        assertEquals(16 * CELL_WIDTH + GUTTER, image.getWidth());
        assertEquals(8 * CELL_HEIGHT + GUTTER, image.getHeight());
    }

    @Test
    void imageDataGetsTheImageFiguresAndTheManifoldOnlyIn2D() throws IOException {
        List<String> common = List.of(Reconstructions.PATH, PriorSamples.PATH, LatentTraversals.PATH,
                LatentInterpolation.PNG, LatentInterpolation.GIF);
        List<String> fourD = Figures.render(inputs(SmallVae.bernoulli(SHAPE, 4), 20, nan(4))).stream()
                .map(Figure::path).toList();
        assertEquals(concat(common, List.of(LatentScatter.PATH)), fourD);
        List<String> twoD = Figures.render(inputs(SmallVae.bernoulli(SHAPE, 2), 20, nan(2))).stream()
                .map(Figure::path).toList();
        assertEquals(concat(common, List.of(LatentManifold.PATH, LatentScatter.PATH)), twoD);
        List<String> oneExample = Figures.render(inputs(SmallVae.bernoulli(SHAPE, 1), 1, nan(1))).stream()
                .map(Figure::path).toList();
        assertEquals(List.of(Reconstructions.PATH, PriorSamples.PATH, LatentTraversals.PATH), oneExample);
    }

    @Test
    void theSameSeedDrawsTheSameFiles() throws IOException {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        for (Figure figure : Figures.render(inputs(SmallVae.bernoulli(SHAPE, 2), 20, nan(2)))) {
            FigureFiles.write(figure, first);
        }
        for (Figure figure : Figures.render(inputs(SmallVae.bernoulli(SHAPE, 2), 20, nan(2)))) {
            FigureFiles.write(figure, second);
        }
        try (var files = Files.walk(first)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertTrue(Arrays.equals(Files.readAllBytes(file),
                        Files.readAllBytes(second.resolve(first.relativize(file)))), file.toString());
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Whether every cell of grid row {@code row} (grid at {@code left, top}) equals its first. */
    private static boolean isConstant(BufferedImage image, int left, int top, int row, int columns) {
        return IntStream.range(1, columns)
                .allMatch(column -> sameCell(image, left, top, row, column, image, left, top, row, 0));
    }

    private static boolean sameCell(BufferedImage a, int aLeft, int aTop, int aRow, int aColumn,
                                    BufferedImage b, int bLeft, int bTop, int bRow, int bColumn) {
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int pa = a.getRGB(aLeft + GUTTER + aColumn * CELL_WIDTH + x, aTop + GUTTER + aRow * CELL_HEIGHT + y);
                int pb = b.getRGB(bLeft + GUTTER + bColumn * CELL_WIDTH + x, bTop + GUTTER + bRow * CELL_HEIGHT + y);
                if (pa != pb) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void copyCell(BufferedImage from, int fromRow, int fromColumn, BufferedImage to, int toRow,
            int toColumn) {
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                to.setRGB(GUTTER + toColumn * CELL_WIDTH + x, GUTTER + toRow * CELL_HEIGHT + y,
                        from.getRGB(GUTTER + fromColumn * CELL_WIDTH + x, GUTTER + fromRow * CELL_HEIGHT + y));
            }
        }
    }

    private static boolean sameImage(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String attribute(Node root, String element, String name) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeName().equals(element)) {
                return ((IIOMetadataNode) child).getAttribute(name);
            }
            String inner = attribute(child, element, name);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
