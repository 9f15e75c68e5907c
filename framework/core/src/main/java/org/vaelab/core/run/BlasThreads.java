package org.vaelab.core.run;

import java.util.Map;
import java.util.OptionalInt;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.train.TrainingStep;

/**
 * How many threads OpenBLAS's matrix products get. ND4J gives BLAS as many threads as OpenMP
 * ({@code OMP_NUM_THREADS}, which {@code ./vae} sets to 1 because the graph step's many small ops
 * run fastest on one thread). The dense step spends most of its time in a few large matrix
 * products, which spread well over cores, so a run trained by it gives BLAS
 * {@code OPENBLAS_NUM_THREADS} threads when that is set (as {@code vae sweep --parallel} sets it
 * for each trial), else every core (docs/performance.md). The count used is recorded in
 * {@code provenance.json} as {@code device.blas.threads}.
 */
final class BlasThreads {

    private static final String VARIABLE = "OPENBLAS_NUM_THREADS";

    private BlasThreads() {
    }

    /** The BLAS threads a run trained by {@code step} should use, or empty to leave ND4J's count. */
    static OptionalInt forStep(TrainingStep step, Map<String, String> environment, int cores) {
        if (!step.spendsMostTimeInMatrixProducts()) {
            return OptionalInt.empty();
        }
        String set = environment.get(VARIABLE);
        if (set == null || set.isBlank()) {
            return OptionalInt.of(cores);
        }
        try {
            return OptionalInt.of(Math.max(1, Integer.parseInt(set.strip())));
        } catch (NumberFormatException e) {
            return OptionalInt.of(cores);
        }
    }

    /** Sets the BLAS threads for a run trained by {@code step} in this process. */
    static void apply(TrainingStep step) {
        forStep(step, System.getenv(), Runtime.getRuntime().availableProcessors())
                .ifPresent(threads -> Nd4j.factory().blas().setMaxThreads(threads));
    }
}
