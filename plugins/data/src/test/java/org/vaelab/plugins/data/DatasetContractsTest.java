package org.vaelab.plugins.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaelab.testkit.contract.DatasetContract;

/**
 * Every dataset of this plugin passes the testkit's dataset contract: mnist on a slice of Debian's
 * Fashion-MNIST, the Swiss roll, csv on a small table of this module's test resources, and images
 * and hdf5 on a slice of Fashion-MNIST written as PNG and HDF5 ({@link FashionFiles}).
 */
class DatasetContractsTest {

    @Nested
    class FashionMnist extends DatasetContract {
        FashionMnist() {
            super("mnist", Map.of("variant", "fashion", "path", "/usr/share/datasets/fashion-mnist", "train_limit", 600,
                    "validation", 100, "test_limit", 100));
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
}
