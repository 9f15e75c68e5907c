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

    @Nested
    class WaeMmd extends ModelFamilyContract {
        WaeMmd() {
            super("wae_mmd", Map.of());
        }
    }

    @Nested
    class InfoVae extends ModelFamilyContract {
        InfoVae() {
            super("info_vae", Map.of());
        }
    }

    @Nested
    class DipVaeI extends ModelFamilyContract {
        DipVaeI() {
            super("dip_vae_i", Map.of());
        }
    }

    @Nested
    class DipVaeII extends ModelFamilyContract {
        DipVaeII() {
            super("dip_vae_ii", Map.of());
        }
    }

    @Nested
    class Miwae extends ModelFamilyContract {
        Miwae() {
            super("miwae", Map.of("groups", 2, "samples", 2));
        }
    }

    @Nested
    class Piwae extends ModelFamilyContract {
        Piwae() {
            super("piwae", Map.of("groups", 2, "samples", 2));
        }
    }

    @Nested
    class Ciwae extends ModelFamilyContract {
        Ciwae() {
            super("ciwae", Map.of("samples", 3));
        }
    }

    @Nested
    class FactorVae extends ModelFamilyContract {
        FactorVae() {
            super("factor_vae", Map.of("discriminator_depth", 2, "discriminator_width", 8));
        }
    }
}
