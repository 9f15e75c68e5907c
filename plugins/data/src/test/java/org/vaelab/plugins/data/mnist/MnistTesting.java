package org.vaelab.plugins.data.mnist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;

/** Shared helpers: loading a dataset as the registered {@code mnist} type does, and writing IDX files. */
final class MnistTesting {

    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private MnistTesting() {
    }

    /** A Fashion-MNIST configuration (the variant only matters for the default folder and messages). */
    static MnistConfig config(String path, int validation, Binarization binarize, int trainLimit, int testLimit) {
        return new MnistConfig(MnistVariant.FASHION, path, validation, binarize, trainLimit, testLimit);
    }

    static DataSplits load(MnistConfig config, Path base, long seed) throws IOException {
        return new MnistDataset(config).load(new LoadContext(base, seed));
    }

    /** Writes an IDX file with an arbitrary magic number and header. */
    static void writeIdx(Path file, int magic, int[] dims, byte[] values) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4 * (1 + dims.length)).putInt(magic);
        for (int dim : dims) {
            header.putInt(dim);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            out.write(values);
        }
    }

    /** Replaces {@code file} by a gzipped copy named {@code file.gz}; returns the new path. */
    static Path gzip(Path file) throws IOException {
        Path gzipped = file.resolveSibling(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            Files.copy(file, out);
        }
        Files.delete(file);
        return gzipped;
    }
}
