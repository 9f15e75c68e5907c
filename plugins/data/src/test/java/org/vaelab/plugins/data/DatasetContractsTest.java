package org.vaelab.plugins.data;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaelab.testkit.contract.DatasetContract;

/**
 * Every dataset of this plugin passes the testkit's dataset contract: mnist on a slice of Debian's
 * Fashion-MNIST, the Swiss roll, and csv on a small table of this module's test resources.
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
