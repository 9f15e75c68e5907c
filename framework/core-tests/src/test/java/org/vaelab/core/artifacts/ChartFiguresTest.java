package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;

/** The XChart figures: training curves, the latent scatter, and the data scatter of feature vectors. */
class ChartFiguresTest {

    private static final int BLUE = 0x1f77b4;
    private static final int ORANGE = 0xff7f0e;
    private static final int GREEN = 0x2ca02c;

    @TempDir
    Path folder;

    /** A metrics.csv of 200 training steps logged every 10, a warm-up KL weight and 4 evaluations. */
    private Path metrics(boolean withEvaluation) throws IOException {
        StringBuilder csv = new StringBuilder("step,epoch,metric,value\n");
        for (int step = 10; step <= 200; step += 10) {
            int epoch = 1 + (step - 1) / 50;
            double recon = 200 + 300 * Math.exp(-step / 40.0);
            double kl = 25 * (1 - Math.exp(-step / 60.0));
            double weight = Math.min(1, step / 100.0);
            csv.append(String.format(Locale.ROOT, "%d,%d,train/loss,%f%n", step, epoch, recon + weight * kl));
            csv.append(String.format(Locale.ROOT, "%d,%d,train/recon,%f%n", step, epoch, recon));
            csv.append(String.format(Locale.ROOT, "%d,%d,train/kl,%f%n", step, epoch, kl));
            csv.append(String.format(Locale.ROOT, "%d,%d,kl/weight,%f%n", step, epoch, weight));
            csv.append(String.format(Locale.ROOT, "%d,%d,kl/capacity,0.0%n", step, epoch));
            if (withEvaluation && step % 50 == 0) {
                csv.append(String.format(Locale.ROOT, "%d,%d,time/epoch_seconds,3.5%n", step, epoch));
                csv.append(String.format(Locale.ROOT, "%d,%d,val/elbo,%f%n", step, epoch, -recon - kl - 3));
                csv.append(String.format(Locale.ROOT, "%d,%d,test/elbo,%f%n", step, epoch, -recon - kl - 4));
            }
        }
        csv.append("210,5,train/loss,NaN\n");
        return Files.writeString(folder.resolve("metrics.csv"), csv);
    }

    @Test
    void trainingCurvesDrawFourPanelsTwoToARow() throws IOException {
        Figure figure = TrainingCurves.figure(metrics(true)).orElseThrow();
        assertEquals(TrainingCurves.PATH, figure.path());
        BufferedImage image = FigureFiles.image(figure, folder);
        assertEquals(2 * TrainingCurves.PANEL_WIDTH, image.getWidth());
        assertEquals(2 * TrainingCurves.PANEL_HEIGHT, image.getHeight());
        assertTrue(FigureFiles.colours(image) > 50, "a drawing, not a blank");
        for (int colour : new int[] {BLUE, ORANGE}) {
            assertTrue(FigureFiles.hasColourOnWhite(image, colour, 255, 0), Integer.toHexString(colour));
        }
    }

    @Test
    void trainingCurvesLeaveOutPanelsWithoutData() throws IOException {
        BufferedImage trainingOnly = FigureFiles.image(TrainingCurves.figure(metrics(false)).orElseThrow(), folder);
        assertEquals(2 * TrainingCurves.PANEL_WIDTH, trainingOnly.getWidth());
        assertEquals(2 * TrainingCurves.PANEL_HEIGHT, trainingOnly.getHeight());
        BufferedImage evaluationOnly = FigureFiles.image(TrainingCurves.figure(Files.writeString(
                folder.resolve("eval.csv"), "step,epoch,metric,value\n50,1,val/elbo,-300.5\n100,2,val/elbo,-280.25\n"))
                .orElseThrow(), folder);
        assertEquals(TrainingCurves.PANEL_WIDTH, evaluationOnly.getWidth());
        assertEquals(TrainingCurves.PANEL_HEIGHT, evaluationOnly.getHeight());
        assertEquals(Optional.empty(), TrainingCurves.figure(folder.resolve("absent.csv")));
        assertEquals(Optional.empty(), TrainingCurves.figure(
                Files.writeString(folder.resolve("other.csv"), "step,epoch,metric,value\n1,1,time/epoch_seconds,2\n")));
    }

