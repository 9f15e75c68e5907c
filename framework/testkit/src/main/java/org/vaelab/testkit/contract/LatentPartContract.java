package org.vaelab.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.core.eval.ImportanceSampling;
import org.vaelab.core.train.Evaluator;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataSplits;

/**
 * What a prior or posterior must do besides the checks of {@link ModelPartContract}: its log-densities make the
 * importance-weighted bound with K = 64 at or above the ELBO on the training data (Burda, Grosse and
 * Salakhutdinov 2016, theorem 1), which fails when log p(z) or log q(z|x) is wrong by more than the noise.
 *
 * @param <T> the family's product
 */
abstract class LatentPartContract<T> extends ModelPartContract<T> {

    private static final int SAMPLES = 64;

    LatentPartContract(Family<T> family, String type, Map<String, ?> options) {
        super(family, type, options);
    }

    @Test
    void theImportanceWeightedBoundIsAtOrAboveTheElbo() {
        DataSplits data = ContractData.images();
        ContractModel model = place(ContractModel.reference(), component());
        ModelParts parts = model.parts(data.shape());
        VaeGraph graph = model.graph(data.shape(), 13);
        double elbo = new Evaluator(parts.forEvaluation(graph), 32).evaluate(data.train(), new SplittableRandom(5))
                .elbo();
        double bound = ImportanceSampling.of(graph, parts, SAMPLES, SAMPLES, 32).meanLogLikelihood(data.train(),
                new SplittableRandom(6));
        assertTrue(bound >= elbo, "IWAE bound " + bound + " below the ELBO " + elbo);
    }
}
