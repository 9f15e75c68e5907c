package org.vaelab.core.train;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.latent.PriorDensity;

/**
 * Draws latent codes from a model's prior p(z), for figures and {@code vae sample}: N(0, I) on the host, any
 * other prior through its {@link PriorDensity#sample} in a graph of its own, built with the same calls as in the
 * {@link VaeGraph} so its variables (and, for a VampPrior, the encoder's) have the same names, and given the
 * trained weights. The noise comes from the caller's generator: for N(0, I), the codes themselves.
 */
public final class PriorSampler {

    private static final String NORMAL = "normal";
    private static final String UNIFORM = "uniform";
    private static final String Z = "z";

    private final SameDiff sd;
    private final int latentDim;

    private PriorSampler(SameDiff sd, int latentDim) {
        this.sd = sd;
        this.latentDim = latentDim;
    }

    /** A sampler of the prior of the model {@code parts} describe, with the current weights of {@code trained}. */
    public static PriorSampler of(VaeGraph trained, ModelParts parts) {
        if (parts.prior().isStandardNormal()) {
            return standardNormal(parts.latentDim());
        }
        SameDiff sd = SameDiffGraphs.create();
        SDVariable normal = sd.placeHolder(NORMAL, DataType.FLOAT, -1, parts.latentDim());
        SDVariable uniform = sd.placeHolder(UNIFORM, DataType.FLOAT, -1, 1);
        PriorDensity prior = parts.prior().build(new GraphLatentContext(sd, parts, VaeGraph.PRIOR_SCOPE,
                new SplittableRandom(0), false));
        sd.identity(Z, prior.sample(normal, uniform));
        ModelParts.copyWeights(trained.sameDiff(), sd);
        return new PriorSampler(sd, parts.latentDim());
    }

    /** A sampler of N(0, I) with {@code latentDim} dimensions. */
    public static PriorSampler standardNormal(int latentDim) {
        return new PriorSampler(null, latentDim);
    }

    /** Whether the prior is N(0, I). */
    public boolean isStandardNormal() {
        return sd == null;
    }

    /**
     * {@code count} codes, {@code [count, latentDim]} row-major: for N(0, I), {@code count * latentDim} draws of
     * {@code random.nextGaussian()} in order; otherwise as many, then {@code count} uniform draws, fed to the prior.
     */
    public float[] draw(int count, RandomGenerator random) {
        float[] normal = new float[count * latentDim];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = (float) random.nextGaussian();
        }
        if (sd == null) {
            return normal;
        }
        float[] uniform = new float[count];
        for (int i = 0; i < count; i++) {
            uniform[i] = random.nextFloat();
        }
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(NORMAL, HostArrays.matrix(normal, count, latentDim));
        feed.put(UNIFORM, HostArrays.matrix(uniform, count, 1));
        INDArray z = SameDiffGraphs.output(sd, feed, Z).get(Z);
        float[] codes = z.castTo(DataType.FLOAT).dup('c').data().asFloat();
        HostArrays.free(feed.values());
        return codes;
    }
}
