package org.vaelab.plugins.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaelab.testkit.PythonLibraries;
import org.vaelab.testkit.contract.DatasetContract;

/**
 * Every dataset of this plugin passes the testkit's dataset contract: mnist on a slice of Debian's
 * Fashion-MNIST, the Swiss roll, csv on a small table of this module's test resources, images
 * and hdf5 on a slice of Fashion-MNIST written as PNG and HDF5 ({@link FashionFiles}), and npy
 * and binarized_mnist on small files NumPy writes for them.
 */
class DatasetContractsTest {

    /** NumPy's files: grey images with labels and a test array; three .amat files of random bits. */
    private static final String SCRIPT = """
            import os
            import numpy as np
            rng = np.random.default_rng(3)
            np.savez_compressed('arrays.npz', x=rng.integers(0, 256, (120, 8, 8), dtype=np.uint8),
                                y=rng.integers(0, 5, 120), x_test=rng.integers(0, 256, (30, 8, 8), dtype=np.uint8),
                                y_test=rng.integers(0, 5, 30))
            os.makedirs('amat')
            for split, n in (('train', 50), ('valid', 10), ('test', 10)):
                np.savetxt('amat/binarized_mnist_' + split + '.amat', (rng.random((n, 784)) < 0.2).astype(int),
                           fmt='%d')
            """;

    private static Path numpyFiles;

    /** The folder of NumPy's files, written once. */
    private static synchronized Path numpyFiles() {
        if (numpyFiles == null) {
            try {
                Path folder = Files.createTempDirectory("dataset-contracts");
                PythonLibraries.run(folder, SCRIPT);
                numpyFiles = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return numpyFiles;
    }

    @Nested
    class FashionMnist extends DatasetContract {
        FashionMnist() {
            super("mnist", Map.of("variant", "fashion", "path", "/usr/share/datasets/fashion-mnist", "train_limit", 600,
                    "validation", 100, "test_limit", 100));
        }
    }

    @Nested
    class FashionMnistDequantizedOnATwelfth extends DatasetContract {
        FashionMnistDequantizedOnATwelfth() {
            super("mnist", Map.of("variant", "fashion", "path", "/usr/share/datasets/fashion-mnist", "train_limit", 600,
                    "validation", "1/12", "test_limit", 100, "dequantize", "uniform"));
        }
    }

    @Nested
    class SwissRoll extends DatasetContract {
        SwissRoll() {
            super("swiss_roll", Map.of("n", 500));
        }
    }

    @Nested
    class Images extends DatasetContract {
        Images() {
            super("images", Map.of("path", "png/train", "channels", 1, "height", 28, "width", 28, "labels", "folders",
                    "validation", 50, "test", 50));
        }

        @Override
        protected Path baseDirectory() {
            return fashionFiles();
        }
    }

    @Nested
    class Hdf5 extends DatasetContract {
        Hdf5() {
            super("hdf5", Map.of("path", "fashion-mnist.h5", "features", "train/images", "labels", "train/labels",
                    "validation", 50, "test_features", "test/images", "test_labels", "test/labels"));
        }

        @Override
        protected Path baseDirectory() {
            return fashionFiles();
        }
    }

    private static Path fashionFiles() {
        try {
            return FashionFiles.folder();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class Sprites extends DatasetContract {
        Sprites() {
            super("sprites", Map.of("n", 300, "scale_stride", 2, "orientation_stride", 4));
        }
    }

    @Nested
    class Csv extends DatasetContract {
        Csv() {
            super("csv", Map.of("path", "src/test/resources/contract/shapes.csv", "label_column", "kind"));
        }
    }

    @Nested
    class NpyWithATestArray extends DatasetContract {
        NpyWithATestArray() {
            super("npy", Map.of("path", "arrays.npz", "key", "x", "labels", "y", "test_key", "x_test",
                    "test_labels", "y_test", "dequantize", "uniform"));
        }

        @Override
        protected Path baseDirectory() {
            return numpyFiles();
        }
    }

    @Nested
    class NpyOneArraySplitThreeWays extends DatasetContract {
        NpyOneArraySplitThreeWays() {
            super("npy", Map.of("path", "arrays.npz", "key", "x", "validation", 0.2, "test", 20));
        }

        @Override
        protected Path baseDirectory() {
            return numpyFiles();
        }
    }

    @Nested
    class BinarizedMnist extends DatasetContract {
        BinarizedMnist() {
            super("binarized_mnist", Map.of("path", "amat"));
        }

        @Override
        protected Path baseDirectory() {
            return numpyFiles();
        }
    }
}
