package org.vaelab.testkit.contract;

import java.util.Map;
import org.vaelab.spi.Family;
import org.vaelab.spi.optim.Optimizer;

/**
 * The contract of an optimizer type: the checks of {@link ComponentContract} and
 * {@link ModelPartContract}, the optimizer under test in a small VAE of reference parts. A plugin's
 * test extends it in one line:
 * <pre>class MyContractTest extends OptimizerContract { MyContractTest() { super("my_type", Map.of()); } }</pre>
 */
public abstract class OptimizerContract extends ModelPartContract<Optimizer> {

    /**
     * @param type the YAML type name
     * @param options options to test it with, by YAML key; every required one must be given
     */
    protected OptimizerContract(String type, Map<String, ?> options) {
        super(Family.OPTIMIZER, type, options);
    }

    @Override
    final ContractModel place(ContractModel reference, Optimizer tested) {
        return reference.withOptimizer(tested);
    }
}
