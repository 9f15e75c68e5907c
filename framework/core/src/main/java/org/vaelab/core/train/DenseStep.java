package org.vaelab.core.train;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.likelihood.PointwiseLoss;
import org.vaelab.spi.nn.DenseLayout;

/**
 * The training step of a plain dense VAE by hand-derived passes: the same loss and gradients as
 * {@link GraphStep} up to float rounding, without SameDiff's cost per graph op, which is most of a
 * step for the small MLPs VAEs are usually trained with.
 *
 * <p>With q(z|x) = N(mu, diag(exp(lv))), {@code z = mu + exp(lv / 2) * eps} and the closed-form
 * {@code KL = 1/2 sum_j (exp(lv_j) + mu_j^2 - 1 - lv_j)} (Kingma and Welling 2014, section 2.4 and
 * appendix B), the loss {@code L = mean(-log p(x|z)) + w |mean(KL) - C|} has, per example,
 * {@code dL/dmu = dL/dz + c mu} and {@code dL/dlv = dL/dz * eps * exp(lv / 2) / 2 + c (exp(lv) - 1) / 2}
 * with {@code c = w sign(mean(KL) - C) / batch}; {@code dL/dz} comes back from the decoder.
 *
 * <p>It applies to models whose encoder and decoder report a {@link DenseLayout} and have no other
 * trainable variables, whose likelihood has a {@link PointwiseLoss}, whose family minimises the
 * negative ELBO unconditioned on labels, whose KL schedule keeps the default penalty, and that
 * take one sample of z per example ({@link #unsupported}).
 */
final class DenseStep implements TrainingStep {

    /** The {@link #kind()} of this step. */
    static final String KIND = "dense";

    private final DenseNetwork encoder;
    private final DenseNetwork decoder;
    private final PointwiseLoss loss;
    private final int latentDim;
    private final Map<String, INDArray> gradients = new LinkedHashMap<>();
    private int rows = -1;
    private float[] x;
    private float[] eps;
    private float[] std;
    private float[] z;
    private float[] meanGradient;
    private float[] logVarianceGradient;
    private float[] paramsGradient;
    private INDArray zArray;

    private DenseStep(ModelParts parts, VaeGraph graph) {
        SameDiff sd = graph.sameDiff();
        this.encoder = new DenseNetwork(sd, VaeGraph.ENCODER_SCOPE, parts.encoder().denseLayout().orElseThrow());
        this.decoder = new DenseNetwork(sd, VaeGraph.DECODER_SCOPE, parts.decoder().denseLayout().orElseThrow());
        this.loss = parts.likelihood().pointwiseLoss().orElseThrow();
        this.latentDim = graph.latentDim();
        gradients.putAll(encoder.gradients());
        gradients.putAll(decoder.gradients());
    }

    /**
     * The dense step of {@code graph}, built from {@code parts}.
     *
     * @throws IllegalArgumentException when the model is one the dense step cannot train ({@link #unsupported})
     */
    static DenseStep of(ModelParts parts, VaeGraph graph) {
        unsupported(parts, graph).ifPresent(reason -> {
            throw new IllegalArgumentException("the dense training step cannot train this model: " + reason);
        });
        return new DenseStep(parts, graph);
    }

