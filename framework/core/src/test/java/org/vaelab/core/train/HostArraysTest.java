package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class HostArraysTest {

    @Test
    void matrixHoldsTheValuesRowByRow() {
        INDArray m = HostArrays.matrix(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new long[] {2, 3}, m.shape());
        assertEquals(6f, m.getFloat(1, 2));
        assertEquals(2f, m.getFloat(0, 1));
    }

    @Test
    void freeClosesArraysItOwnsAndLeavesViewsToTheirParent() {
        INDArray owned = HostArrays.matrix(new float[] {1, 2, 3, 4}, 2, 2);
        INDArray parent = HostArrays.matrix(new float[] {1, 2, 3, 4}, 2, 2);
        INDArray row = parent.getRow(1);
        HostArrays.free(List.of(owned, row));
        assertTrue(owned.wasClosed(), "a fresh array's native memory is freed");
        assertFalse(row.wasClosed(), "a view is not closed");
        assertFalse(parent.wasClosed());
        assertEquals(10.0, parent.sumNumber().doubleValue(), "the parent still reads its values");
    }
}
