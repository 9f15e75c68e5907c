package org.vaelab.plugins.families;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaelab.testkit.contract.ModelFamilyContract;

/** Every model family of this plugin passes the testkit's model family contract. */
class ModelFamilyContractsTest {

    @Nested
    class Vae extends ModelFamilyContract {
        Vae() {
            super("vae", Map.of());
        }
    }

    @Nested
    class Iwae extends ModelFamilyContract {
        Iwae() {
            super("iwae", Map.of("samples", 5));
        }
    }

    @Nested
    class BetaTcVae extends ModelFamilyContract {
        BetaTcVae() {
            super("beta_tcvae", Map.of());
        }
    }

    @Nested
    class Cvae extends ModelFamilyContract {
        Cvae() {
            super("cvae", Map.of());
        }
    }
}
