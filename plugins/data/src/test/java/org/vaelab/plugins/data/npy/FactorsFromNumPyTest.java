package org.vaelab.plugins.data.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.SplitValues.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Factor;
import org.vaelab.spi.data.FactorTable;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.testkit.DocumentedDefaults;
import org.vaelab.testkit.PythonLibraries;

/**
 * Ground-truth factors read with the {@code npy} dataset from an archive NumPy wrote in dSprites'
 * layout (Matthey et al. 2017: {@code imgs}, {@code latents_values}, {@code latents_classes} and a
 * pickled {@code metadata}), on a smaller grid; and uint8 examples that turn from binary to grey.
 */
class FactorsFromNumPyTest {

    /**
     * dSprites' layout on a grid of 3 shapes, 6 scales, 2 orientations and 4 x 4 positions; each
     * image's first ten pixels hold its row in the file in binary, so a split's row tells which
     * file row it came from.
     */
    private static final String SCRIPT = """
            import itertools, json
            import numpy as np
            grid = [[1.0], [1.0, 2.0, 3.0], list(np.linspace(0.5, 1, 6)), [0.0, np.pi],
                    list(np.linspace(0, 1, 4)), list(np.linspace(0, 1, 4))]
            classes = np.array(list(itertools.product(*[range(len(g)) for g in grid])), dtype=np.int64)
            values = np.array([[grid[k][c] for k, c in enumerate(row)] for row in classes], dtype=np.float64)
            rng = np.random.default_rng(7)
            imgs = rng.integers(0, 2, size=(len(classes), 64, 64), dtype=np.uint8)
            for i in range(len(classes)):
                imgs[i, 0, :10] = [(i >> b) & 1 for b in range(10)]
            metadata = np.array({'description': 'test grid', 'latents_names': ('color', 'shape', 'scale',
                                 'orientation', 'posX', 'posY')}, dtype=object)
            np.savez_compressed('dsprites.npz', imgs=imgs, latents_values=values, latents_classes=classes,
                                metadata=metadata)
            np.save('short_classes.npy', classes[:-1])
            grey = rng.integers(0, 2, size=(12, 3, 4), dtype=np.uint8)
            grey[8:] = rng.integers(0, 256, size=(4, 3, 4), dtype=np.uint8)
            np.save('binary_then_grey.npy', grey)
            with open('arrays.json', 'w') as f:
                json.dump({'classes': classes.tolist(), 'values': values.tolist(), 'grey': grey.tolist()}, f)
            """;
    private static final List<String> NAMES = List.of("color", "shape", "scale", "orientation", "pos_x", "pos_y");

    @TempDir
    static Path folder;
    static JsonNode numpy;

    @BeforeAll
    static void writeFiles() throws IOException {
        PythonLibraries.run(folder, SCRIPT);
        numpy = new ObjectMapper().readTree(folder.resolve("arrays.json").toFile());
    }

    private static DataSplits load(Map<String, Object> options) throws Exception {
        return new NpyDataset(DocumentedDefaults.of(NpyConfig.class, options)).load(new LoadContext(folder, 3));
    }

    private static Map<String, Object> dsprites(String factors) {
        Map<String, Object> options = new HashMap<>(Map.of("path", "dsprites.npz", "key", "imgs", "factors", factors,
                "factorNames", NAMES));
        options.put("validation", SplitSize.count(50));
        options.put("test", SplitSize.count(100));
        return options;
    }

    @Test
    void everyShuffledImageKeepsTheFactorsOfItsRowInTheFile() throws Exception {
        DataSplits splits = load(dsprites("latents_classes"));
        assertEquals(ValueRange.BINARY, splits.shape().range(), "0/1 uint8 images are kept as bits");
        assertEquals(List.of(1, 64, 64), splits.shape().dims());
        int seen = 0;
        for (DataSplit split : List.of(splits.train(), splits.validation(), splits.test())) {
            FactorTable table = split.factors().orElseThrow();
            assertEquals(List.of("shape", "scale", "orientation", "pos_x", "pos_y"),
                    table.factors().stream().map(Factor::name).toList(), "colour, constant, is left out");
            assertEquals(List.of(3, 6, 2, 4, 4), table.factors().stream().map(Factor::size).toList());
            float[] images = features(split);
            for (int r = 0; r < split.size(); r++) {
                int fileRow = 0;
                for (int b = 0; b < 10; b++) {
                    fileRow |= Math.round(images[r * 4096 + b]) << b;
                }
                JsonNode classes = numpy.get("classes").get(fileRow);
                for (int k = 0; k < 5; k++) {
                    assertEquals(classes.get(k + 1).intValue(), table.index(r, k), "row " + r + " factor " + k);
                    assertEquals(classes.get(k + 1).intValue(), table.value(r, k), "a class is its own value");
                }
            }
            seen += split.size();
        }
        assertEquals(numpy.get("classes").size(), seen);
        assertEquals(426, splits.train().size(), "576 images less 50 and 100 held out");
    }

