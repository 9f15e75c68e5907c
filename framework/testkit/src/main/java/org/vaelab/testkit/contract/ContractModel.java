package org.vaelab.testkit.contract;

import java.util.SplittableRandom;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.latent.DiagonalGaussianPosterior;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.StandardNormalPrior;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.optim.Optimizer;

/**
 * A small VAE for a contract: the {@link ReferenceParts} with the component under test in its
 * place, and the optimizer that trains it.
 */
record ContractModel(Encoder encoder, Decoder decoder, Likelihood likelihood, KlSchedule schedule, ModelFamily family,
                     Prior prior, Posterior posterior, Optimizer optimizer) {

    static final int LATENT = 3;

    /** The reference parts alone. */
    static ContractModel reference() {
        return new ContractModel(new ReferenceParts.ReferenceEncoder(), new ReferenceParts.ReferenceDecoder(),
                new ReferenceParts.ReferenceBernoulli(), new ReferenceParts.ReferenceKl(),
                new ReferenceParts.ReferenceVae(), new StandardNormalPrior(), new DiagonalGaussianPosterior(),
                new ReferenceParts.ReferenceAdam());
    }

    ContractModel withEncoder(Encoder tested) {
        return new ContractModel(tested, decoder, likelihood, schedule, family, prior, posterior, optimizer);
    }

    ContractModel withDecoder(Decoder tested) {
        return new ContractModel(encoder, tested, likelihood, schedule, family, prior, posterior, optimizer);
    }

    ContractModel withLikelihood(Likelihood tested) {
        return new ContractModel(encoder, decoder, tested, schedule, family, prior, posterior, optimizer);
    }

    ContractModel withSchedule(KlSchedule tested) {
        return new ContractModel(encoder, decoder, likelihood, tested, family, prior, posterior, optimizer);
    }

    ContractModel withFamily(ModelFamily tested) {
        return new ContractModel(encoder, decoder, likelihood, schedule, tested, prior, posterior, optimizer);
    }

    ContractModel withPrior(Prior tested) {
        return new ContractModel(encoder, decoder, likelihood, schedule, family, tested, posterior, optimizer);
    }

    ContractModel withPosterior(Posterior tested) {
        return new ContractModel(encoder, decoder, likelihood, schedule, family, prior, tested, optimizer);
    }

    ContractModel withOptimizer(Optimizer tested) {
        return new ContractModel(encoder, decoder, likelihood, schedule, family, prior, posterior, tested);
    }

    /** The parts for data of {@code shape}. */
    ModelParts parts(DataShape shape) {
        return new ModelParts(encoder, decoder, likelihood, schedule, family, prior, posterior, shape, LATENT);
    }

    /** The training graph, one sample of z per example unless the family needs more, weights from {@code seed}. */
    VaeGraph graph(DataShape shape, long seed) {
        return parts(shape).build(family.samples(1), new SplittableRandom(seed));
    }
}
