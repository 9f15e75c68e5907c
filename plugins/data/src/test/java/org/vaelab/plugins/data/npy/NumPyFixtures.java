package org.vaelab.plugins.data.npy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.vaelab.testkit.PythonLibraries;

/**
 * Files NumPy itself writes ({@code numpy.save}, {@code savez}, {@code savez_compressed},
 * {@code numpy.lib.format.write_array}) into a folder, and the arrays they hold, as JSON
 * ({@code arrays.json}, a file: more output than a pipe holds would stall the script): the tests of
 * the {@code npy} dataset read nothing VAELab wrote.
 */
final class NumPyFixtures {

    /** Writes every fixture file and prints the arrays as NumPy loads them back. */
    private static final String SCRIPT = """
            import json, shutil
            import numpy as np
            rng = np.random.default_rng(2024)
            grey_train = rng.integers(0, 256, size=(40, 6, 5), dtype=np.uint8)
            grey_test = rng.integers(0, 256, size=(10, 6, 5), dtype=np.uint8)
            labels_train = rng.integers(0, 4, size=40).astype(np.int64)
            labels_test = rng.integers(0, 4, size=10).astype(np.int64)
            labels_train[3] = 3
            np.savez_compressed('grey.npz', x_train=grey_train, y_train=labels_train, x_test=grey_test,
                                y_test=labels_test)
            np.savez('grey_stored.npz', x_train=grey_train, y_train=labels_train, x_test=grey_test, y_test=labels_test)
            np.savez('one.npz', grey_train)
            np.save('images.npy', grey_train)
            np.save('labels.npy', labels_train)
            np.save('labels_column.npy', labels_train.astype(np.uint8).reshape(40, 1))
            np.save('test_images.npy', grey_test)
            np.save('test_labels.npy', labels_test.astype(np.int32))
            nchw = rng.normal(size=(12, 3, 6, 5)).astype(np.float32)
            np.save('nchw.npy', nchw)
            np.save('nhwc.npy', np.ascontiguousarray(nchw.transpose(0, 2, 3, 1)))
            np.save('channels2.npy', rng.normal(size=(6, 2, 4, 5)).astype(np.float32))
            vectors = rng.uniform(-3, 3, size=(30, 7))
            np.save('vectors64.npy', vectors)
            np.save('vectors32.npy', vectors.astype(np.float32))
            unit = rng.uniform(0, 1, size=(30, 4)).astype(np.float32)
            np.save('unit.npy', unit)
            bits = rng.integers(0, 2, size=(20, 8)).astype(bool)
            np.save('bits.npy', bits)
            np.save('binary_u8.npy', bits.astype(np.uint8))
            np.save('bigendian.npy', vectors.astype('>f4'))
            with open('v2.npy', 'wb') as f:
                np.lib.format.write_array(f, vectors.astype(np.float32), version=(2, 0))
            with open('v3.npy', 'wb') as f:
                np.lib.format.write_array(f, vectors.astype(np.float32), version=(3, 0))
            np.save('complex.npy', (vectors + 1j * vectors).astype(np.complex128))
            np.save('int64.npy', rng.integers(0, 256, size=(8, 5)).astype(np.int64))
            np.save('float16.npy', vectors.astype(np.float16))
            np.save('strings.npy', np.array([['a', 'bc'], ['d', 'e']]))
            np.save('objects.npy', np.array([{'a': 1}, None], dtype=object), allow_pickle=True)
            np.save('fortran.npy', np.asfortranarray(vectors.astype(np.float32)))
            np.save('flat.npy', vectors[:, 0].astype(np.float32))
            np.save('five.npy', rng.normal(size=(2, 2, 2, 2, 2)).astype(np.float32))
            np.save('ambiguous.npy', rng.integers(0, 256, size=(4, 3, 3, 3), dtype=np.uint8))
            np.save('empty.npy', np.zeros((0, 3), dtype=np.float32))
            np.save('nan.npy', np.array([[0.5, 0.25], [np.nan, 1.0]], dtype=np.float32))
            np.save('float_labels.npy', labels_train.astype(np.float64))
            np.save('negative_labels.npy', np.where(labels_train == 3, -1, labels_train))
            np.save('short_labels.npy', labels_train[:39])
            np.savez('mixed.npz', x_train=grey_train, x_test=grey_test.astype(np.float32))
            np.savez('narrow.npz', x_train=grey_train, x_test=grey_test[:, :, :4].copy())
            np.save('truncated.npy', vectors.astype(np.float32))
            with open('truncated.npy', 'r+b') as f:
                f.seek(0, 2)
                f.truncate(f.tell() - 6)
            np.save('extra.npy', vectors.astype(np.float32))
            with open('extra.npy', 'ab') as f:
                f.write(b'\\0\\0\\0\\0')
            shutil.copy('grey.npz', 'truncated.npz')
            with open('truncated.npz', 'r+b') as f:
                f.seek(0, 2)
                f.truncate(f.tell() // 2)
            arrays = {'grey_train': grey_train, 'grey_test': grey_test, 'labels_train': labels_train,
                      'labels_test': labels_test, 'nchw': nchw, 'vectors': vectors, 'unit': unit, 'bits': bits}
            with open('arrays.json', 'w') as f:
                json.dump({name: a.tolist() for name, a in arrays.items()}, f)
            """;

    private NumPyFixtures() {
    }

    /** Writes the fixtures into {@code folder}; returns the arrays they hold, flattened, by name. */
    static JsonNode write(Path folder) throws IOException {
        PythonLibraries.run(folder, SCRIPT);
        return new ObjectMapper().readTree(folder.resolve("arrays.json").toFile());
    }

    /** The numbers of a nested JSON list, row-major, as floats. */
    static float[] floats(JsonNode array) {
        float[] values = new float[count(array)];
        fill(array, values, new int[1]);
        return values;
    }

    private static int count(JsonNode node) {
        if (!node.isArray()) {
            return 1;
        }
        int count = 0;
        for (JsonNode item : node) {
            count += count(item);
        }
        return count;
    }

    private static void fill(JsonNode node, float[] values, int[] at) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                fill(item, values, at);
            }
        } else {
            values[at[0]++] = node.isBoolean() ? (node.booleanValue() ? 1 : 0) : (float) node.doubleValue();
        }
    }
}
