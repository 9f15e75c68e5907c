package org.vaelab.plugins.data.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vaelab.plugins.data.InputProblems.assertProblem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.ExpectedRows;
import org.vaelab.plugins.data.SplitValues;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.testkit.DocumentedDefaults;
import org.vaelab.testkit.PythonLibraries;

/**
 * HDF5 files h5py wrote: uint8 images with and without channels, gzip-compressed and chunked,
 * float vectors, labels, a separate test set; each example compared with the array NumPy wrote
 * beside the file, and every kind of wrong file, name, dtype and shape named in one line.
 */
class H5pyFilesTest {

    private static final String WRITE = """
            import os
            import h5py
            import numpy as np
            rng = np.random.default_rng(3)
            rgb = rng.integers(0, 256, (10, 5, 4, 3), dtype=np.uint8)
            grey = rng.integers(0, 256, (10, 5, 4), dtype=np.uint8)
            labels = rng.integers(0, 4, 10)
            os.makedirs('rows')
            for i in range(10):
                rgb[i].transpose(2, 0, 1).tofile(f'rows/rgb{i}.chw')
                grey[i].tofile(f'rows/grey{i}.chw')
            with h5py.File('data.h5', 'w') as f:
                f['rgb'] = rgb
                f['grey'] = grey
                f.create_dataset('compressed/rgb', data=rgb, compression='gzip', shuffle=True, chunks=(3, 5, 4, 3))
                f['labels'] = labels.astype(np.int64)
                f['labels_column'] = labels.reshape(10, 1).astype(np.uint8)
                f['vectors'] = rng.normal(size=(10, 6)).astype(np.float32)
                f['unit'] = rng.random((10, 6))
                f['binary'] = (rng.random((10, 6)) > 0.5).astype(np.float32)
                f['test/rgb'] = rng.integers(0, 256, (3, 5, 4, 3), dtype=np.uint8)
                f['test/labels'] = np.array([0, 6, 1], dtype=np.int32)
                f['test/wide'] = rng.integers(0, 256, (3, 5, 5, 3), dtype=np.uint8)
                f['int16'] = rng.integers(0, 256, (10, 6)).astype(np.int16)
                f['flat'] = np.zeros(10, dtype=np.float32)
                f['rgba'] = rng.integers(0, 256, (10, 5, 4, 4), dtype=np.uint8)
                f['nan'] = np.full((10, 6), np.nan, dtype=np.float32)
                f['empty_rows'] = np.zeros((10, 0), dtype=np.uint8)
                f['big_labels'] = np.arange(10, dtype=np.uint64)
                f['vectors'][:].tofile('vectors.f32')
            with open('labels.txt', 'w') as out:
                out.write(' '.join(map(str, labels)))
            """;

    @TempDir
    static Path folder;

    @BeforeAll
    static void writeWithH5py() throws IOException {
        PythonLibraries.run(folder, WRITE);
    }

    @Test
    void channelsLastImagesAreKeptChannelsFirstWithTheirLabels() throws Exception {
        for (String name : List.of("rgb", "compressed/rgb")) {
            DataSplits data = load(Map.of("features", name, "labels", "labels", "validation", 2, "test", 3));
            assertEquals(new DataShape(List.of(3, 5, 4), ValueRange.UNIT_INTERVAL, labelCount()), data.shape());
            assertEquals(List.of(5, 2, 3), List.of(data.train().size(), data.validation().size(), data.test().size()));
            expected("rgb").assertHeldExactlyBy(List.of(data.train(), data.validation(), data.test()));
        }
    }

    @Test
    void greyImagesHaveOneChannelAndLabelsMayBeAColumn() throws Exception {
        DataSplits data = load(Map.of("features", "grey", "labels", "labels_column", "validation", 2, "test", 3));
        assertEquals(List.of(1, 5, 4), data.shape().dims());
        expected("grey").assertHeldExactlyBy(List.of(data.train(), data.validation(), data.test()));
    }

    @Test
    void floatVectorsAreKeptAsTheyAreWithTheRangeTheyTake() throws Exception {
        assertEquals(ValueRange.REAL, load(Map.of("features", "vectors", "validation", 1, "test", 1)).shape().range());
        assertEquals(ValueRange.UNIT_INTERVAL, load(Map.of("features", "unit", "validation", 1, "test", 1))
                .shape().range());
        assertEquals(ValueRange.BINARY, load(Map.of("features", "binary", "validation", 1, "test", 1))
                .shape().range());
        DataSplits data = load(Map.of("features", "vectors", "validation", 0, "test", 0));
        assertEquals(List.of(6), data.shape().dims());
        float[] written = new float[60];
        ByteBuffer.wrap(Files.readAllBytes(folder.resolve("vectors.f32"))).order(ByteOrder.nativeOrder())
                .asFloatBuffer().get(written);
        float[] loaded = SplitValues.features(data.train());
        Arrays.sort(written);
        Arrays.sort(loaded);
        assertEquals(Arrays.toString(written), Arrays.toString(loaded), "the same float32 values");
    }

