package org.vaelab.spi.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@link DataSplit}'s {@link FactorTable} follows its examples through annotation and slicing. */
class DataSplitFactorsTest {

    private static final List<Factor> FACTORS = List.of(new Factor("shape", new double[] {1, 2}),
            new Factor("scale", new double[] {0.5, 0.75, 1}));

    @Test
    void factorsFollowTheExamplesTheyDescribe() {
        FactorTable table = new FactorTable(FACTORS, new int[] {0, 2, 1, 0, 1, 1});
        DataSplit split = new DataSplit(new float[] {10, 11, 12}, null, 1).withFactors(table)
                .annotated("t", new double[] {0, 1, 2});
        DataSplit tail = split.slice(1, 3);
        FactorTable tailFactors = tail.factors().orElseThrow();
        assertEquals(2, tailFactors.size());
        assertEquals(1, tailFactors.index(0, 0));
        assertEquals(0.5, tailFactors.value(0, 1));
        assertEquals(0.75, tailFactors.value(1, 1));
        assertEquals(2.0, tail.annotation(1));
        assertFalse(new DataSplit(new float[] {1}, null, 1).factors().isPresent());
    }

    @Test
    void aTableMustFitItsFactorsAndSplit() {
        assertThrows(IllegalArgumentException.class, () -> new FactorTable(FACTORS, new int[] {0, 3}));
        assertThrows(IllegalArgumentException.class, () -> new FactorTable(FACTORS, new int[] {0, 1, 1}));
        FactorTable one = new FactorTable(FACTORS, new int[] {0, 1});
        assertThrows(IllegalArgumentException.class,
                () -> new DataSplit(new float[] {1, 2}, null, 1).withFactors(one));
    }
}
