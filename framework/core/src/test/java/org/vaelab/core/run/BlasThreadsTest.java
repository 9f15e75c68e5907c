package org.vaelab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vaelab.core.train.TrainingBatch;
import org.vaelab.core.train.TrainingStep;

/** A run trained by the dense step gives BLAS every core unless OPENBLAS_NUM_THREADS says otherwise; the graph step leaves ND4J's count. */
class BlasThreadsTest {

    private static final TrainingStep GRAPH_LIKE = step(false);
    private static final TrainingStep DENSE_LIKE = step(true);

    @Test
    void theGraphStepKeepsNd4jsThreadCount() {
        assertEquals(OptionalInt.empty(), BlasThreads.forStep(GRAPH_LIKE, Map.of(), 8));
        assertEquals(OptionalInt.empty(), BlasThreads.forStep(GRAPH_LIKE, Map.of("OPENBLAS_NUM_THREADS", "4"), 8));
    }

    @Test
    void theDenseStepTakesEveryCoreUnlessTheEnvironmentNamesACount() {
        assertEquals(OptionalInt.of(8), BlasThreads.forStep(DENSE_LIKE, Map.of(), 8));
        assertEquals(OptionalInt.of(3), BlasThreads.forStep(DENSE_LIKE, Map.of("OPENBLAS_NUM_THREADS", " 3"), 8));
        assertEquals(OptionalInt.of(1), BlasThreads.forStep(DENSE_LIKE, Map.of("OPENBLAS_NUM_THREADS", "0"), 8));
        assertEquals(OptionalInt.of(8), BlasThreads.forStep(DENSE_LIKE, Map.of("OPENBLAS_NUM_THREADS", "many"), 8));
    }

    private static TrainingStep step(boolean matrixProducts) {
        return new TrainingStep() {
            @Override
            public Outcome compute(TrainingBatch batch) {
                throw new UnsupportedOperationException("not trained here");
            }

            @Override
            public String kind() {
                return matrixProducts ? "dense" : "graph";
            }

            @Override
            public boolean spendsMostTimeInMatrixProducts() {
                return matrixProducts;
            }
        };
    }
}
