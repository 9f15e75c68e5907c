package org.vaelab.core.spec;

import org.vaelab.spi.Param;
import org.vaelab.spi.data.DataSplit;

/** When and how the validation and test ELBO are computed, and the deeper evaluation after training. */
public record EvalSpec(
        @Param(value = "Evaluate validation and test splits every this many epochs (and always after the last)",
                defaultValue = "1", min = 1)
        int everyEpochs,
        @Param(value = "Examples per forward pass during evaluation", defaultValue = "1000", min = 1) int batchSize,
        @Param(value = "Importance samples K of the test log-likelihood estimate after training (Burda et al. 2016); "
                + "0 skips it", defaultValue = "100", min = 0, max = 1000000) int iwaeSamples,
        @Param(value = "Test examples the log-likelihood is estimated on (the first N); 0 uses the whole test split",
                defaultValue = "1000", min = 0) int iwaeExamples,
        @Param(value = "Score the test split's codes with the disentanglement metrics (disent/mig, disent/sap, "
                + "disent/dci_disentanglement, ...) after training; needs data with ground-truth factors (sprites); "
                + "defaults to on exactly when the data has them", defaultValue = Param.NONE)
        Boolean disentanglement,
        @Param(value = "Sample sizes and seed of the disentanglement metrics", defaultValue = "{}")
        DisentanglementSpec disentanglementOptions) {

    /** Whether the disentanglement metrics are computed for a test split of {@code test}. */
    public boolean disentanglementOn(DataSplit test) {
        return disentanglement == null ? test.factors().isPresent() : disentanglement;
    }
}
