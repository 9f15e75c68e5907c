package org.vaelab.testkit.contract;

import java.util.List;
import java.util.Map;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.nn.Encoder;

/**
 * The contract of an encoder type: the checks of {@link ComponentContract} and
 * {@link ModelPartContract}, the encoder under test in a small VAE of reference parts. A plugin's
 * test extends it in one line:
 * <pre>class MyContractTest extends EncoderContract { MyContractTest() { super("my_type", Map.of()); } }</pre>
 */
public abstract class EncoderContract extends ModelPartContract<Encoder> {

    /**
     * @param type the YAML type name
     * @param options options to test it with, by YAML key; every required one must be given
     */
    protected EncoderContract(String type, Map<String, ?> options) {
        super(Family.ENCODER, type, options);
    }

    @Override
    final ContractModel place(ContractModel reference, Encoder tested) {
        return reference.withEncoder(tested);
    }

    @Override
    final List<Long> countedParameterArrays(ContractModel model, DataShape shape) {
        return model.parts(shape).encoderParameterArrays();
    }

    @Override
    final String scope() {
        return VaeGraph.ENCODER_SCOPE;
    }
}
