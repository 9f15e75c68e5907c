package org.vaelab.plugins.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaelab.plugins.data.SplitValues.features;
import static org.vaelab.plugins.data.SplitValues.labels;
import static org.vaelab.plugins.data.mnist.MnistTesting.TEST_IMAGES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TEST_LABELS;
import static org.vaelab.plugins.data.mnist.MnistTesting.TRAIN_IMAGES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TRAIN_LABELS;
import static org.vaelab.plugins.data.mnist.MnistTesting.config;
import static org.vaelab.plugins.data.mnist.MnistTesting.load;
import static org.vaelab.plugins.data.mnist.SyntheticMnist.COLS;
import static org.vaelab.plugins.data.mnist.SyntheticMnist.ROWS;
import static org.vaelab.plugins.data.mnist.SyntheticMnist.TEST;
import static org.vaelab.plugins.data.mnist.SyntheticMnist.TEST_OFFSET;
import static org.vaelab.plugins.data.mnist.SyntheticMnist.TRAIN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.InputProblems;
import org.vaelab.spi.data.DataSplits;

/** Loading a small generated dataset, and every way its files can be wrong. */
class SyntheticMnistTest {

    private static final int PIXELS = ROWS * COLS;

    @TempDir
    Path base;
    private Path folder;

    @BeforeEach
    void writeDataset() throws IOException {
        folder = Files.createDirectory(base.resolve("mnist"));
        SyntheticMnist.write(folder);
    }

    @Test
    void loadsImagesOfTheSizeInTheHeaderFromAFolderRelativeToTheBase() throws IOException {
        DataSplits splits = load(config("mnist", 5, Binarization.NONE, 0, 0), base, 1);
        assertEquals(List.of(1, ROWS, COLS), splits.shape().dims());
        assertEquals(TRAIN - 5, splits.train().size());
        assertEquals(5, splits.validation().size());
        assertEquals(TEST, splits.test().size());
        assertEquals(SyntheticMnist.grey(0, 0), features(splits.train())[0]);
        assertEquals(SyntheticMnist.grey((TRAIN - 5) * PIXELS, 0), features(splits.validation())[0]);
        float[] test = features(splits.test());
        for (int i = 0; i < test.length; i++) {
            assertEquals(SyntheticMnist.grey(i, TEST_OFFSET), test[i]);
        }
        assertArrayEquals(new int[] {5, 6, 7, 8, 9}, labels(splits.validation()));
    }

    @Test
    void gzippedFilesLoadLikePlainOnes() throws IOException {
        DataSplits plain = load(config(folder.toString(), 5, Binarization.NONE, 0, 0), base, 1);
        for (String name : MnistTesting.NAMES) {
            MnistTesting.gzip(folder.resolve(name));
        }
        DataSplits gzipped = load(config(folder.toString(), 5, Binarization.NONE, 0, 0), base, 1);
        assertArrayEquals(features(plain.train()), features(gzipped.train()));
        assertArrayEquals(features(plain.test()), features(gzipped.test()));
        assertArrayEquals(labels(plain.test()), labels(gzipped.test()));
    }

    @Test
    void limitsBeyondTheFileUseEveryImage() throws IOException {
        DataSplits splits = load(config("mnist", 5, Binarization.NONE, 1000, 1000), base, 1);
        assertEquals(TRAIN - 5, splits.train().size());
        assertEquals(TEST, splits.test().size());
    }

    @Test
    void validationCannotTakeEveryTrainingImage() {
        InputProblems.assertProblem(() -> load(config("mnist", TRAIN, Binarization.NONE, 0, 0), base, 1),
                TRAIN_IMAGES, "validation (20) must be smaller than the 20 training images");
    }

    @Test
    void truncatedImageFile() throws IOException {
        SyntheticMnist.writeImages(folder.resolve(TRAIN_IMAGES), TRAIN, ROWS, COLS,
                SyntheticMnist.pixels(TRAIN * PIXELS - 7, 0));
        assertProblem(TRAIN_IMAGES, "is truncated: expected 240 bytes of pixels after the header, found 233");
    }

    @Test
    void truncatedHeader() throws IOException {
        Files.write(folder.resolve(TEST_LABELS), new byte[] {0, 0, 8, 1, 0, 0});
        assertProblem(TEST_LABELS, "is truncated: expected a 8-byte IDX header, found 6 bytes");
    }

