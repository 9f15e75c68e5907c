package org.vaelab.core.train;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The {@link LatentContext} of a prior or posterior added to a graph of {@code parts}: its own
 * variables under {@code scope}, and the model's encoder, which {@link #encode} applies with the
 * weights already in the graph when {@code encoderBuilt}, or builds (to be given trained weights)
 * when the graph has no encoder yet, as in a {@link PriorSampler}. In a model whose generative and
 * inference networks train on separate objectives ({@code ModelFamily.generativeObjective}),
 * {@code held} says which parameters a copy of the prior holds constant ({@link Held}).
 */
record GraphLatentContext(SameDiff sameDiff, ModelParts parts, String scope, RandomGenerator random,
                          boolean encoderBuilt, Held held) implements LatentContext {

    /** Which parameters the component's graph holds constant: no gradient flows into them. */
    enum Held {
        /** None. */
        NOTHING,
        /** Its own variables, already in the graph: the prior seen by the inference network's objective. */
        OWN,
        /** The encoder's: the prior seen by the generative network's objective, its own variables created. */
        ENCODER
    }

    /** A context holding nothing constant. */
    GraphLatentContext(SameDiff sameDiff, ModelParts parts, String scope, RandomGenerator random,
                       boolean encoderBuilt) {
        this(sameDiff, parts, scope, random, encoderBuilt, Held.NOTHING);
    }

    @Override
    public int latentDim() {
        return parts.latentDim();
    }

    @Override
    public NetworkBuilder network() {
        return held == Held.OWN ? NetworkBuilder.frozen(sameDiff, scope, random)
                : new NetworkBuilder(sameDiff, scope, random);
    }

    @Override
    public int encoderInputWidth() {
        return parts.encoderShape().size();
    }

    /** The initial weights of the encoder built here are never used: trained weights replace them. */
    @Override
    public GaussianPosterior encode(SDVariable inputs) {
        RandomGenerator unused = new SplittableRandom(0);
        NetworkBuilder net = !encoderBuilt ? new NetworkBuilder(sameDiff, VaeGraph.ENCODER_SCOPE, unused)
                : held == Held.ENCODER ? NetworkBuilder.frozen(sameDiff, VaeGraph.ENCODER_SCOPE, unused)
                : NetworkBuilder.sharing(sameDiff, VaeGraph.ENCODER_SCOPE, unused);
        return parts.encoder().encode(net, inputs, parts.encoderShape(), latentDim());
    }
}
