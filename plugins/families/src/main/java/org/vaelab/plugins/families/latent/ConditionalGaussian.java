package org.vaelab.plugins.families.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * A diagonal Gaussian over one stochastic layer given another, N(mu(u), diag(exp(logVariance(u)))), mu and
 * logVariance two linear heads on an MLP of u: the conditional layers p(z1|z2) and q(z2|z1) of Burda, Grosse and
 * Salakhutdinov 2016 (section 5, after Kingma and Welling 2014, appendix C.2). Its weights are created once per
 * graph, under {@code name/hidden<i>}, {@code name/mean} and {@code name/logvar}, or found there when the graph
 * already has them, so one network can be applied to several inputs.
 */
final class ConditionalGaussian {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final SameDiff sd;
    private final StochasticLayersConfig config;
    private final List<Dense> hidden;
    private final Dense mean;
    private final Dense logVariance;

    private record Dense(SDVariable w, SDVariable b) {
        SDVariable apply(SDVariable x) {
            return x.mmul(w).add(b);
        }
    }

    /** The network from {@code inputs} to {@code outputs} values, its variables named under {@code name}. */
    ConditionalGaussian(NetworkBuilder net, String name, StochasticLayersConfig config, int inputs, int outputs) {
        this.sd = net.sameDiff();
        this.config = config;
        List<Integer> widths = config.hidden();
        this.hidden = new ArrayList<>();
        int width = inputs;
        for (int i = 0; i < widths.size(); i++) {
            hidden.add(dense(net, name + "/hidden" + i, width, widths.get(i)));
            width = widths.get(i);
        }
        this.mean = dense(net, name + "/mean", width, outputs);
        this.logVariance = dense(net, name + "/logvar", width, outputs);
    }

    /** The Gaussian's mean and log-variance for every row of {@code u}. */
    GaussianPosterior given(SDVariable u) {
        SDVariable h = u;
        for (Dense layer : hidden) {
            h = config.activation().apply(sd, layer.apply(h));
        }
        return new GaussianPosterior(mean.apply(h), logVariance.apply(h));
    }

    /** {@code mean + exp(logVariance / 2) * eps}: the reparameterised draw (Kingma and Welling 2014, section 2.4). */
    static SDVariable draw(SameDiff sd, GaussianPosterior gaussian, SDVariable eps) {
        return gaussian.mean().add(sd.math().exp(gaussian.logVariance().mul(0.5)).mul(eps));
    }

    /**
     * log N(mean + sigma * eps; mean, sigma^2) per row, {@code -1/2 sum_j (eps_j^2 + log sigma_j^2 + log 2 pi)}, the
     * density of a draw written with its own noise.
     */
    static SDVariable logDensityOfDraw(SameDiff sd, SDVariable logVariance, SDVariable eps, int width) {
        return RowSums.of(sd, sd.math().square(eps).add(logVariance).add(LOG_TWO_PI), width).mul(-0.5);
    }

    /**
     * log N(x; mean, diag(exp(logVariance))) per row,
     * {@code -1/2 sum_j ((x_j - mu_j)^2 / sigma_j^2 + log sigma_j^2 + log 2 pi)}.
     */
    static SDVariable logDensity(SameDiff sd, SDVariable x, GaussianPosterior gaussian, int width) {
        SDVariable error = x.sub(gaussian.mean());
        SDVariable scaled = sd.math().square(error).mul(sd.math().exp(gaussian.logVariance().neg()));
        return RowSums.of(sd, scaled.add(gaussian.logVariance()).add(LOG_TWO_PI), width).mul(-0.5);
    }

    /** Columns {@code from .. from + width - 1} of {@code z}. */
    static SDVariable columns(SameDiff sd, SDVariable z, int from, int width) {
        return sd.slice(z, new int[] {0, from}, -1, width);
    }

    private static Dense dense(NetworkBuilder net, String layer, int nIn, int nOut) {
        double bound = 1.0 / Math.sqrt(nIn);
        return new Dense(existingOr(net, layer + "/W", () -> net.uniform(bound, nIn, nOut)),
                existingOr(net, layer + "/b", () -> net.uniform(bound, 1, nOut)));
    }

    private static SDVariable existingOr(NetworkBuilder net, String local, Supplier<INDArray> initial) {
        String name = net.name(local);
        return net.sameDiff().hasVariable(name) ? net.sameDiff().getVariable(name) : net.variable(local, initial);
    }
}
