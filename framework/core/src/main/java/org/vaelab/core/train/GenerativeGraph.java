package org.vaelab.core.train;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.model.GenerativeObjective;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;
import org.vaelab.spi.nn.DropoutMasks;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The generative network's side of a model whose family trains the decoder and the prior on an objective of their
 * own ({@link GenerativeObjective}, PIWAE of Rainforth et al. 2018, section 4), built into its {@link VaeGraph} so
 * that one backward pass gives each group of parameters the gradient of its own loss, as {@link AuxiliaryGraph}
 * does for a second network. The decoder and the prior are built here on the posterior's samples held constant
 * (z, log q(z|x), the posterior's mean and log-variance behind a stop-gradient), so the generative objective reaches
 * only their parameters; the rest of the graph applies them with their weights held constant
 * ({@link NetworkBuilder#frozen}, {@link GraphLatentContext.Held#OWN}), so the family's own objective reaches only
 * the encoder's and the posterior's. Both see the same values. The cost is a second forward pass through the
 * decoder and the prior on every sample of z, and a backward pass through both copies (the held one's towards z, the
 * other's towards its weights); the encoder runs once.
 *
 * @param params the likelihood's parameters from the decoder with its weights trained here, {@code [k * batch, ...]}
 * @param prior the prior with its variables trained here and the encoder it may apply held constant
 */
record GenerativeGraph(SDVariable params, PriorDensity prior) {

    /**
     * Builds the decoder on {@code decoderInput}, {@code [k * batch, width]}, held constant, creating its weights
     * (drawn from {@code random}), then the prior, creating its variables: in the order a model without the split
     * creates them, so the same seed gives the same initial weights.
     *
     * @throws InvalidInputException when the decoder has dropout, whose masks the copy held constant cannot share
     */
    static GenerativeGraph build(SameDiff sd, ModelParts parts, SDVariable decoderInput, RandomGenerator random,
                                 DropoutMasks decoderMasks) {
        SDVariable params = parts.decoder().decode(decoderMasks == null ? new NetworkBuilder(sd,
                        VaeGraph.DECODER_SCOPE, random) : new NetworkBuilder(sd, VaeGraph.DECODER_SCOPE, random,
                        decoderMasks), held(sd, decoderInput), parts.decoderInputWidth(), parts.shape(),
                parts.likelihood().parametersPerValue());
        if (decoderMasks != null && !decoderMasks.masks().isEmpty()) {
            throw new InvalidInputException("model.decoder: the model family trains the decoder on an objective of its "
                    + "own, through a second copy of the decoder that cannot share its dropout masks; leave "
                    + "model.decoder.dropout at 0");
        }
        PriorDensity prior = parts.prior().build(new GraphLatentContext(sd, parts, VaeGraph.PRIOR_SCOPE, random,
                true, GraphLatentContext.Held.ENCODER));
        return new GenerativeGraph(params, prior);
    }

    /**
     * The generative objective of the batch from the decoder's and the prior's copies built here, on
     * {@code posterior}'s samples drawn from {@code encoded}, both held constant; {@code xRepeated} the data of
     * every sample of z, {@code [k * batch, D]}.
     */
    Objective objective(SameDiff sd, ModelParts parts, int samples, SDVariable xRepeated, PosteriorSample posterior,
                        GaussianPosterior encoded, SDVariable weight, SDVariable capacity, SDVariable priorSample) {
        GaussianPosterior heldEncoded = held(sd, encoded);
        PosteriorSample heldSample = new PosteriorSample(held(sd, posterior.z()), held(sd, posterior.logDensity()),
                posterior.gaussian().map(draw -> new PosteriorSample.GaussianDraw(held(sd, draw.parameters()),
                        held(sd, draw.eps()))));
        SDVariable logPxPerSample = parts.likelihood().logProbability(sd, xRepeated, params);
        BoundTerms terms = BoundTerms.of(sd, parts, samples, logPxPerSample, prior, heldSample, heldEncoded);
        Optional<SDVariable> closedForm = terms.klPerDimension();
        SDVariable penalty = parts.schedule().penalty(sd, terms.kl(), closedForm.orElse(null), weight, capacity);
        GenerativeObjective objective = parts.family().generativeObjective().orElseThrow();
        return objective.objective(sd, new ObjectiveTerms(samples, VaeGraph.meanOverSamples(sd, logPxPerSample,
                samples), terms.logWeight(), terms.kl(), penalty, heldSample.z(), heldEncoded.mean(),
                heldEncoded.logVariance(), priorSample));
    }

    private static GaussianPosterior held(SameDiff sd, GaussianPosterior q) {
        return new GaussianPosterior(held(sd, q.mean()), held(sd, q.logVariance()));
    }

    private static SDVariable held(SameDiff sd, SDVariable v) {
        return new StopGradient(sd, v).outputVariable();
    }
}
