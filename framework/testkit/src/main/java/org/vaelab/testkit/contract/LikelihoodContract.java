package org.vaelab.testkit.contract;

import java.util.Map;
import org.vaelab.spi.Family;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * The contract of a likelihood type: the checks of {@link ComponentContract} and
 * {@link ModelPartContract}, the likelihood under test in a small VAE of reference parts. A plugin's
 * test extends it in one line:
 * <pre>class MyContractTest extends LikelihoodContract { MyContractTest() { super("my_type", Map.of()); } }</pre>
 */
public abstract class LikelihoodContract extends ModelPartContract<Likelihood> {

    /**
     * @param type the YAML type name
     * @param options options to test it with, by YAML key; every required one must be given
     */
    protected LikelihoodContract(String type, Map<String, ?> options) {
        super(Family.LIKELIHOOD, type, options);
    }

    @Override
    final ContractModel place(ContractModel reference, Likelihood tested) {
        return reference.withLikelihood(tested);
    }
}