    @Test
    void valuesAndClassesGiveTheSameFactorIndices() throws Exception {
        FactorTable fromClasses = load(dsprites("latents_classes")).train().factors().orElseThrow();
        FactorTable fromValues = load(dsprites("latents_values")).train().factors().orElseThrow();
        for (int r = 0; r < fromClasses.size(); r++) {
            for (int k = 0; k < 5; k++) {
                assertEquals(fromClasses.index(r, k), fromValues.index(r, k));
                int fileClass = fromClasses.index(r, k);
                double fileValue = numpy.get("values").get(firstRowWith(k + 1, fileClass)).get(k + 1).doubleValue();
                assertEquals(fileValue, fromValues.value(r, k), 1e-12, "the value the file gives that class");
            }
        }
        assertArrayEquals(new double[] {0.5, 0.6, 0.7, 0.8, 0.9, 1.0}, fromValues.factors().get(1).values(), 1e-12);
        Map<String, Object> unnamed = dsprites("latents_classes");
        unnamed.remove("factorNames");
        assertEquals("factor_1", load(unnamed).train().factors().orElseThrow().factors().get(0).name());
    }

    /** The first file row whose column {@code column} holds class {@code value}. */
    private static int firstRowWith(int column, int value) {
        JsonNode classes = numpy.get("classes");
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).get(column).intValue() == value) {
                return i;
            }
        }
        throw new AssertionError("no row has class " + value + " in column " + column);
    }

    @Test
    void badFactorsAreRefusedSayingWhatIsWrong() {
        Map<String, Object> misnamed = dsprites("latents_classes");
        misnamed.put("factorNames", List.of("shape", "scale"));
        assertTrue(assertThrows(InvalidInputException.class, () -> load(misnamed)).getMessage()
                .contains("has 6 columns but factor_names names 2 (shape, scale)"));
        Map<String, Object> missing = dsprites("latents");
        assertTrue(assertThrows(InvalidInputException.class, () -> load(missing)).getMessage()
                .contains("holds no array 'latents'"));
        Map<String, Object> withTest = dsprites("latents_classes");
        withTest.put("testKey", "imgs");
        assertTrue(assertThrows(InvalidConfigException.class, () -> load(withTest)).getMessage()
                .contains("needs the test split held out"));
        Map<String, Object> shortFile = new HashMap<>(Map.of("path", "binary_then_grey.npy", "factors",
                "short_classes.npy"));
        assertTrue(assertThrows(InvalidInputException.class, () -> load(shortFile)).getMessage()
                .contains("holds factors of 575 examples but"));
    }

    @Test
    void examplesThatTurnGreyAreGreyLevelsAndTheBinaryOnesBeforeThemStayBits() throws Exception {
        Map<String, Object> options = new HashMap<>(Map.of("path", "binary_then_grey.npy", "shuffle", false));
        options.put("validation", SplitSize.count(2));
        options.put("test", SplitSize.count(2));
        DataSplits all = load(options);
        assertEquals(ValueRange.UNIT_INTERVAL, all.shape().range());
        float[] expected = NumPyFixtures.floats(numpy.get("grey"));
        float[] train = features(all.train());
        for (int i = 0; i < train.length; i++) {
            assertEquals(expected[i] / 255f, train[i], 0, "value " + i + " as a grey level");
        }
        options.put("trainLimit", 8);
        DataSplits binary = load(options);
        assertEquals(ValueRange.BINARY, binary.shape().range(), "the first 8 examples hold only 0 and 1");
        float[] bits = features(binary.train());
        for (int i = 0; i < bits.length; i++) {
            assertEquals(expected[i], bits[i], 0, "value " + i + " as a bit");
        }
    }
}
