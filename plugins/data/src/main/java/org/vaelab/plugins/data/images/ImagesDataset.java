package org.vaelab.plugins.data.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.IntStream;
import org.vaelab.plugins.data.ClassTable;
import org.vaelab.plugins.data.heldout.HeldOutSplits;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;

/**
 * A folder of PNG and JPEG images, grey or RGB, each decoded once, resized and centre-cropped to
 * one size, and kept as one unsigned byte per value, one array per image ({@link DataSplit#ofByteRows}),
 * so that CelebA's 202,599 RGB images of 64x64 take 2.5 GB.
 * The images of {@code path}, sorted by path, are shuffled with the seed ({@link HeldOutSplits});
 * {@code validation} of them form the validation split, and the test split is either {@code test}
 * more of them or every image of {@code test_path}, in path order.
 * Images decode in parallel, each into its own place, so the data does not depend on the number
 * of threads. With {@code labels: folders} the subfolders are the classes, whose names the run
 * keeps in {@code data/classes.csv}.
 */
public final class ImagesDataset implements Dataset {

    private final ImagesConfig config;

    public ImagesDataset(ImagesConfig config) {
        this.config = config;
    }

    @Override
    public DataSplits load(LoadContext context) throws IOException {
        Path root = context.baseDirectory().resolve(config.path()).normalize();
        ImageFolder pool = ImageFolder.scan(root, config.extensions(), config.labels());
        HeldOutSplits parts = HeldOutSplits.draw(pool.count(), config.validation().of(pool.count()),
                config.heldOutTest(pool.count()), context.seed(), root.toString());
        ImageDecoder decoder = new ImageDecoder(config.channels(), config.height(), config.width(),
                config.crop() == null ? 0 : config.crop());
        byte[][] images = decode(decoder, pool);
        DataSplit test;
        if (config.testPath() == null) {
            test = split(pool, images, parts.test());
        } else {
            ImageFolder testFolder = pool.sameLayout(context.baseDirectory().resolve(config.testPath()).normalize(),
                    config.extensions());
            test = split(testFolder, decode(decoder, testFolder), IntStream.range(0, testFolder.count()).toArray());
        }
        int classes = pool.classes().size();
        return new DataSplits(split(pool, images, parts.train()), split(pool, images, parts.validation()), test,
                DataShape.image(config.channels(), config.height(), config.width(), ValueRange.UNIT_INTERVAL,
                        classes),
                BatchTransform.IDENTITY, classes == 0 ? Map.of() : Map.of(ClassTable.FILE,
                        ClassTable.csv(pool.classes())));
    }

    /**
     * Decodes every image of {@code folder}, in parallel, each into its own array; when some do not
     * decode, reports the first of them in path order.
     */
    private static byte[][] decode(ImageDecoder decoder, ImageFolder folder) throws IOException {
        byte[][] images = new byte[folder.count()][decoder.size()];
        Map<Integer, RuntimeException> failures = new ConcurrentSkipListMap<>();
        IntStream.range(0, images.length).parallel().forEach(i -> {
            try {
                decoder.decode(folder.files().get(i), images[i]);
            } catch (IOException e) {
                failures.put(i, new UncheckedIOException(e));
            } catch (RuntimeException e) {
                failures.put(i, e);
            }
        });
        if (!failures.isEmpty()) {
            RuntimeException first = failures.values().iterator().next();
            if (first instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw first;
        }
        return images;
    }

    /**
     * The split of images {@code indices} of {@code folder} (which holds at least one image), in
     * that order, sharing their arrays.
     */
    private static DataSplit split(ImageFolder folder, byte[][] images, int[] indices) {
        byte[][] rows = new byte[indices.length][];
        int[] labels = folder.classes().isEmpty() ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = images[indices[i]];
            if (labels != null) {
                labels[i] = folder.label(indices[i]);
            }
        }
        return DataSplit.ofByteRows(rows, labels, images[0].length);
    }
}