    @Test
    void aFileThatIsNotAMetricsTableIsAnError() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.csv"), "a,b\n1,2\n");
        assertThrows(IOException.class, () -> TrainingCurves.figure(bad));
    }

    @Test
    void latentScatterColoursEachClass() {
        DataShape shape = DataShape.image(1, 6, 5, ValueRange.UNIT_INTERVAL, 3);
        FigureInputs inputs = new FigureInputs(SmallVae.bernoulli(shape, 4), shape, SmallVae.images(shape, 300, true),
                new double[4], new SplittableRandom(1), folder.resolve("metrics.csv"));
        BufferedImage image = FigureFiles.image(LatentScatter.figure(inputs), folder);
        assertEquals(LatentScatter.WIDTH, image.getWidth());
        assertEquals(LatentScatter.HEIGHT, image.getHeight());
        for (int colour : new int[] {BLUE, ORANGE, GREEN}) {
            assertTrue(FigureFiles.hasColourOnWhite(image, colour, 140, 3), Integer.toHexString(colour));
        }
    }

    @Test
    void latentScatterWithoutLabelsHasOneColour() {
        DataShape shape = DataShape.image(1, 6, 5, ValueRange.UNIT_INTERVAL, 0);
        FigureInputs inputs = new FigureInputs(SmallVae.bernoulli(shape, 2), shape, SmallVae.images(shape, 300, false),
                new double[2], new SplittableRandom(1), folder.resolve("metrics.csv"));
        BufferedImage image = FigureFiles.image(LatentScatter.figure(inputs), folder);
        assertTrue(FigureFiles.hasColourOnWhite(image, BLUE, 140, 3));
        assertFalse(FigureFiles.hasColourOnWhite(image, ORANGE, 140, 30));
        assertFalse(FigureFiles.hasColourOnWhite(image, GREEN, 140, 30));
    }

    @Test
    void latentScatterOfTheSwissRollIsShadedByTheRollParameter() throws IOException {
        DataSplits roll = SmallVae.load("{type: swiss_roll, n: 600}");
        FigureInputs inputs = new FigureInputs(
                SmallVae.model(SmallVae.spec("{type: swiss_roll}", "{type: gaussian}", 2), roll.shape()), roll.shape(),
                roll.test(), new double[] {1, 2}, new SplittableRandom(1), folder.resolve("metrics.csv"));
        BufferedImage image = FigureFiles.image(LatentScatter.figure(inputs), folder);
        for (int bin : new int[] {0, 3, LatentScatter.ANNOTATION_BINS - 1}) {
            int colour = Charts.sequential((bin + 0.5) / LatentScatter.ANNOTATION_BINS, 255).getRGB() & 0xffffff;
            assertTrue(FigureFiles.hasColourOnWhite(image, colour, 140, 3), "bin " + bin);
        }
        assertFalse(FigureFiles.hasColourOnWhite(image, ORANGE, 140, 30), "no categorical colours");
    }

    @Test
    void swissRollGetsThreePairwisePanelsOfDataReconstructionsAndSamples() throws IOException {
        DataSplits roll = SmallVae.load("{type: swiss_roll, n: 600}");
        FigureInputs inputs = new FigureInputs(
                SmallVae.model(SmallVae.spec("{type: swiss_roll}", "{type: gaussian}", 2), roll.shape()), roll.shape(),
                roll.test(), new double[] {1, 2}, new SplittableRandom(1), metrics(true));
        assertEquals(List.of(DataScatter.PATH, LatentScatter.PATH, TrainingCurves.PATH, KlPerDimension.PATH),
                Figures.render(inputs).stream().map(Figure::path).toList());

        BufferedImage image = FigureFiles.image(DataScatter.figure(inputs), folder);
        assertEquals(3 * DataScatter.PANEL_WIDTH, image.getWidth());
        assertEquals(DataScatter.PANEL_HEIGHT, image.getHeight());
        for (int colour : new int[] {BLUE, ORANGE, GREEN}) {
            assertTrue(FigureFiles.hasColourOnWhite(image, colour, 110, 3), Integer.toHexString(colour));
        }
    }

    @Test
    void widerTablesGetThePairsOfTheirFirstFourFeatures() throws IOException {
        DataShape shape = new DataShape(List.of(5), ValueRange.REAL, 0);
        FigureInputs inputs = new FigureInputs(
                SmallVae.model(SmallVae.spec("{type: swiss_roll}", "{type: gaussian}", 3), shape), shape,
                new DataSplit(gaussian(200 * 5), null, 5), new double[3], new SplittableRandom(1),
                folder.resolve("metrics.csv"));
        BufferedImage image = FigureFiles.image(DataScatter.figure(inputs), folder);
        assertEquals(DataScatter.COLUMNS * DataScatter.PANEL_WIDTH, image.getWidth());
        assertEquals(2 * DataScatter.PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void aSingleFeatureGetsNoDataScatter() throws IOException {
        DataShape shape = new DataShape(List.of(1), ValueRange.REAL, 0);
        FigureInputs inputs = new FigureInputs(
                SmallVae.model(SmallVae.spec("{type: swiss_roll}", "{type: gaussian}", 2), shape), shape,
                new DataSplit(gaussian(50), null, 1), new double[2], new SplittableRandom(1),
                folder.resolve("metrics.csv"));
        assertEquals(List.of(LatentScatter.PATH, KlPerDimension.PATH),
                Figures.render(inputs).stream().map(Figure::path).toList());
    }

    /** A bar per dimension, wide enough for 40 of them; none where the KL per dimension is not defined. */
    @Test
    void theKlOfEachDimensionIsABarChart() throws IOException {
        double[] kl = new double[40];
        for (int d = 0; d < kl.length; d++) {
            kl[d] = d % 4 == 0 ? 0.01 : 2.0 + d / 10.0;
        }
        BufferedImage image = FigureFiles.image(KlPerDimension.figure(kl).orElseThrow(), folder);
        assertEquals(40 * 24, image.getWidth());
        assertTrue(FigureFiles.hasColourOnWhite(image, BLUE, 110, 3), "the bars");
        double[] undefined = kl.clone();
        undefined[3] = Double.NaN;
        assertTrue(KlPerDimension.figure(undefined).isEmpty());
    }

    private static float[] gaussian(int count) {
        SplittableRandom random = new SplittableRandom(2);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
