package org.vaelab.plugins.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The two linear heads every encoder ends in: the mean and the log-variance of a diagonal
 * Gaussian q(z|x) (Kingma and Welling 2014, "Auto-Encoding Variational Bayes", appendix C.2),
 * named {@code mean} and {@code logvar}.
 */
final class GaussianHeads {

    /** The heads' layer names, mean first. */
    static final List<String> NAMES = List.of("mean", "logvar");

    private GaussianHeads() {
    }

    /** The heads on top of {@code h}, a batch of {@code width} features. */
    /** The sizes of the arrays {@link #on} adds: each head's weights and bias. */
    static List<Long> parameterArrays(long width, int latentDim) {
        List<Long> arrays = new ArrayList<>(ParameterArrays.dense(width, latentDim));
        arrays.addAll(ParameterArrays.dense(width, latentDim));
        return arrays;
    }

    static GaussianPosterior on(NetworkBuilder net, SDVariable h, int width, int latentDim) {
        return new GaussianPosterior(net.dense(NAMES.get(0), h, width, latentDim),
                net.dense(NAMES.get(1), h, width, latentDim));
    }
}
