package org.vaelab.testkit.contract;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;
import org.vaelab.spi.optim.Optimizer;

/**
 * The parts a contract holds fixed while it tests one component in a VAE: small, written here
 * against the SPI alone, so a plugin's tests need no other plugin. They are the VAE of Kingma and
 * Welling 2014, "Auto-Encoding Variational Bayes" (appendix C): one tanh hidden layer in each
 * network, a Bernoulli likelihood, the KL weighted 1, the ELBO as the loss, and Adam (Kingma and
 * Ba 2015) with a learning rate of 0.01.
 */
final class ReferenceParts {

    private static final int HIDDEN = 32;
    private static final double LEARNING_RATE = 0.01;

    private ReferenceParts() {
    }

    /** A tanh hidden layer, then linear heads for the mean and log-variance of q(z|x). */
    static final class ReferenceEncoder implements Encoder {
        @Override
        public GaussianPosterior encode(NetworkBuilder net, SDVariable x, DataShape shape, int latentDim) {
            SDVariable h = net.sameDiff().math().tanh(net.dense("hidden", x, shape.size(), HIDDEN));
            return new GaussianPosterior(net.dense("mean", h, HIDDEN, latentDim),
                    net.dense("log_variance", h, HIDDEN, latentDim));
        }
    }

    /** A tanh hidden layer, then a linear layer to the likelihood's parameters. */
    static final class ReferenceDecoder implements Decoder {
        @Override
        public SDVariable decode(NetworkBuilder net, SDVariable z, int latentDim, DataShape shape,
                                 int parametersPerValue) {
            SDVariable h = net.sameDiff().math().tanh(net.dense("hidden", z, latentDim, HIDDEN));
            return net.dense("out", h, HIDDEN, parametersPerValue * shape.size());
        }
    }

    /**
     * x ~ Bernoulli(sigmoid(l)) per value: {@code log p = x l - softplus(l)}, with
     * {@code softplus(l) = (l + |l|) / 2 + log(1 + exp(-|l|))} so exp never overflows.
     */
    static final class ReferenceBernoulli implements Likelihood {
        @Override
        public int parametersPerValue() {
            return 1;
        }

        @Override
        public SDVariable logProbability(SameDiff sd, SDVariable x, SDVariable logits) {
            SDVariable magnitude = sd.math().abs(logits);
            SDVariable softplus = logits.add(magnitude).mul(0.5).add(sd.math().log1p(sd.math().exp(magnitude.neg())));
            return RowSums.of(sd, x.mul(logits).sub(softplus), x);
        }

        @Override
        public SDVariable mean(SameDiff sd, SDVariable logits) {
            return sd.nn().sigmoid(logits);
        }
    }

    /** The KL weighted 1 at every step, no capacity: the ELBO itself. */
    static final class ReferenceKl implements KlSchedule {
        @Override
        public KlWeighting at(long step, TrainingHorizon horizon) {
            return new KlWeighting(1, 0);
        }
    }

    /** The plain VAE's loss: {@code -mean(E_q[log p(x|z)])} plus the KL penalty. */
    static final class ReferenceVae implements ModelFamily {
        @Override
        public Objective objective(SameDiff sd, ObjectiveTerms terms) {
            return Objective.of(terms.logPx().mean().neg().add(terms.klPenalty()));
        }
    }

    /** Adam with a learning rate of 0.01. */
    static final class ReferenceAdam implements Optimizer {
        @Override
        public IUpdater updater(TrainingHorizon horizon) {
            return new Adam(LEARNING_RATE);
        }
    }
}
