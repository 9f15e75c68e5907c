package org.vaelab.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.Family;
import org.vaelab.spi.model.ModelFamily;

/**
 * The contract of a model family type: the checks of {@link ComponentContract} and
 * {@link ModelPartContract} (the data have labels, so a family conditioned on them is tested as
 * well), and at least one sample of z per example for any {@code train.mc_samples}. A plugin's
 * test extends it in one line:
 * <pre>class MyContractTest extends ModelFamilyContract { MyContractTest() { super("my_type", Map.of()); } }</pre>
 */
public abstract class ModelFamilyContract extends ModelPartContract<ModelFamily> {

    /**
     * @param type the YAML type name
     * @param options options to test it with, by YAML key; every required one must be given
     */
    protected ModelFamilyContract(String type, Map<String, ?> options) {
        super(Family.MODEL_FAMILY, type, options);
    }

    @Override
    final ContractModel place(ContractModel reference, ModelFamily tested) {
        return reference.withFamily(tested);
    }

    @Test
    void drawsAtLeastOneSampleOfZPerExample() {
        ModelFamily family = component();
        for (int mcSamples = 1; mcSamples <= 3; mcSamples++) {
            assertTrue(family.samples(mcSamples) >= 1, "samples(" + mcSamples + ") = " + family.samples(mcSamples));
        }
    }
}