    @Test
    void aSeparateTestSetIsTheTestSplitInItsOrder() throws Exception {
        DataSplits data = load(Map.of("features", "rgb", "labels", "labels", "validation", 2,
                "testFeatures", "test/rgb", "testLabels", "test/labels"));
        assertEquals(List.of(8, 2, 3), List.of(data.train().size(), data.validation().size(), data.test().size()));
        assertEquals(7, data.shape().classes(), "the largest label, 6, is in the test set");
        assertEquals(List.of(0, 6, 1), Arrays.stream(SplitValues.labels(data.test())).boxed().toList());
    }

    @Test
    void wrongFilesNamesDtypesAndShapesAreNamed() {
        Path file = folder.resolve("data.h5");
        assertProblem(() -> load("missing.h5", Map.of("features", "rgb")), folder.resolve("missing.h5").toString(),
                "does not exist");
        assertProblem(() -> load("rows/rgb0.chw", Map.of("features", "rgb")), "rows/rgb0.chw",
                "is not a readable HDF5 file");
        assertProblem(() -> load(Map.of("features", "images")), file + " has no dataset images",
                "its datasets: /big_labels, /binary, /compressed/rgb, /empty_rows");
        assertProblem(() -> load(Map.of("features", "compressed")), "compressed is a group, not a dataset");
        assertProblem(() -> load(Map.of("features", "int16")), "dataset int16 holds int16",
                "expected uint8 (levels read as v/255), float32 or float64");
        assertProblem(() -> load(Map.of("features", "flat")), "dataset flat has shape [10]", "expected [N, D]");
        assertProblem(() -> load(Map.of("features", "rgba")), "has shape [10, 5, 4, 4]", "with C 1 or 3");
        assertProblem(() -> load(Map.of("features", "nan", "validation", 1, "test", 1)), "holds NaN at flat index 0");
        assertProblem(() -> load(Map.of("features", "empty_rows")), "has shape [10, 0]",
                "every example needs at least one value");
        assertProblem(() -> load(Map.of("features", "grey", "labels", "big_labels")), "labels big_labels hold uint64");
        assertProblem(() -> load(Map.of("features", "rgb", "labels", "test/labels")),
                "labels test/labels have shape [3]; expected [10] or [10, 1]");
        assertProblem(() -> load(Map.of("features", "grey", "labels", "vectors")), "labels vectors have shape [10, 6]");
        assertProblem(() -> load(Map.of("features", "rgb", "labels", "unit")), "expected [10] or [10, 1]");
        assertProblem(() -> load(Map.of("features", "rgb", "validation", 2, "testFeatures", "test/wide")),
                "test examples test/wide have shape [3, 5, 5] but examples rgb have [3, 5, 4]");
        assertProblem(() -> load(Map.of("features", "rgb", "validation", 5, "test", 5)),
                "holds 10 examples, which leaves none to train on");
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertEquals("test", assertThrows(InvalidConfigException.class,
                () -> config("f.h5", Map.of("features", "x", "test", 1, "testFeatures", "y"))).key());
        assertEquals("test_labels", assertThrows(InvalidConfigException.class,
                () -> config("f.h5", Map.of("features", "x", "testLabels", "y"))).key());
        assertEquals("test_labels", assertThrows(InvalidConfigException.class,
                () -> config("f.h5", Map.of("features", "x", "labels", "l", "testFeatures", "y"))).key());
    }

    /** The labels h5py wrote, as NumPy printed them. */
    private static int[] labels() throws IOException {
        return Arrays.stream(Files.readString(folder.resolve("labels.txt")).strip().split(" "))
                .mapToInt(Integer::parseInt).toArray();
    }

    private static int labelCount() throws IOException {
        return Arrays.stream(labels()).max().orElseThrow() + 1;
    }

    private static ExpectedRows expected(String kind) throws IOException {
        int[] labels = labels();
        ExpectedRows rows = new ExpectedRows();
        for (int i = 0; i < labels.length; i++) {
            rows.add(folder.resolve("rows/" + kind + i + ".chw"), labels[i]);
        }
        return rows;
    }

    private static Hdf5Config config(String path, Map<String, ?> options) throws ReflectiveOperationException {
        Map<String, Object> given = new HashMap<>(options);
        given.put("path", path);
        return DocumentedDefaults.of(Hdf5Config.class, given);
    }

    private static DataSplits load(Map<String, ?> options) throws Exception {
        return load("data.h5", options);
    }

    private static DataSplits load(String path, Map<String, ?> options) throws Exception {
        return new Hdf5Dataset(config(path, options)).load(new LoadContext(folder, 1));
    }
}