    /** Why the dense step cannot train {@code graph}, if it cannot. */
    static Optional<String> unsupported(ModelParts parts, VaeGraph graph) {
        if (graph.samples() != 1) {
            return Optional.of("it takes " + graph.samples() + " samples of z per example");
        }
        if (!graph.dropoutMasks().isEmpty()) {
            return Optional.of("it has dropout");
        }
        if (parts.conditioning().classes() > 0) {
            return Optional.of("it is conditioned on labels");
        }
        if (!parts.family().minimisesNegativeElbo()) {
            return Optional.of("its model family has an objective of its own");
        }
        if (overridesPenalty(parts.schedule())) {
            return Optional.of("its KL schedule has a penalty of its own");
        }
        if (parts.likelihood().pointwiseLoss().isEmpty() || parts.likelihood().parametersPerValue() != 1) {
            return Optional.of("its likelihood has no pointwise loss");
        }
        Optional<DenseLayout> encoderLayout = parts.encoder().denseLayout();
        Optional<DenseLayout> decoderLayout = parts.decoder().denseLayout();
        if (encoderLayout.isEmpty() || decoderLayout.isEmpty()) {
            return Optional.of("its " + (encoderLayout.isEmpty() ? "encoder" : "decoder") + " is not dense layers only");
        }
        if (encoderLayout.get().heads().size() != 2 || decoderLayout.get().heads().size() != 1) {
            return Optional.of("its networks' heads are not mean and log-variance, and the likelihood's parameters");
        }
        Set<String> covered = new HashSet<>(DenseNetwork.parameterNames(VaeGraph.ENCODER_SCOPE, encoderLayout.get()));
        covered.addAll(DenseNetwork.parameterNames(VaeGraph.DECODER_SCOPE, decoderLayout.get()));
        List<String> others = graph.parameterNames().stream().filter(name -> !covered.contains(name)).toList();
        return others.isEmpty() ? Optional.empty() : Optional.of("it has trainable variables outside its dense layers " + others);
    }

    /** Whether {@code schedule} replaces {@link KlSchedule#penalty}'s default {@code w |mean(KL) - C|}. */
    private static boolean overridesPenalty(KlSchedule schedule) {
        try {
            return !schedule.getClass().getMethod("penalty", SameDiff.class, SDVariable.class, SDVariable.class,
                    SDVariable.class, SDVariable.class).isDefault();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Outcome compute(TrainingBatch batch) {
        INDArray xArray = batch.feed().get(VaeGraph.X);
        resize(Math.toIntExact(xArray.rows()));
        HostArrays.read(xArray, x);
        HostArrays.read(batch.feed().get(VaeGraph.EPS), eps);
        float[][] posterior = encoder.forward(xArray);
        float[] mean = posterior[0];
        float[] logVariance = posterior[1];
        double klSum = 0;
        for (int i = 0; i < z.length; i++) {
            std[i] = (float) Math.exp(0.5 * logVariance[i]);
            z[i] = mean[i] + std[i] * eps[i];
            klSum += 0.5 * (Math.exp(logVariance[i]) + (double) mean[i] * mean[i] - 1 - logVariance[i]);
        }
        float[] params = decoder.forward(HostArrays.write(z, zArray))[0];
        double reconLoss = loss.negativeLogLikelihood(x, params, paramsGradient, params.length) / rows;
        double kl = klSum / rows;
        KlWeighting weighting = batch.weighting();
        double total = reconLoss + weighting.weight() * Math.abs(kl - weighting.capacity());
        float perExample = 1f / rows;
        for (int i = 0; i < paramsGradient.length; i++) {
            paramsGradient[i] *= perExample;
        }
        float[] zGradient = decoder.backward(new float[][] {paramsGradient}, true);
        double c = weighting.weight() * Math.signum(kl - weighting.capacity()) / rows;
        for (int i = 0; i < z.length; i++) {
            meanGradient[i] = (float) (zGradient[i] + c * mean[i]);
            logVarianceGradient[i] = (float) (zGradient[i] * eps[i] * 0.5 * std[i]
                    + c * 0.5 * Math.expm1(logVariance[i]));
        }
        encoder.backward(new float[][] {meanGradient, logVarianceGradient}, false);
        return new Outcome(new StepValues(total, reconLoss, kl, weighting, Map.of()), gradients);
    }

    private void resize(int batchRows) {
        if (batchRows == rows) {
            return;
        }
        rows = batchRows;
        x = new float[rows * encoder.inputWidth()];
        eps = new float[rows * latentDim];
        std = new float[rows * latentDim];
        z = new float[rows * latentDim];
        meanGradient = new float[rows * latentDim];
        logVarianceGradient = new float[rows * latentDim];
        paramsGradient = new float[rows * decoder.headWidths().get(0)];
        zArray = Nd4j.create(DataType.FLOAT, rows, latentDim);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
