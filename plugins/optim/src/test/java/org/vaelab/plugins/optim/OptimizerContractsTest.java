package org.vaelab.plugins.optim;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaelab.testkit.contract.OptimizerContract;

/** Every optimizer of this plugin passes the testkit's optimizer contract, with a schedule and clipping too. */
class OptimizerContractsTest {

    @Nested
    class Adam extends OptimizerContract {
        Adam() {
            super("adam", Map.of());
        }
    }

    @Nested
    class AdamWithCosineScheduleAndClipping extends OptimizerContract {
        AdamWithCosineScheduleAndClipping() {
            super("adam", Map.of("lr", 0.01, "schedule", Map.of("kind", "cosine"), "max_grad_norm", 10.0));
        }
    }

    @Nested
    class AdamW extends OptimizerContract {
        AdamW() {
            super("adamw", Map.of());
        }
    }

    @Nested
    class Sgd extends OptimizerContract {
        Sgd() {
            super("sgd", Map.of("lr", 0.001, "momentum", 0.9, "nesterov", true));
        }
    }

    @Nested
    class RmsProp extends OptimizerContract {
        RmsProp() {
            super("rmsprop", Map.of());
        }
    }
}
