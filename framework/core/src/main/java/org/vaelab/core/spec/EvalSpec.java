package org.vaelab.core.spec;

import org.vaelab.spi.Param;

/** When and how the validation and test ELBO are computed. */
public record EvalSpec(
        @Param(value = "Evaluate validation and test splits every this many epochs (and always after the last)",
                defaultValue = "1", min = 1)
        int everyEpochs,
        @Param(value = "Examples per forward pass during evaluation", defaultValue = "1000", min = 1) int batchSize) {
}
