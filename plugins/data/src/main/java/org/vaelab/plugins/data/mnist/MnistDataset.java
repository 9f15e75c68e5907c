package org.vaelab.plugins.data.mnist;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.vaelab.plugins.data.grey.Dequantization;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;

/**
 * MNIST digits or Fashion-MNIST, in the IDX format of http://yann.lecun.com/exdb/mnist/ (gzipped
 * or not): the 60,000 training images, less the last {@code validation} of them (a count or a
 * fraction of the images left by {@code train_limit}), form the training split, those last ones
 * the validation split, and the 10,000 test images (up to {@code test_limit}) the test split; with
 * {@code classes}, only the images of those classes count, in every split. Grey levels may be
 * binarised or dequantized. The files are read from {@code path} or the variant's default folder;
 * with {@code download}, when those lack any of the four, from the cache, after downloading what
 * it lacks.
 */
public final class MnistDataset implements Dataset {

    /** The number of classes, labelled 0 to 9. */
    static final int CLASSES = 10;

    private final MnistConfig config;
    private final DownloadPolicy downloads;

    /** The dataset {@code config} describes, downloaded (when it asks to be) with the default patience. */
    public MnistDataset(MnistConfig config) {
        this(config, DownloadPolicy.DEFAULT);
    }

    MnistDataset(MnistConfig config, DownloadPolicy downloads) {
        this.config = config;
        this.downloads = downloads;
    }

    /** The variant's name: {@code mnist}, {@code fashion-mnist}. */
    @Override
    public Optional<String> name() {
        return Optional.of(config.variant().title().toLowerCase(Locale.ROOT));
    }

    /** Fashion-MNIST's ten classes (Xiao, Rasul and Vollgraf 2017, table 1); none for MNIST's digits. */
    @Override
    public List<String> classNames() {
        return config.variant().classNames();
    }

    @Override
    public DataSplits load(LoadContext context) throws IOException {
        MnistFiles files = files(context);
        LabelledImages train = kept(LabelledImages.read(files.trainImages(), files.trainLabels(), CLASSES));
        LabelledImages test = kept(LabelledImages.read(files.testImages(), files.testLabels(), CLASSES));
        if (test.rows() != train.rows() || test.cols() != train.cols()) {
            throw new InvalidInputException(test.source() + " holds " + test.rows() + "x" + test.cols()
                    + " images but " + train.source() + " holds " + train.rows() + "x" + train.cols());
        }
        int trainCount = limit(train.count(), config.trainLimit());
        int validationCount = config.validation().of(trainCount);
        if (validationCount >= trainCount) {
            throw new InvalidInputException("validation (" + config.validation()
                    + (config.validation().isFraction() ? ", " + validationCount + " images" : "")
                    + ") must be smaller than the " + trainCount + " training images used from " + train.source());
        }
        int fitCount = trainCount - validationCount;
        int testCount = limit(test.count(), config.testLimit());

        float[] fitFeatures = train.greyLevels(0, fitCount);
        float[] validationFeatures = train.greyLevels(fitCount, trainCount);
        float[] testFeatures = test.greyLevels(0, testCount);
        BatchTransform transform =
                config.binarize().apply(fitFeatures, validationFeatures, testFeatures, context.seed());
        Dequantization dequantize = config.dequantize();
        if (dequantize != Dequantization.NONE) {
            // One independent stream per split, so the test values do not depend on the validation size.
            SplittableRandom random = new SplittableRandom(context.seed());
            Dequantization.dequantizeInPlace(validationFeatures, random.split());
            Dequantization.dequantizeInPlace(testFeatures, random.split());
            transform = dequantize.trainTransform();
        }

        int width = train.imageSize();
        return new DataSplits(
                new DataSplit(fitFeatures, train.labels(0, fitCount), width),
                new DataSplit(validationFeatures, train.labels(fitCount, trainCount), width),
                new DataSplit(testFeatures, test.labels(0, testCount), width),
                dequantize.shape(DataShape.image(1, train.rows(), train.cols(), config.binarize().range(), CLASSES)),
                transform);
    }

    /** The images of the configured classes, all of them when none are configured. */
    private LabelledImages kept(LabelledImages images) {
        return config.classes() == null ? images : images.ofClasses(config.classes());
    }

    private MnistFiles files(LoadContext context) throws IOException {
        Optional<Path> local = localFolder(context);
        if (!config.download()) {
            return MnistFiles.locate(local.orElseThrow(), config.variant());
        }
        Optional<MnistFiles> found = local.flatMap(MnistFiles::find);
        if (found.isPresent()) {
            return found.get();
        }
        Path cache = DataCache.root(config.cache(), context.baseDirectory(), System.getenv(),
                        Path.of(System.getProperty("user.home")))
                .resolve("mnist").resolve(config.variant().name().toLowerCase(Locale.ROOT));
        new MnistDownloader(downloads).fetchMissing(cache, config.variant(), mirrors());
        return MnistFiles.locate(cache, config.variant());
    }

    /** The configured folder, relative to the spec's folder, or the variant's default one if it has one. */
    private Optional<Path> localFolder(LoadContext context) {
        return config.path() != null
                ? Optional.of(context.baseDirectory().resolve(config.path()).normalize())
                : config.variant().defaultFolder();
    }

    private List<URI> mirrors() {
        return config.mirrors() == null
                ? config.variant().mirrors()
                : config.mirrors().stream().map(MnistDownloader::mirror).toList();
    }

    private static int limit(int count, int limit) {
        return limit == 0 ? count : Math.min(count, limit);
    }
}
