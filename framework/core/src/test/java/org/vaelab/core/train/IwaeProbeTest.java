package org.vaelab.core.train;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IwaeProbeTest {
    @Test
    void probe() {
        for (long seed = 1; seed <= 8; seed++) {
            IwaeLinearGaussianModel model = IwaeLinearGaussianModel.create(seed);
            double[] wv = TestModels.values(model.graph.sameDiff(), "decoder/out/W");
            SplittableRandom random = new SplittableRandom(51);
            double max = 0, gap = 0;
            for (int i = 0; i < 6; i++) {
                double[] x = model.sample(random);
                max = Math.max(max, model.chiSquare(x));
                gap += (model.logMarginal(x) - model.elbo(x)) / 6;
            }
            System.out.printf("seed %d max chi2 %.3f mean gap %.3f%n", seed, max, gap);
        }
    }
}
