package org.vaelab.plugins.families.latent;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaelab.testkit.contract.PosteriorContract;
import org.vaelab.testkit.contract.PriorContract;

/** Every prior and posterior of this plugin passes the testkit's contract of its family. */
class LatentPartContractsTest {

    @Nested
    class StandardNormal extends PriorContract {
        StandardNormal() {
            super("standard_normal", Map.of());
        }
    }

    @Nested
    class Mixture extends PriorContract {
        Mixture() {
            super("mog", Map.of("components", 3, "learned_weights", true));
        }
    }

    @Nested
    class Vamp extends PriorContract {
        Vamp() {
            super("vamp", Map.of("pseudo_inputs", 4));
        }
    }

    @Nested
    class TwoLayerPrior extends PriorContract {
        TwoLayerPrior() {
            super("two_layer", Map.of("top", 1, "hidden", List.of(4)));
        }
    }

    @Nested
    class Gaussian extends PosteriorContract {
        Gaussian() {
            super("gaussian", Map.of());
        }
    }

    @Nested
    class Planar extends PosteriorContract {
        Planar() {
            super("planar", Map.of("length", 2));
        }
    }

    @Nested
    class Iaf extends PosteriorContract {
        Iaf() {
            super("iaf", Map.of("steps", 2, "hidden", 8));
        }
    }

    @Nested
    class TwoLayerPosterior extends PosteriorContract {
        TwoLayerPosterior() {
            super("two_layer", Map.of("top", 1, "hidden", List.of(4)));
        }
    }
}
