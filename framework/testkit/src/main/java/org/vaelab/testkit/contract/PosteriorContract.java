package org.vaelab.testkit.contract;

import java.util.Map;
import org.vaelab.spi.Family;
import org.vaelab.spi.latent.Posterior;

/**
 * The contract of a posterior type: the checks of {@link LatentPartContract}. A plugin's test extends it in one
 * line:
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
}
