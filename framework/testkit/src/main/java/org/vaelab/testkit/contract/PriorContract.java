package org.vaelab.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.core.train.PriorSampler;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.latent.Prior;

/**
 * The contract of a prior type: the checks of {@link LatentPartContract}, and samples for the figures and
 * {@code vae sample} that are finite, one code of the latent size per sample. A plugin's test extends it in one
 * line:
 * <pre>class MyContractTest extends PriorContract { MyContractTest() { super("my_type", Map.of()); } }</pre>
 */
public abstract class PriorContract extends LatentPartContract<Prior> {

    /**
     * @param type the YAML type name
     * @param options options to test it with, by YAML key; every required one must be given
     */
    protected PriorContract(String type, Map<String, ?> options) {
        super(Family.PRIOR, type, options);
    }

    @Override
    final ContractModel place(ContractModel reference, Prior tested) {
        return reference.withPrior(tested);
    }

    @Test
    void drawsFiniteCodes() {
        ContractModel model = place(ContractModel.reference(), component());
        DataShape shape = ContractData.images().shape();
        float[] codes = PriorSampler.of(model.graph(shape, 3), model.parts(shape)).draw(50, new SplittableRandom(4));
        assertEquals(50 * ContractModel.LATENT, codes.length);
        for (float code : codes) {
            assertTrue(Float.isFinite(code), "a finite code: " + code);
        }
    }
}
