package org.vaelab.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.Family;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.StochasticLayer;

/**
 * The contract of a posterior type: the checks of {@link LatentPartContract}, and stochastic layers
 * ({@link Posterior#layers}), where it has several, with distinct names that cover z's columns. A plugin's test
 * extends it in one line:
 * <pre>class MyContractTest extends PosteriorContract { MyContractTest() { super("my_type", Map.of()); } }</pre>
 */
public abstract class PosteriorContract extends LatentPartContract<Posterior> {

    /**
     * @param type the YAML type name
     * @param options options to test it with, by YAML key; every required one must be given
     */
    protected PosteriorContract(String type, Map<String, ?> options) {
        super(Family.POSTERIOR, type, options);
    }

    @Override
    final ContractModel place(ContractModel reference, Posterior tested) {
        return reference.withPosterior(tested);
    }

    @Test
    void itsStochasticLayersHaveDistinctNamesAndCoverZ() {
        List<StochasticLayer> layers = component().layers(ContractModel.LATENT);
        if (!layers.isEmpty()) {
            assertEquals(ContractModel.LATENT, layers.stream().mapToInt(StochasticLayer::width).sum(),
                    "the widths of " + layers + " sum to latent_dim");
            assertEquals(layers.size(), layers.stream().map(StochasticLayer::name).distinct().count(),
                    "the names of " + layers + " are distinct");
        }
    }
}
