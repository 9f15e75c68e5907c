package org.vaelab.plugins.nn;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaelab.testkit.contract.DecoderContract;
import org.vaelab.testkit.contract.EncoderContract;

/**
 * Every network of this plugin passes the testkit's encoder or decoder contract, the mlp also with dropout and layer
 * norm.
 */
class NetworkContractsTest {

    @Nested
    class MlpEncoder extends EncoderContract {
        MlpEncoder() {
            super("mlp", Map.of("hidden", List.of(24)));
        }
    }

    @Nested
    class MlpEncoderWithDropoutAndLayerNorm extends EncoderContract {
        MlpEncoderWithDropoutAndLayerNorm() {
            super("mlp", Map.of("hidden", List.of(24, 16), "dropout", 0.2, "layer_norm", true));
        }
    }

    @Nested
    class MlpDecoder extends DecoderContract {
        MlpDecoder() {
            super("mlp", Map.of("hidden", List.of(24)));
        }
    }

    @Nested
    class MlpDecoderWithDropoutAndLayerNorm extends DecoderContract {
        MlpDecoderWithDropoutAndLayerNorm() {
            super("mlp", Map.of("hidden", List.of(24, 16), "dropout", 0.2, "layer_norm", true));
        }
    }

    @Nested
    class ConvEncoder extends EncoderContract {
        ConvEncoder() {
            super("conv", Map.of("layers", List.of(Map.of("channels", 8), Map.of("channels", 16)), "dense", 32));
        }
    }

    @Nested
    class ConvDecoder extends DecoderContract {
        ConvDecoder() {
            super("conv", Map.of("layers", List.of(Map.of("channels", 8), Map.of("channels", 16)), "dense", 32));
        }
    }
}
