package org.vaelab.plugins.data.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.mnist.MnistConfig;
import org.vaelab.plugins.data.mnist.MnistDataset;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.testkit.DocumentedDefaults;
import org.vaelab.testkit.PythonLibraries;

/**
 * The same Fashion-MNIST images (Debian's {@code dataset-fashion-mnist}) loaded through
 * {@code mnist}, from the IDX files, and through {@code npy}, from an {@code .npz} archive NumPy
 * wrote of the arrays it read from those IDX files itself, give identical splits: every value and
 * every label, compared by digest, with each type's default validation (1/12 of 60,000).
 */
class FashionMnistThroughNpyTest {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    /** Reads the four gzipped IDX files with NumPy (header: 16 bytes for images, 8 for labels) and saves them. */
    private static final String SCRIPT = """
            import gzip, sys
            import numpy as np
            folder = sys.argv[1]
            def idx(name, offset):
                with gzip.open(folder + '/' + name + '.gz', 'rb') as f:
                    return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)
            np.savez('fashion.npz',
                     x_train=idx('train-images-idx3-ubyte', 16).reshape(-1, 28, 28),
                     y_train=idx('train-labels-idx1-ubyte', 8).astype(np.int64),
                     x_test=idx('t10k-images-idx3-ubyte', 16).reshape(-1, 28, 28),
                     y_test=idx('t10k-labels-idx1-ubyte', 8).astype(np.int64))
            """;

    @Test
    void identicalSplitsFromIdxAndFromNumPy(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isDirectory(FASHION), "apt-get install dataset-fashion-mnist to run this test");
        PythonLibraries.run(folder, SCRIPT, FASHION.toString());
        DataSplits idx = new MnistDataset(DocumentedDefaults.of(MnistConfig.class, Map.of()))
                .load(new LoadContext(folder, 1));
        DataSplits npy = new NpyDataset(DocumentedDefaults.of(NpyConfig.class, Map.of("path", "fashion.npz",
                "key", "x_train", "labels", "y_train", "testKey", "x_test", "testLabels", "y_test", "shuffle", false)))
                .load(new LoadContext(folder, 1));
        assertEquals(55_000, npy.train().size());
        assertEquals(5_000, npy.validation().size());
        assertEquals(10_000, npy.test().size());
        assertEquals(idx.shape(), npy.shape());
        assertEquals(NpyDatasetTest.digest(idx), NpyDatasetTest.digest(npy));
    }
}