    @Test
    void truncatedGzipStream() throws IOException {
        Path gzipped = MnistTesting.gzip(folder.resolve(TRAIN_IMAGES));
        byte[] bytes = Files.readAllBytes(gzipped);
        Files.write(gzipped, Arrays.copyOf(bytes, bytes.length / 2));
        assertProblem(TRAIN_IMAGES + ".gz", "is a corrupt or truncated gzip stream");
    }

    @Test
    void extraDataAfterTheImages() throws IOException {
        SyntheticMnist.writeImages(folder.resolve(TEST_IMAGES), TEST, ROWS, COLS,
                SyntheticMnist.pixels(TEST * PIXELS + 1, TEST_OFFSET));
        assertProblem(TEST_IMAGES, "has data after the 96 bytes of pixels its header declares");
    }

    @Test
    void wrongMagicNumber() throws IOException {
        MnistTesting.writeIdx(folder.resolve(TRAIN_LABELS), 0x803, new int[] {TRAIN, 1, 1},
                SyntheticMnist.labels(TRAIN));
        assertProblem(TRAIN_LABELS, "magic number 0x00000803, expected 0x00000801");
    }

    @Test
    void imageAndLabelCountsDiffer() throws IOException {
        SyntheticMnist.writeLabels(folder.resolve(TEST_LABELS), SyntheticMnist.labels(TEST - 1));
        assertProblem(TEST_IMAGES, "holds 8 images but", TEST_LABELS, "holds 7 labels");
    }

    @Test
    void labelOutsideTheTenClasses() throws IOException {
        byte[] labels = SyntheticMnist.labels(TRAIN);
        labels[3] = 10;
        SyntheticMnist.writeLabels(folder.resolve(TRAIN_LABELS), labels);
        assertProblem(TRAIN_LABELS, "label 10 of image 3 is outside 0..9");
    }

    @Test
    void emptyImages() throws IOException {
        SyntheticMnist.writeImages(folder.resolve(TEST_IMAGES), TEST, 0, COLS, new byte[0]);
        assertProblem(TEST_IMAGES, "images of 0x3 pixels are not usable");
    }

    @Test
    void testImagesOfAnotherSize() throws IOException {
        SyntheticMnist.writeImages(folder.resolve(TEST_IMAGES), TEST, COLS, ROWS,
                SyntheticMnist.pixels(TEST * PIXELS, TEST_OFFSET));
        assertProblem(TEST_IMAGES, "holds 3x4 images but", TRAIN_IMAGES, "holds 4x3");
    }

    @Test
    void missingFolder() {
        InputProblems.assertProblem(() -> load(config("elsewhere", 5, Binarization.NONE, 0, 0), base, 1),
                base.resolve("elsewhere").toString(), "does not exist", TRAIN_IMAGES, TEST_LABELS,
                "apt-get install dataset-fashion-mnist");
    }

    @Test
    void folderIsAFile() {
        InputProblems.assertProblem(() -> load(config("mnist/" + TRAIN_IMAGES, 5, Binarization.NONE, 0, 0), base, 1),
                TRAIN_IMAGES, "is not a directory");
    }

    @Test
    void missingFile() throws IOException {
        Files.delete(folder.resolve(TEST_LABELS));
        assertProblem(TEST_LABELS, "not found", TEST_LABELS + ".gz");
    }

    @Test
    void missingDigitsFileSaysWhereToGetThem() throws IOException {
        Files.delete(folder.resolve(TRAIN_IMAGES));
        MnistConfig digits = new MnistConfig(MnistVariant.DIGITS, "mnist", 5, Binarization.NONE, 0, 0);
        InputProblems.assertProblem(() -> load(digits, base, 1), TRAIN_IMAGES, "not found", "MNIST folder",
                "set download: true", "https://ossci-datasets.s3.amazonaws.com/mnist/");
    }

    @Test
    void aDirectoryReadAsAnIdxFileIsBadInput() {
        InputProblems.assertProblem(() -> IdxReader.read(folder, 1, "labels"),
                folder + " is a directory, not an IDX file");
    }

    @Test
    void anUnreadableFile() throws IOException {
        Path labels = folder.resolve(TRAIN_LABELS);
        Files.setPosixFilePermissions(labels, Set.of());
        Assumptions.assumeFalse(Files.isReadable(labels), "root reads any file");
        assertProblem(TRAIN_LABELS, "cannot be read: permission denied");
    }

    /** Loading the generated folder fails with a message containing every fragment. */
    private void assertProblem(String... fragments) {
        InputProblems.assertProblem(() -> load(config("mnist", 5, Binarization.NONE, 0, 0), base, 1), fragments);
    }
}
