package org.vaelab.plugins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.hdf5.Hdf5Config;
import org.vaelab.plugins.data.hdf5.Hdf5Dataset;
import org.vaelab.plugins.data.images.ImageLabels;
import org.vaelab.plugins.data.images.ImagesConfig;
import org.vaelab.plugins.data.images.ImagesDataset;
import org.vaelab.plugins.data.mnist.Binarization;
import org.vaelab.plugins.data.mnist.MnistConfig;
import org.vaelab.plugins.data.mnist.MnistDataset;
import org.vaelab.plugins.data.mnist.MnistVariant;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;

/**
 * The same Fashion-MNIST images read through {@code mnist} (the IDX files), {@code images} (PNGs
 * Pillow wrote from them, one folder per label) and {@code hdf5} (arrays h5py wrote) are the same
 * rows to the bit, with the same labels: the test splits of all three (the PNG folder in path
 * order, that is by label), and the shuffled training and validation splits of {@code images} and
 * {@code hdf5}, whose training pools are in the same order.
 */
class SameImagesInThreeFormatsTest {

    private static final long SEED = 11;
    private static final int VALIDATION = 50;

    @Test
    void mnistImagesAndHdf5HoldTheSameRows() throws Exception {
        LoadContext context = new LoadContext(FashionFiles.folder(), SEED);
        DataSplits idx = new MnistDataset(new MnistConfig(MnistVariant.FASHION, FashionFiles.IDX.toString(),
                VALIDATION, Binarization.NONE, FashionFiles.TRAIN, FashionFiles.TEST)).load(context);
        DataSplits png = new ImagesDataset(new ImagesConfig("png/train", null, 1, 28, 28, null, ImageLabels.FOLDERS,
                SplitSize.count(VALIDATION), null, "png/test")).load(context);
        DataSplits h5 = new Hdf5Dataset(new Hdf5Config("fashion-mnist.h5", "train/images", "train/labels",
                SplitSize.count(VALIDATION), null, "test/images", "test/labels", null, null)).load(context);

        assertEquals(idx.shape(), png.shape());
        assertEquals(idx.shape(), h5.shape());
        assertEquals(digest(idx.test()), digest(h5.test()), "hdf5 test split: the IDX test images in order");
        assertEquals(digest(byLabel(idx.test())), digest(png.test()), "images test split: the same, by label");
        assertNotEquals(digest(idx.test()), digest(png.test()), "the two orders differ, so the comparison means it");
        assertEquals(digest(png.train()), digest(h5.train()));
        assertEquals(digest(png.validation()), digest(h5.validation()));
        assertEquals(FashionFiles.TRAIN - VALIDATION, h5.train().size());
    }

    /** The examples of {@code split} in a stable order of their labels, as a folder per label sorts them. */
    private static DataSplit byLabel(DataSplit split) {
        int[] labels = SplitValues.labels(split);
        List<Integer> order = IntStream.range(0, split.size()).boxed()
                .sorted(Comparator.comparingInt(i -> labels[i])).toList();
        float[] values = SplitValues.features(split);
        float[] sorted = new float[values.length];
        int[] sortedLabels = new int[labels.length];
        int width = split.width();
        for (int i = 0; i < order.size(); i++) {
            System.arraycopy(values, order.get(i) * width, sorted, i * width, width);
            sortedLabels[i] = labels[order.get(i)];
        }
        return new DataSplit(sorted, sortedLabels, width);
    }

    private static String digest(DataSplit split) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        split.updateDigest(digest);
        return HexFormat.of().formatHex(digest.digest());
    }
}
