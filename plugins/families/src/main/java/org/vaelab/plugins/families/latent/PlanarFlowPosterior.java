package org.vaelab.plugins.families.latent;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * q(z|x) as a planar flow (Rezende and Mohamed 2015, "Variational Inference with Normalizing Flows", section
 * 4.1): the encoder's Gaussian draw {@code z_0 = mu + sigma * eps} goes through K maps
 * {@code f_k(z) = z + u_k h(w_k^T z + b_k)}, h = tanh (eq. 10), and
 * {@code log q_K(z_K) = log q_0(z_0) - sum_k log |1 + u_k^T psi_k(z_(k-1))|},
 * {@code psi_k(z) = h'(w_k^T z + b_k) w_k} (eq. 11 to 13). Each f_k is kept invertible as in their appendix A.1:
 * u_k is replaced by {@code u_k + (m(w_k^T u_k) - w_k^T u_k) w_k / |w_k|^2}, {@code m(a) = -1 + log(1 + e^a)},
 * so that {@code w_k^T u_k >= -1}. The flow's parameters {@code posterior/flow_k/{u, w, b}} are learned, shared
 * by all x (not output by the encoder), starting uniform in {@code [-1/sqrt(d), 1/sqrt(d)]}, d the size of z.
 */
final class PlanarFlowPosterior implements Posterior {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final PlanarFlowConfig config;

    PlanarFlowPosterior(PlanarFlowConfig config) {
        this.config = config;
    }

    @Override
    public PosteriorSample sample(LatentContext context, GaussianPosterior encoded, SDVariable eps) {
        SameDiff sd = context.sameDiff();
        int d = context.latentDim();
        SDVariable z = encoded.mean().add(sd.math().exp(encoded.logVariance().mul(0.5)).mul(eps));
        SDVariable logDensity = RowSums.of(sd, sd.math().square(eps).add(encoded.logVariance()).add(LOG_TWO_PI), d)
                .mul(-0.5);
        NetworkBuilder net = context.network();
        double bound = 1 / Math.sqrt(d);
        for (int k = 0; k < config.length(); k++) {
            String flow = "flow_" + k;
            SDVariable u = net.variable(flow + "/u", () -> net.uniform(bound, 1, d));
            SDVariable w = net.variable(flow + "/w", () -> net.uniform(bound, d, 1));
            SDVariable b = net.variable(flow + "/b", () -> net.uniform(bound, 1, 1));
            SDVariable wu = u.mmul(w);
            SDVariable uHat = u.add(sd.nn().softplus(wu).sub(1.0).sub(wu).mul(sd.transpose(w))
                    .div(sd.math().square(w).sum()));
            SDVariable h = sd.math().tanh(z.mmul(w).add(b));
            SDVariable slope = sd.math().square(h).rsub(1.0);
            SDVariable logDeterminant = sd.math().log(sd.math().abs(slope.mul(uHat.mmul(w)).add(1.0)));
            logDensity = logDensity.sub(sd.reshape(logDeterminant, -1));
            z = z.add(h.mul(uHat));
        }
        return new PosteriorSample(z, logDensity, Optional.empty());
    }
}
