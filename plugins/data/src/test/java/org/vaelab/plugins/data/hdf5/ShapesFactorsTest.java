package org.vaelab.plugins.data.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.vaelab.plugins.data.SplitValues;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Factor;
import org.vaelab.spi.data.FactorTable;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.testkit.DocumentedDefaults;
import org.vaelab.testkit.PythonLibraries;

/**
 * Ground-truth factors read with the {@code hdf5} dataset from a file h5py wrote in 3D Shapes'
 * layout (Burgess and Kim 2018: {@code images} uint8 [N, 64, 64, 3] and {@code labels} float64
 * [N, 6] of factor values), on a smaller grid and smaller images. Each image's first pixel holds
 * its row in the file (red the low byte, green the high one), so a split's row tells where it came
 * from.
 */
class ShapesFactorsTest {

    private static final String SCRIPT = """
            import itertools, json
            import h5py
            import numpy as np
            grid = [[0.0, 0.1], [0.0, 0.5], [0.3, 0.9], [0.75, 1.25], [0.0, 1.0, 2.0, 3.0], [-30.0, 0.0, 30.0]]
            labels = np.array(list(itertools.product(*grid)), dtype=np.float64)
            rng = np.random.default_rng(5)
            images = rng.integers(0, 256, size=(len(labels), 8, 8, 3), dtype=np.uint8)
            for i in range(len(labels)):
                images[i, 0, 0, 0] = i & 255
                images[i, 0, 0, 1] = i >> 8
            with h5py.File('3dshapes.h5', 'w') as f:
                f.create_dataset('images', data=images, compression='gzip', chunks=(64, 8, 8, 3))
                f['labels'] = labels
                f['names'] = np.array([b'floor_hue'])
            with open('labels.json', 'w') as f:
                json.dump(labels.tolist(), f)
            """;
    private static final List<String> NAMES =
            List.of("floor_hue", "wall_hue", "object_hue", "scale", "shape", "orientation");

    @TempDir
    static Path folder;
    static JsonNode labels;

    @BeforeAll
    static void writeFile() throws IOException {
        PythonLibraries.run(folder, SCRIPT);
        labels = new ObjectMapper().readTree(folder.resolve("labels.json").toFile());
    }

    private static DataSplits load(Map<String, Object> options) throws Exception {
        return new Hdf5Dataset(DocumentedDefaults.of(Hdf5Config.class, options)).load(new LoadContext(folder, 9));
    }

    private static Map<String, Object> shapes() {
        return new HashMap<>(Map.of("path", "3dshapes.h5", "features", "images", "factors", "labels",
                "factorNames", NAMES));
    }

    @Test
    void everyShuffledImageKeepsTheFactorValuesOfItsRowInTheFile() throws Exception {
        DataSplits splits = load(shapes());
        int seen = 0;
        for (DataSplit split : List.of(splits.train(), splits.validation(), splits.test())) {
            FactorTable table = split.factors().orElseThrow();
            assertEquals(NAMES, table.factors().stream().map(Factor::name).toList());
            assertEquals(List.of(2, 2, 2, 2, 4, 3), table.factors().stream().map(Factor::size).toList());
            float[] images = SplitValues.features(split);
            for (int r = 0; r < split.size(); r++) {
                int red = Math.round(images[r * 192] * 255);
                int green = Math.round(images[r * 192 + 64] * 255);
                JsonNode row = labels.get(red + (green << 8));
                for (int k = 0; k < NAMES.size(); k++) {
                    assertEquals(row.get(k).doubleValue(), table.value(r, k), 0, "row " + r + ", " + NAMES.get(k));
                }
            }
            seen += split.size();
        }
        assertEquals(labels.size(), seen);
    }

    @Test
    void badFactorsAreRefusedSayingWhatIsWrong() {
        Map<String, Object> notNumbers = shapes();
        notNumbers.put("factors", "names");
        notNumbers.remove("factorNames");
        String message = assertThrows(InvalidInputException.class, () -> load(notNumbers)).getMessage();
        assertTrue(message.contains("factors names has shape [1]; expected [192, F]"), message);
        Map<String, Object> unnamed = shapes();
        unnamed.remove("factors");
        assertTrue(assertThrows(InvalidConfigException.class, () -> load(unnamed)).getMessage()
                .contains("names the columns of factors, but factors is left out"));
    }
}
