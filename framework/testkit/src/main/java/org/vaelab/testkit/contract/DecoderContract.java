package org.vaelab.testkit.contract;

import java.util.List;
import java.util.Map;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.nn.Decoder;

/**
 * The contract of a decoder type: the checks of {@link ComponentContract} and
 * {@link ModelPartContract}, the decoder under test in a small VAE of reference parts. A plugin's
 * test extends it in one line:
 * <pre>class MyContractTest extends DecoderContract { MyContractTest() { super("my_type", Map.of()); } }</pre>
 */
public abstract class DecoderContract extends ModelPartContract<Decoder> {

    /**
     * @param type the YAML type name
     * @param options options to test it with, by YAML key; every required one must be given
     */
    protected DecoderContract(String type, Map<String, ?> options) {
        super(Family.DECODER, type, options);
    }

    @Override
    final ContractModel place(ContractModel reference, Decoder tested) {
        return reference.withDecoder(tested);
    }

    @Override
    final List<Long> countedParameterArrays(ContractModel model, DataShape shape) {
        return model.parts(shape).decoderParameterArrays();
    }

    @Override
    final String scope() {
        return VaeGraph.DECODER_SCOPE;
    }
}
