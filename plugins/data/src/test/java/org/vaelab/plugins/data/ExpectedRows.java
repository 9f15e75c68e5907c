package org.vaelab.plugins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaelab.spi.data.DataSplit;

/**
 * The examples a loaded dataset must hold, in any order: rows of unsigned bytes (read as b/255)
 * that a Python library wrote beside the files under test, each with its label.
 */
public final class ExpectedRows {

    private final Map<String, Integer> labelByRow = new HashMap<>();

    /** Adds the row of {@code raw} bytes (a file NumPy's {@code tofile} wrote), labelled {@code label}. */
    public ExpectedRows add(Path raw, int label) throws IOException {
        byte[] bytes = Files.readAllBytes(raw);
        float[] row = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            row[i] = Byte.toUnsignedInt(bytes[i]) / 255f;
        }
        labelByRow.put(Arrays.toString(row), label);
        return this;
    }

    /** Every example of {@code splits} is one of the expected rows with its label, each expected row once. */
    public void assertHeldExactlyBy(List<DataSplit> splits) {
        Set<String> seen = new HashSet<>();
        for (DataSplit split : splits) {
            float[] row = new float[split.width()];
            for (int i = 0; i < split.size(); i++) {
                split.copyRow(i, row, 0);
                String key = Arrays.toString(row);
                Integer label = labelByRow.get(key);
                assertNotNull(label, "example " + i + " is one of the images written");
                assertEquals(label, split.label(i).orElse(-1), "label of example " + i);
                seen.add(key);
            }
        }
        assertEquals(labelByRow.keySet(), seen, "every image written is loaded once");
    }
}
