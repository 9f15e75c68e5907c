package org.vaelab.plugins.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.nn.NetworkBuilder;

/** The hidden layers of an {@link MlpConfig}, applied to an input of a given width. */
final class MlpStack {

    private MlpStack() {
    }

    /** Adds the hidden layers; returns the last hidden activation. */
    static SDVariable hidden(NetworkBuilder net, MlpConfig config, SDVariable input, int inputWidth) {
        SDVariable h = input;
        int width = inputWidth;
        for (int i = 0; i < config.hidden().size(); i++) {
            int next = config.hidden().get(i);
            h = config.activation().apply(net.sameDiff(), net.dense("hidden" + i, h, width, next));
            width = next;
        }
        return h;
    }

    /** The width of the last hidden layer, or the input width when there are none. */
    static int outputWidth(MlpConfig config, int inputWidth) {
        return config.hidden().isEmpty() ? inputWidth : config.hidden().get(config.hidden().size() - 1);
    }
}
