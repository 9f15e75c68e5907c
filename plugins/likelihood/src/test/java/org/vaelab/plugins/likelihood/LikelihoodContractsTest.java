package org.vaelab.plugins.likelihood;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaelab.testkit.contract.LikelihoodContract;

/** Every likelihood of this plugin passes the testkit's likelihood contract, each way its scale can come. */
class LikelihoodContractsTest {

    @Nested
    class Bernoulli extends LikelihoodContract {
        Bernoulli() {
            super("bernoulli", Map.of());
        }
    }

    @Nested
    class ContinuousBernoulli extends LikelihoodContract {
        ContinuousBernoulli() {
            super("continuous_bernoulli", Map.of());
        }
    }

    @Nested
    class GaussianFixed extends LikelihoodContract {
        GaussianFixed() {
            super("gaussian", Map.of());
        }
    }

    @Nested
    class GaussianLearnedScalar extends LikelihoodContract {
        GaussianLearnedScalar() {
            super("gaussian", Map.of("sigma", "learned_scalar"));
        }
    }

    @Nested
    class GaussianLearnedPerValue extends LikelihoodContract {
        GaussianLearnedPerValue() {
            super("gaussian", Map.of("sigma", "learned_per_dim"));
        }
    }

    @Nested
    class Laplace extends LikelihoodContract {
        Laplace() {
            super("laplace", Map.of());
        }
    }
}
