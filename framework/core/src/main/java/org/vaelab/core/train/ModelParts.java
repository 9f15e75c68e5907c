package org.vaelab.core.train;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.latent.DiagonalGaussianPosterior;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.StandardNormalPrior;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.model.Conditioning;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.nn.LabelInput;

/**
 * The components and sizes a {@link VaeGraph} is built from, kept so the same model can be built
 * again (with another number of samples of z, or as the decoder alone) and given the trained weights.
 *
 * @param latentDim the size of z
 */
public record ModelParts(Encoder encoder, Decoder decoder, Likelihood likelihood, KlSchedule schedule,
                         ModelFamily family, Prior prior, Posterior posterior, DataShape shape, int latentDim) {

    public ModelParts {
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(posterior, "posterior");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(shape, "shape");
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latentDim must be positive, got " + latentDim);
        }
        family.conditioning(shape);
    }

    /** The parts of a model with the prior N(0, I) and the encoder's diagonal Gaussian as q(z|x). */
    public ModelParts(Encoder encoder, Decoder decoder, Likelihood likelihood, KlSchedule schedule,
                      ModelFamily family, DataShape shape, int latentDim) {
        this(encoder, decoder, likelihood, schedule, family, new StandardNormalPrior(),
                new DiagonalGaussianPosterior(), shape, latentDim);
    }

    /**
     * What the networks are conditioned on besides x and z: the family's
     * {@link ModelFamily#conditioning} for this data.
     */
    public Conditioning conditioning() {
        return family.conditioning(shape);
    }

    /**
     * The shape of one encoder input: an example, or for a conditional model the example with its one-hot label
     * attached as the encoder takes it ({@link Encoder#labelInput}): as {@code classes} more channels of an image,
     * or appended, a vector of {@code shape.size() + classes} values (also for an encoder that asks for channels,
     * given data that are not images, which it then refuses).
     */
    public DataShape encoderShape() {
        int classes = conditioning().classes();
        if (classes == 0) {
            return shape;
        }
        return labelsAsChannels() ? LabelChannels.shape(shape, classes)
                : new DataShape(List.of(shape.size() + classes), shape.range(), shape.classes());
    }

    /**
     * The encoder's input in a graph: the examples {@code x}, {@code [batch, D]}, with the one-hot labels {@code y}
     * attached as {@link #encoderShape} lays them out; {@code x} itself when {@code y} is null.
     */
    SDVariable encoderInput(SameDiff sd, SDVariable x, SDVariable y) {
        if (y == null) {
            return x;
        }
        return labelsAsChannels() ? LabelChannels.append(sd, x, y, shape, conditioning().classes())
                : sd.concat(1, x, y);
    }

    private boolean labelsAsChannels() {
        return encoder.labelInput() == LabelInput.CHANNELS && shape.isImage();
    }

    /**
     * The width of one decoder input: the columns of z the likelihood reads ({@link Prior#decoderInputWidth}, all
     * {@code latentDim} but for a hierarchical prior), plus the label classes of a conditional model.
     */
    public int decoderInputWidth() {
        return prior.decoderInputWidth(latentDim) + conditioning().classes();
    }

    /**
     * The codes the decoder reads from {@code z}, {@code [rows, latentDim]}: z itself, or its leading
     * {@link Prior#decoderInputWidth} columns (z1 of a hierarchical prior over {@code [z1, z2]}).
     */
    SDVariable decoderCodes(SameDiff sd, SDVariable z) {
        int width = prior.decoderInputWidth(latentDim);
        return width == latentDim ? z : sd.slice(z, new int[] {0, 0}, -1, width);
    }

    /**
     * The sizes of the encoder's parameter arrays as it counts them ({@link Encoder#parameterArrays}), in this model.
     */
    public List<Long> encoderParameterArrays() {
        return encoder.parameterArrays(encoderShape(), latentDim);
    }

    /**
     * The sizes of the decoder's parameter arrays as it counts them ({@link Decoder#parameterArrays}), in this model.
     */
    public List<Long> decoderParameterArrays() {
        return decoder.parameterArrays(decoderInputWidth(), shape, likelihood.parametersPerValue());
    }

    /**
     * The model to train, with {@code samples} samples of z per example, initial weights from
     * {@code random}, and the networks' dropout layers taking masks.
     */
    public VaeGraph build(int samples, RandomGenerator random) {
        return VaeGraph.build(this, samples, random, true);
    }

    /**
     * The graph to evaluate {@code trained} with: {@code trained} itself when it has no dropout,
     * otherwise a copy without dropout ({@link #withWeightsOf}); the copy's weights are those of
     * the moment it was made.
     */
    public VaeGraph forEvaluation(VaeGraph trained) {
        return trained.dropoutMasks().isEmpty() ? trained : withWeightsOf(trained, trained.samples());
    }

    /**
     * Gives {@code evaluated}, which {@link #forEvaluation} made from {@code trained}, the current
     * weights of {@code trained}; when it is {@code trained} itself, there is nothing to do.
     */
    public void refreshWeights(VaeGraph evaluated, VaeGraph trained) {
        if (evaluated != trained) {
            copyWeights(trained.sameDiff(), evaluated.sameDiff());
        }
    }

    /**
     * The model built again for evaluation (no dropout) with {@code samples} samples of z per example, every trainable
     * variable (network weights and any the likelihood creates, such as a learned log-variance)
     * holding a copy of the current value of the variable of the same name in {@code trained}.
     *
     * @throws IllegalArgumentException when {@code trained} was not built from these parts
     */
    public VaeGraph withWeightsOf(VaeGraph trained, int samples) {
        if (trained.latentDim() != latentDim) {
            throw new IllegalArgumentException("the trained graph has " + trained.latentDim()
                    + " latent dimensions, these parts " + latentDim);
        }
        return withWeightsFrom(trained.sameDiff(), samples);
    }

    /**
     * The model built for evaluation (no dropout) with {@code samples} samples of z per example, every trainable
     * variable holding a copy of the variable of the same name in {@code trained}, such as a graph saved
     * by a run and loaded again.
     *
     * @throws IllegalArgumentException when {@code trained} has trainable variables these parts
     *     do not make, lacks one they make, or has one in another shape
     */
    public VaeGraph withWeightsFrom(SameDiff trained, int samples) {
        VaeGraph copy = VaeGraph.build(this, samples, new SplittableRandom(0), false);
        Set<String> extra = new TreeSet<>(SameDiffGraphs.trainableNames(trained));
        extra.removeAll(SameDiffGraphs.trainableNames(copy.sameDiff()));
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("the trained graph was not built from these parts: they have no "
                    + extra);
        }
        copyWeights(trained, copy.sameDiff());
        return copy;
    }

    /**
     * Gives every trainable variable of {@code target} the current value of the variable of the
     * same name in {@code source}.
     *
     * @throws IllegalArgumentException when {@code source} lacks one of them or has it in another shape
     */
    static void copyWeights(SameDiff source, SameDiff target) {
        for (String name : SameDiffGraphs.trainableNames(target)) {
            SDVariable variable = target.getVariable(name);
            SDVariable trained = source.hasVariable(variable.name()) ? source.getVariable(variable.name()) : null;
            if (trained == null || trained.getVariableType() != VariableType.VARIABLE) {
                throw new IllegalArgumentException("the trained graph was not built from these parts: it has "
                        + "no variable " + variable.name());
            }
            if (!Arrays.equals(trained.getArr().shape(), variable.getArr().shape())) {
                throw new IllegalArgumentException("variable " + variable.name() + " is "
                        + Arrays.toString(trained.getArr().shape()) + " in the trained graph, "
                        + Arrays.toString(variable.getArr().shape()) + " rebuilt");
            }
            variable.getArr().assign(trained.getArr());
        }
    }
}
