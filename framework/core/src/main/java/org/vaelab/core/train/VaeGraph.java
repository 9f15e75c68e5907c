package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.model.AuxiliaryNetwork;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.DropoutMasks;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The VAE of Kingma and Welling 2014, "Auto-Encoding Variational Bayes", as one SameDiff graph.
 *
 * <p>The encoder gives mean and log-variance; the model's {@link Posterior} turns them and the noise eps into
 * samples of z and log q(z|x) (by default q(z|x) = N(mu, diag(sigma^2)) and z = mu + sigma * eps, the
 * reparameterisation of section 2.4), and its {@link Prior} gives log p(z) (by default N(0, I)). Each example's
 * ELBO is {@code E_q[log p(x|z)] - KL(q(z|x) || p(z))}, the expectation a mean over {@code k} samples of eps,
 * the KL in closed form where the pair has one (for the defaults, appendix B:
 * {@code KL = 1/2 sum_j (sigma_j^2 + mu_j^2 - 1 - log sigma_j^2)}) and otherwise the Monte Carlo estimate
 * {@code mean_k (log q(z|x) - log p(z))} over the same samples ({@link LatentTerms}).
 * The training loss is the model family's objective ({@code ModelFamily}): for the plain VAE
 * {@code -mean(E_q[log p(x|z)])} plus the KL schedule's penalty, by default
 * {@code w * |mean(KL) - C|}, the KL weighting {@code (w, C)} fed each step; a posterior with a training term of
 * its own ({@link PosteriorSample#trainingTerm}, such as a code book's losses) adds it to the loss and its metrics
 * to the family's.
 *
 * <p>eps is a placeholder filled from the run's seeded generator every step, never a random op
 * inside the graph.
 */
public final class VaeGraph {

    /** Placeholder: the batch, {@code [batch, D]}. */
    public static final String X = "x";
    /** Placeholder: the noise, {@code [k * batch, latentDim]}. */
    public static final String EPS = "eps";
    /**
     * Placeholder of a model whose family compares codes with the prior ({@code ModelFamily.usesPriorSamples}):
     * draws from the prior p(z), {@code [k * batch, latentDim]}, independent of eps. Today the prior is N(0, I) and
     * {@link GraphFeed#putPriorSample} fills it from the run's seeded generator, as eps; a pluggable prior will fill it
     * from its own sampler.
     */
    public static final String PRIOR_SAMPLE = "prior_sample";
    /**
     * Placeholder of a model conditioned on labels: the one-hot labels y, {@code [batch, classes]},
     * attached to x before the encoder (appended, or as image channels: {@code ModelParts.encoderInput}) and appended
     * to z before the decoder (the conditional VAE of Sohn,
     * Lee and Yan 2015, q(z|x, y) and p(x|z, y)); fed through {@link GraphFeed}.
     */
    public static final String Y = "y";
    /** Placeholder: the KL weight w, a scalar. */
    public static final String KL_WEIGHT = "kl_weight";
    /** Placeholder: the KL capacity C, a scalar. */
    public static final String KL_CAPACITY = "kl_capacity";
    /** Output: E_q[log p(x|z)] per example, {@code [batch]}. */
    public static final String LOG_PX = "log_px";
    /** Output: KL(q(z|x) || p(z)) per example, {@code [batch]}: in closed form or by Monte Carlo. */
    public static final String KL = "kl";
    /** Output: the batch mean of {@code -log_px}, the reconstruction loss. */
    public static final String RECON_LOSS = "recon_loss";
    /** Output: the batch mean of {@code kl}. */
    public static final String KL_MEAN = "kl_mean";
    /**
     * Output: the training loss; of a model whose generative network trains on an objective of its own, the loss
     * of the inference network, the family's {@code objective}.
     */
    public static final String LOSS = "loss";
    /**
     * Output of a model whose family has auxiliary networks or a generative objective of its own: what a training step
     * minimises, {@link #LOSS} plus the networks' own losses and the generative objective's loss, each part reaching
     * only its own parameters ({@link AuxiliaryGraph}, {@link GenerativeGraph}).
     */
    public static final String TRAINING_LOSS = "training_loss";
    /**
     * The family metric of a model whose generative network trains on an objective of its own
     * ({@code ModelFamily.generativeObjective}): that objective's loss, logged as {@code train/generative_loss}.
     */
    public static final String GENERATIVE_LOSS_METRIC = "generative_loss";
    /** Output: the mean of p(x|z) for every sample of z, {@code [k * batch, D]}, sample-major. */
    public static final String X_MEAN = "x_mean";
    /**
     * Output: the mean squared error of the reconstruction mean, averaged over values and samples,
     * {@code [batch]}: a scale every likelihood shares.
     */
    public static final String RECON_MSE = "recon_mse";
    /**
     * Output: the binary cross-entropy of the reconstruction mean (clipped to [1e-7, 1 - 1e-7]),
     * summed over values, averaged over samples, {@code [batch]}; only for data in [0, 1].
     */
    public static final String RECON_BCE = "recon_bce";
    /** Output: the posterior means, {@code [batch, latentDim]}. */
    public static final String Z_MEAN = "z_mean";
    /**
     * Output: the code of each example that the figures decode, {@code [batch, latentDim]}: the posterior's
     * {@code Posterior.code}, the posterior mean unless the posterior's samples live elsewhere.
     */
    public static final String Z_CODE = "z_code";
    /** Output: the posterior log-variances, {@code [batch, latentDim]}. */
    public static final String Z_LOG_VARIANCE = "z_log_variance";
    /**
     * Output: KL(q(z_j|x) || p(z_j)) per example and latent dimension, {@code [batch, latentDim]};
     * its row sums are {@link #KL}. Only where the prior and posterior have it in closed form.
     */
    public static final String KL_PER_DIMENSION = "kl_per_dimension";
    /**
     * Output: the log importance weight of every sample of z, {@code [k * batch]}, sample-major:
     * {@code log w = log p(x|z) + log p(z) - log q(z|x)} (Burda, Grosse and Salakhutdinov
     * 2016, "Importance Weighted Autoencoders", eq. 8).
     */
    public static final String LOG_WEIGHT = "log_weight";

    /** The name scope of the encoder's variables. */
    public static final String ENCODER_SCOPE = "encoder";
    /** The name scope of the decoder's variables. */
    public static final String DECODER_SCOPE = "decoder";
    /** The name scope of the prior's variables. */
    public static final String PRIOR_SCOPE = "prior";
    /** The name scope of the posterior's own variables (a flow's), beyond the encoder's. */
    public static final String POSTERIOR_SCOPE = "posterior";

    /** Prefix of the outputs holding the model family's metrics. */
    public static final String FAMILY_METRIC = "family/";

    private static final double BCE_CLIP = 1e-7;

    private final SameDiff sd;
    private final int latentDim;
    private final int samples;
    private final int conditioningClasses;
    private final boolean hasCrossEntropy;
    private final boolean hasPriorSample;
    private final List<DropoutMasks.Mask> dropoutMasks;
    private final List<String> familyMetrics;
    private final LatentTerms latentTerms;
    private final List<AuxiliaryNetwork> auxiliaryNetworks;

    private VaeGraph(SameDiff sd, int latentDim, int samples, int conditioningClasses, boolean hasCrossEntropy,
                     boolean hasPriorSample, List<DropoutMasks.Mask> dropoutMasks, List<String> familyMetrics,
                     LatentTerms latentTerms, List<AuxiliaryNetwork> auxiliaryNetworks) {
        this.sd = sd;
        this.latentDim = latentDim;
        this.samples = samples;
        this.conditioningClasses = conditioningClasses;
        this.hasCrossEntropy = hasCrossEntropy;
        this.hasPriorSample = hasPriorSample;
        this.dropoutMasks = List.copyOf(dropoutMasks);
        this.familyMetrics = List.copyOf(familyMetrics);
        this.latentTerms = latentTerms;
        this.auxiliaryNetworks = List.copyOf(auxiliaryNetworks);
    }

    /** Which of the latent terms the model's prior and posterior define. */
    public LatentTerms latentTerms() {
        return latentTerms;
    }

    /** Whether the graph has the {@link #RECON_BCE} output (data in [0, 1]). */
    public boolean hasCrossEntropy() {
        return hasCrossEntropy;
    }

    /** Whether the graph has the {@link #PRIOR_SAMPLE} placeholder, which its loss needs. */
    public boolean hasPriorSample() {
        return hasPriorSample;
    }

    /**
     * Assembles the graph of {@code parts}; the training loss is their model family's objective.
     *
     * @param samples k, Monte Carlo samples of z per example
     * @param random draws initial weights, encoder first
     * @param training whether dropout layers take masks ({@link #dropoutMasks}); a graph for
     *     evaluation has none, whatever the networks' dropout rates
     */
    static VaeGraph build(ModelParts parts, int samples, RandomGenerator random, boolean training) {
        Encoder encoder = parts.encoder();
        Decoder decoder = parts.decoder();
        Likelihood likelihood = parts.likelihood();
        DataShape shape = parts.shape();
        int latentDim = parts.latentDim();
        SameDiff sd = SameDiffGraphs.create();
        int width = shape.size();
        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, width);
        SDVariable eps = sd.placeHolder(EPS, DataType.FLOAT, -1, latentDim);
        SDVariable weight = sd.placeHolder(KL_WEIGHT, DataType.FLOAT);
        SDVariable capacity = sd.placeHolder(KL_CAPACITY, DataType.FLOAT);
        int classes = parts.conditioning().classes();
        SDVariable y = classes > 0 ? sd.placeHolder(Y, DataType.FLOAT, -1, classes) : null;
        boolean priorSamples = parts.family().usesPriorSamples();
        SDVariable priorSample = priorSamples ? sd.placeHolder(PRIOR_SAMPLE, DataType.FLOAT, -1, latentDim) : null;

        DropoutMasks encoderMasks = new DropoutMasks(1);
        DropoutMasks decoderMasks = new DropoutMasks(samples);
        GaussianPosterior q = encoder.encode(network(sd, ENCODER_SCOPE, random, training ? encoderMasks : null),
                parts.encoderInput(sd, x, y), parts.encoderShape(), latentDim);
        sd.identity(Z_MEAN, q.mean());
        sd.identity(Z_LOG_VARIANCE, q.logVariance());
        GaussianPosterior repeated = new GaussianPosterior(repeat(sd, q.mean(), samples),
                repeat(sd, q.logVariance(), samples));
        GraphLatentContext posteriorContext = new GraphLatentContext(sd, parts, POSTERIOR_SCOPE, random, true);
        PosteriorSample posterior = parts.posterior().sample(posteriorContext, repeated, eps);
        sd.identity(Z_CODE, parts.posterior().code(posteriorContext, q));
        SDVariable z = posterior.z();
        SDVariable decoderInput = withLabels(sd, parts.decoderCodes(sd, z), y == null ? null : repeat(sd, y, samples));
        DropoutMasks trainingMasks = training ? decoderMasks : null;
        GenerativeGraph generative = parts.family().generativeObjective().isEmpty() ? null
                : GenerativeGraph.build(sd, parts, decoderInput, random, trainingMasks);
        SDVariable params = decoder.decode(generative == null ? network(sd, DECODER_SCOPE, random, trainingMasks)
                        : NetworkBuilder.frozen(sd, DECODER_SCOPE, random), decoderInput, parts.decoderInputWidth(),
                shape, likelihood.parametersPerValue());

        SDVariable xRepeated = repeat(sd, x, samples);
        SDVariable logPxPerSample = likelihood.logProbability(sd, xRepeated, params);
        SDVariable logPx = sd.identity(LOG_PX, meanOverSamples(sd, logPxPerSample, samples));
        PriorDensity prior = parts.prior().build(new GraphLatentContext(sd, parts, PRIOR_SCOPE, random, true,
                generative == null ? GraphLatentContext.Held.NOTHING : GraphLatentContext.Held.OWN));
        if (parts.family().needsDefaultLatents()
                && !(parts.prior().isStandardNormal() && posterior.gaussian().isPresent())) {
            throw new InvalidInputException((parts.prior().isStandardNormal() ? "model.posterior" : "model.prior")
                    + ": the model family's objective is written for N(0, I) and the encoder's Gaussian posterior; "
                    + "leave model.prior and model.posterior out");
        }
        BoundTerms bound = BoundTerms.of(sd, parts, samples, logPxPerSample, prior, posterior, q);
        Optional<SDVariable> closedForm = bound.klPerDimension();
        closedForm.ifPresent(klPerDimension -> sd.identity(KL_PER_DIMENSION, klPerDimension));
        SDVariable kl = sd.identity(KL, bound.kl());
        logPx.mean().neg().rename(RECON_LOSS);
        kl.mean().rename(KL_MEAN);
        SDVariable logWeight = sd.identity(LOG_WEIGHT, bound.logWeight());
        if (closedForm.isEmpty() && parts.schedule().needsKlPerDimension()) {
            throw new InvalidInputException("kl.type: this KL schedule weights the KL of each latent dimension, "
                    + "which this prior and posterior have no closed form for (the KL is estimated by Monte Carlo); "
                    + "use a schedule on the whole KL (such as beta), or model.prior standard_normal with "
                    + "model.posterior gaussian");
        }
        SDVariable penalty = parts.schedule().penalty(sd, kl, closedForm.orElse(null), weight, capacity);
        Objective objective = parts.family().objective(sd, new ObjectiveTerms(samples, logPx,
                logWeight, kl, penalty, z, q.mean(), q.logVariance(), priorSample));
        Optional<Objective> posteriorTerm = posterior.trainingTerm();
        SDVariable modelLoss = posteriorTerm.map(term -> objective.loss().add(term.loss())).orElse(objective.loss());
        Map<String, SDVariable> metrics = new LinkedHashMap<>(objective.metrics());
        posteriorTerm.ifPresent(term -> term.metrics().forEach((name, value) -> {
            if (metrics.putIfAbsent(name, value) != null) {
                throw new InvalidInputException("model.posterior: the posterior and the model family both log a "
                        + "metric named '" + name + "'");
            }
        }));
        List<AuxiliaryNetwork> auxiliaryNetworks = parts.family().auxiliaryNetworks();
        SDVariable otherLosses = null;
        if (generative != null) {
            Objective generativeObjective = generative.objective(sd, parts, samples, xRepeated, posterior, q, weight,
                    capacity, priorSample);
            otherLosses = generativeObjective.loss();
            Map<String, SDVariable> generativeMetrics = new LinkedHashMap<>(generativeObjective.metrics());
            generativeMetrics.put(GENERATIVE_LOSS_METRIC, generativeObjective.loss());
            generativeMetrics.forEach((name, value) -> {
                if (metrics.putIfAbsent(name, value) != null) {
                    throw new IllegalStateException("the model family's two objectives both log " + name);
                }
            });
        }
        if (auxiliaryNetworks.isEmpty()) {
            sd.identity(LOSS, modelLoss);
        } else {
            AuxiliaryGraph auxiliary = AuxiliaryGraph.build(sd, auxiliaryNetworks, z, latentDim, random);
            sd.identity(LOSS, auxiliary.modelLoss() == null ? modelLoss : modelLoss.add(auxiliary.modelLoss()));
            otherLosses = otherLosses == null ? auxiliary.loss() : otherLosses.add(auxiliary.loss());
            auxiliary.metrics().forEach((name, value) -> {
                if (metrics.putIfAbsent(name, value) != null) {
                    throw new IllegalStateException("the model family and its auxiliary network both log " + name);
                }
            });
        }
        if (otherLosses != null) {
            sd.identity(TRAINING_LOSS, sd.getVariable(LOSS).add(otherLosses));
        }
        List<String> familyMetrics = new ArrayList<>();
        metrics.forEach((name, value) -> familyMetrics.add(sd.identity(FAMILY_METRIC + name, value).name()));
        SDVariable xMean = sd.identity(X_MEAN, likelihood.mean(sd, params));
        SDVariable error = xRepeated.sub(xMean);
        sd.identity(RECON_MSE, meanOverSamples(sd, RowSums.of(sd, error.mul(error), width).div(width), samples));
        boolean unitInterval = shape.range().within(ValueRange.UNIT_INTERVAL);
        if (unitInterval) {
            SDVariable p = sd.math().clipByValue(xMean, BCE_CLIP, 1 - BCE_CLIP);
            SDVariable logLikelihood = xRepeated.mul(sd.math().log(p))
                    .add(xRepeated.rsub(1.0).mul(sd.math().log(p.rsub(1.0))));
            sd.identity(RECON_BCE, meanOverSamples(sd, RowSums.of(sd, logLikelihood, width).neg(), samples));
        }
        sd.setLossVariables(sd.hasVariable(TRAINING_LOSS) ? TRAINING_LOSS : LOSS);
        List<DropoutMasks.Mask> masks = new ArrayList<>(encoderMasks.masks());
        masks.addAll(decoderMasks.masks());
        return new VaeGraph(sd, latentDim, samples, classes, unitInterval, priorSamples, masks, familyMetrics,
                new LatentTerms(closedForm.isPresent(), parts.posterior().meanIsEncoderMean(),
                        parts.posterior().layers(latentDim)), auxiliaryNetworks);
    }

    /** {@code input} with the one-hot labels {@code y} appended as columns; {@code input} itself when y is null. */
    static SDVariable withLabels(SameDiff sd, SDVariable input, SDVariable y) {
        return y == null ? input : sd.concat(1, input, y);
    }

    private static NetworkBuilder network(SameDiff sd, String scope, RandomGenerator random, DropoutMasks masks) {
        return masks == null ? new NetworkBuilder(sd, scope, random) : new NetworkBuilder(sd, scope, random, masks);
    }

    /** The mean over the k samples of a {@code [k * batch]} per-row value, sample-major, {@code [batch]}. */
    static SDVariable meanOverSamples(SameDiff sd, SDVariable perRow, int samples) {
        return samples == 1 ? perRow : sd.reshape(perRow, samples, -1).mean(0);
    }

    private static SDVariable repeat(SameDiff sd, SDVariable v, int samples) {
        return samples == 1 ? v : sd.tile(v, samples, 1);
    }

    /** The dropout masks every training step must feed; empty for an evaluation graph or a network without dropout. */
    public List<DropoutMasks.Mask> dropoutMasks() {
        return dropoutMasks;
    }

    /**
     * The outputs of the model family's metrics and the posterior's training term's ({@code family/NAME}), scalars
     * computed with the loss; logged every step as {@code train/NAME}.
     */
    public List<String> familyMetrics() {
        return familyMetrics;
    }

    /**
     * The values of {@code outputs} for {@code feed}, computed forward through a session that frees
     * each intermediate array as soon as it is used ({@link SameDiffGraphs#output}).
     */
    public Map<String, INDArray> output(Map<String, INDArray> feed, String... outputs) {
        return SameDiffGraphs.output(sd, feed, outputs);
    }

    /** The graph. */
    public SameDiff sameDiff() {
        return sd;
    }

    /** The size of z. */
    public int latentDim() {
        return latentDim;
    }

    /** The number of label classes the model is conditioned on ({@link #Y}); 0 when it is not. */
    public int conditioningClasses() {
        return conditioningClasses;
    }

    /** Monte Carlo samples of z per example. */
    public int samples() {
        return samples;
    }

    /**
     * The model family's auxiliary networks, built into the graph: each trains the variables of its scope on a loss of
     * its own; empty for most families.
     */
    public List<AuxiliaryNetwork> auxiliaryNetworks() {
        return auxiliaryNetworks;
    }

    /** Whether the graph has the placeholders of {@link AuxiliaryGraph}, which a training step must feed. */
    public boolean hasAuxiliaryNetworks() {
        return !auxiliaryNetworks.isEmpty();
    }

    /** The names of the trainable variables, in graph order. */
    public List<String> parameterNames() {
        return SameDiffGraphs.trainableNames(sd);
    }

    /** The number of trainable values. */
    public long parameterCount() {
        return parameterNames().stream().mapToLong(name -> sd.getArrForVarName(name).length()).sum();
    }
}
