package org.vaelab.plugins.families.latent;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * q(z|x) as an inverse autoregressive flow (Kingma, Salimans, Jozefowicz, Chen, Sutskever and Welling 2016,
 * "Improved Variational Inference with Inverse Autoregressive Flow", section 4 and algorithm 1): from the
 * encoder's Gaussian draw z_0, each of T steps computes {@code [m_t, s_t]} from z_(t-1) by an autoregressive
 * network (a one-hidden-layer MADE, Germain et al. 2015, so that m_ti and s_ti depend on z_(t-1),j for j < i
 * only), then {@code sigma_t = sigmoid(s_t)}, {@code z_t = sigma_t * z_(t-1) + (1 - sigma_t) * m_t} (their eq.
 * 14, the numerically stable form) and {@code log q(z_t) = log q(z_(t-1)) - sum_i log sigma_ti} (eq. 15), the
 * Jacobian being triangular with diagonal sigma_t. The order of z is reversed between steps (as the authors do),
 * which leaves the density unchanged. The steps' weights ({@code posterior/iaf_t/...}) are learned and shared by
 * all x: the encoder gives no context vector h, as its SPI gives a Gaussian only. Weights start uniform in
 * {@code [-1/sqrt(fan-in), 1/sqrt(fan-in)]}, and the biases of s_t at 1, so that each step starts near the
 * identity (sigma about 0.73), as the authors initialise it.
 */
final class InverseAutoregressiveFlowPosterior implements Posterior {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private static final double SCALE_BIAS = 1.0;

    private final IafConfig config;

    InverseAutoregressiveFlowPosterior(IafConfig config) {
        this.config = config;
    }

    @Override
    public PosteriorSample sample(LatentContext context, GaussianPosterior encoded, SDVariable eps) {
        SameDiff sd = context.sameDiff();
        int d = context.latentDim();
        int h = config.hidden();
        SDVariable z = encoded.mean().add(sd.math().exp(encoded.logVariance().mul(0.5)).mul(eps));
        SDVariable logDensity = RowSums.of(sd, sd.math().square(eps).add(encoded.logVariance()).add(LOG_TWO_PI), d)
                .mul(-0.5);
        SDVariable inputMask = sd.constant(inputMask(d, h));
        SDVariable outputMask = sd.constant(outputMask(d, h));
        SDVariable reversal = sd.constant(reversal(d));
        NetworkBuilder net = context.network();
        for (int t = 0; t < config.steps(); t++) {
            if (t > 0) {
                z = z.mmul(reversal);
            }
            String step = "iaf_" + t;
            SDVariable w = net.variable(step + "/W", () -> net.uniform(1 / Math.sqrt(d), d, h));
            SDVariable b = net.variable(step + "/b", () -> net.uniform(1 / Math.sqrt(d), 1, h));
            SDVariable wm = net.variable(step + "/W_m", () -> net.uniform(1 / Math.sqrt(h), h, d));
            SDVariable bm = net.variable(step + "/b_m", () -> net.uniform(1 / Math.sqrt(h), 1, d));
            SDVariable ws = net.variable(step + "/W_s", () -> net.uniform(1 / Math.sqrt(h), h, d));
            SDVariable bs = net.variable(step + "/b_s", () -> net.uniform(1 / Math.sqrt(h), 1, d).addi(SCALE_BIAS));
            SDVariable hidden = sd.nn().relu(z.mmul(w.mul(inputMask)).add(b), 0);
            SDVariable m = hidden.mmul(wm.mul(outputMask)).add(bm);
            SDVariable sigma = sd.nn().sigmoid(hidden.mmul(ws.mul(outputMask)).add(bs));
            z = sigma.mul(z).add(sigma.rsub(1.0).mul(m));
            logDensity = logDensity.sub(RowSums.of(sd, sd.math().log(sigma), d));
        }
        return new PosteriorSample(z, logDensity, Optional.empty());
    }

    /**
     * The degree of hidden unit k, in 1 to d - 1 (1 when d = 1), as in MADE (Germain et al. 2015, section 4):
     * the unit sees inputs 1 to its degree.
     */
    private static int degree(int k, int d) {
        return k % Math.max(1, d - 1) + 1;
    }

    /** {@code [d, h]}: input j (1-based) reaches hidden unit k when {@code degree(k) >= j}. */
    private static INDArray inputMask(int d, int h) {
        float[] mask = new float[d * h];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < h; k++) {
                mask[j * h + k] = degree(k, d) >= j + 1 ? 1f : 0f;
            }
        }
        return Nd4j.create(mask, new long[] {d, h}, 'c');
    }

    /** {@code [h, d]}: hidden unit k reaches output i (1-based) when {@code i > degree(k)}. */
    private static INDArray outputMask(int d, int h) {
        float[] mask = new float[h * d];
        for (int k = 0; k < h; k++) {
            for (int i = 0; i < d; i++) {
                mask[k * d + i] = i + 1 > degree(k, d) ? 1f : 0f;
            }
        }
        return Nd4j.create(mask, new long[] {h, d}, 'c');
    }

    /** {@code [d, d]}: the permutation that reverses the order of a row's values. */
    private static INDArray reversal(int d) {
        float[] values = new float[d * d];
        for (int i = 0; i < d; i++) {
            values[i * d + (d - 1 - i)] = 1f;
        }
        return Nd4j.create(values, new long[] {d, d}, 'c').castTo(DataType.FLOAT);
    }
}
