package org.vaelab.plugins.data.binarized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.vaelab.plugins.data.InputProblems.assertProblem;
import static org.vaelab.plugins.data.SplitValues.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.testkit.DocumentedDefaults;
import org.vaelab.testkit.PythonLibraries;

/**
 * The {@code binarized_mnist} dataset on files in the published text format, written by NumPy as
 * the loaders of published code read them back ({@code numpy.savetxt(f, x, fmt='%d')}: one image
 * of 784 values 0 or 1 per line, separated by single spaces), plain and gzipped.
 */
class BinarizedMnistDatasetTest {

    /**
     * Writes 60 training, 20 validation and 15 test images of random bits, and each as a string of
     * digits into {@code images.json} (a file: more output than a pipe holds would stall the script).
     */
    private static final String SCRIPT = """
            import gzip, json, os, shutil
            import numpy as np
            rng = np.random.default_rng(7)
            sizes = {'train': 60, 'valid': 20, 'test': 15}
            images = {}
            os.makedirs('plain')
            os.makedirs('gzipped')
            for split, n in sizes.items():
                x = (rng.random((n, 784)) < 0.3).astype(np.uint8)
                images[split] = [''.join(map(str, row)) for row in x]
                name = 'binarized_mnist_' + split + '.amat'
                np.savetxt('plain/' + name, x, fmt='%d')
                with open('plain/' + name, 'rb') as f, gzip.open('gzipped/' + name + '.gz', 'wb') as g:
                    shutil.copyfileobj(f, g)
            with open('images.json', 'w') as f:
                json.dump(images, f)
            """;

    @TempDir
    static Path folder;
    static JsonNode images;

    @BeforeAll
    static void writeFiles() throws IOException {
        PythonLibraries.run(folder, SCRIPT);
        images = new ObjectMapper().readTree(folder.resolve("images.json").toFile());
    }

    private static DataSplits load(Map<String, ?> options) throws IOException, ReflectiveOperationException {
        return new BinarizedMnistDataset(DocumentedDefaults.of(BinarizedMnistConfig.class, options))
                .load(new LoadContext(folder, 1));
    }

    @Test
    void eachFileIsItsSplitKeptAsBits() throws Exception {
        for (String path : List.of("plain", "gzipped")) {
            DataSplits splits = load(Map.of("path", path));
            assertEquals(List.of(1, 28, 28), splits.shape().dims());
            assertEquals(ValueRange.BINARY, splits.shape().range());
            assertEquals(0, splits.shape().classes());
            assertSame(BatchTransform.IDENTITY, splits.trainTransform());
            assertFalse(splits.train().hasLabels());
            assertArrayEquals(bits(images.get("train"), 0, 60), features(splits.train()), path);
            assertArrayEquals(bits(images.get("valid"), 0, 20), features(splits.validation()), path);
            assertArrayEquals(bits(images.get("test"), 0, 15), features(splits.test()), path);
        }
    }

    @Test
    void theValidImagesCanTrainToo() throws Exception {
        DataSplits splits = load(Map.of("path", "plain", "valid", ValidSplit.TRAIN));
        assertEquals(80, splits.train().size());
        assertEquals(0, splits.validation().size());
        assertArrayEquals(bits(images.get("train"), 0, 60), features(splits.train(), 0, 60));
        assertArrayEquals(bits(images.get("valid"), 0, 20), features(splits.train(), 60, 80));
    }

    @Test
    void limitsTakeTheFirstImages() throws Exception {
        DataSplits splits = load(Map.of("path", "plain", "trainLimit", 25, "testLimit", 4));
        assertEquals(List.of(25, 20, 4), List.of(splits.train().size(), splits.validation().size(),
                splits.test().size()));
        assertArrayEquals(bits(images.get("test"), 0, 4), features(splits.test()));
    }

    @Test
    void linesThatAreNotImagesAreRefusedByLine() throws Exception {
        Path bad = Files.createDirectories(folder.resolve("bad"));
        for (String split : List.of("train", "valid", "test")) {
            Files.copy(folder.resolve("plain/binarized_mnist_" + split + ".amat"),
                    bad.resolve("binarized_mnist_" + split + ".amat"));
        }
        Path train = bad.resolve("binarized_mnist_train.amat");
        List<String> lines = Files.readAllLines(train);
        write(train, lines.get(0), lines.get(1).substring(2));
        assertProblem(() -> load(Map.of("path", "bad")), "binarized_mnist_train.amat, line 2 holds 783 values",
                "holds 784");
        write(train, lines.get(0), lines.get(1) + " 1");
        assertProblem(() -> load(Map.of("path", "bad")), "line 2 holds more than 784 values");
        write(train, "2" + lines.get(0).substring(1));
        assertProblem(() -> load(Map.of("path", "bad")), "line 1, value 1: not 0 or 1");
        write(train, "0.5" + lines.get(0).substring(1));
        assertProblem(() -> load(Map.of("path", "bad")), "line 1, value 1: not 0 or 1");
        write(train, "", "  ");
        assertProblem(() -> load(Map.of("path", "bad")), "binarized_mnist_train.amat holds no images");
        write(train, lines.get(0).replace(' ', '\t') + "\r", "", lines.get(1) + "   ");
        DataSplits tolerant = load(Map.of("path", "bad"));
        assertEquals(2, tolerant.train().size(), "tabs, CR LF, trailing spaces and blank lines are read");
        assertArrayEquals(bits(images.get("train"), 0, 2), features(tolerant.train()));
        Files.delete(bad.resolve("binarized_mnist_test.amat"));
        assertProblem(() -> load(Map.of("path", "bad")), "binarized_mnist_test.amat not found, nor "
                + "binarized_mnist_test.amat.gz", BinarizedMnistDataset.SOURCE);
        assertProblem(() -> load(Map.of("path", "nowhere")), "nowhere does not exist", BinarizedMnistDataset.SOURCE);
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static float[] bits(JsonNode rows, int from, int to) {
        float[] values = new float[(to - from) * 784];
        for (int i = from; i < to; i++) {
            String row = rows.get(i).asText();
            for (int k = 0; k < 784; k++) {
                values[(i - from) * 784 + k] = row.charAt(k) - '0';
            }
        }
        return values;
    }
}
