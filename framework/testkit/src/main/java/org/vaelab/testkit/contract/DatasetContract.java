package org.vaelab.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;

/**
 * The contract of a dataset type: the checks of {@link ComponentContract}; three non-empty splits
 * whose examples have the declared shape, with labels exactly when the shape declares classes,
 * each label one of them; and the same data, to the bit, when loaded twice with the same seed. A
 * plugin's test extends it in one line:
 * <pre>{@code
 * class MyContractTest extends DatasetContract { MyContractTest() { super("my_type", Map.of("path", "t.csv")); } }
 * }</pre>
 */
public abstract class DatasetContract extends ComponentContract<Dataset> {

    private static final long SEED = 7;

    /**
     * @param type the YAML type name
     * @param options options to test it with, by YAML key; every required one must be given;
     *     relative paths resolve against {@link #baseDirectory()}
     */
    protected DatasetContract(String type, Map<String, ?> options) {
        super(Family.DATASET, type, options);
    }

    /**
     * The folder relative paths in the options resolve against, as a spec's folder; the working directory by default.
     */
    protected Path baseDirectory() {
        return Path.of("").toAbsolutePath();
    }

    @Test
    void loadsThreeNonEmptySplitsOfItsShapeWithLabelsOfItsClasses() throws IOException {
        DataSplits data = load();
        int classes = data.shape().classes();
        for (DataSplit split : new DataSplit[] {data.train(), data.validation(), data.test()}) {
            assertTrue(split.size() > 0, "every split has examples");
            assertEquals(data.shape().size(), split.width(), "values per example");
            assertEquals(classes > 0, split.hasLabels(), "labels exactly when the shape declares classes: " + classes);
            for (int i = 0; i < split.size() && split.hasLabels(); i++) {
                int label = split.label(i).orElseThrow();
                assertTrue(label >= 0 && label < classes,
                        "label " + label + " of example " + i + " is one of " + classes);
            }
        }
    }

    @Test
    void theSameSeedLoadsTheSameData() throws IOException, NoSuchAlgorithmException {
        assertEquals(digest(load()), digest(load()));
    }

    private DataSplits load() throws IOException {
        return component().load(new LoadContext(baseDirectory(), SEED));
    }

    private static String digest(DataSplits splits) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        splits.train().updateDigest(digest);
        splits.validation().updateDigest(digest);
        splits.test().updateDigest(digest);
        return HexFormat.of().formatHex(digest.digest());
    }
}
