package org.vaelab.plugins.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The hidden layers of an {@link MlpConfig}, applied to an input of a given width: layer {@code i}
 * is {@code hidden<i>}, its layer normalisation, when on, {@code hidden<i>/norm}, its dropout
 * mask, in a training graph with dropout, {@code hidden<i>/dropout_mask}.
 */
final class MlpStack {

    private MlpStack() {
    }

    /** Adds the hidden layers; returns the last hidden activation. */
    static SDVariable hidden(NetworkBuilder net, MlpConfig config, SDVariable input, int inputWidth) {
        SDVariable h = input;
        int width = inputWidth;
        for (int i = 0; i < config.hidden().size(); i++) {
            int next = config.hidden().get(i);
            String layer = layerName(i);
            h = net.dense(layer, h, width, next);
            if (config.layerNorm()) {
                h = LayerNorm.apply(net, layer + "/norm", h, next);
            }
            h = net.dropout(layer, config.activation().apply(net.sameDiff(), h), next, config.dropout());
            width = next;
        }
        return h;
    }

    /**
     * The sizes of the arrays {@link #hidden} adds: each layer's weights and bias, and its gain and bias when
     * normalised.
     */
    static List<Long> parameterArrays(MlpConfig config, long inputWidth) {
        List<Long> arrays = new ArrayList<>();
        long width = inputWidth;
        for (int next : config.hidden()) {
            arrays.addAll(ParameterArrays.dense(width, next));
            if (config.layerNorm()) {
                arrays.addAll(List.of((long) next, (long) next));
            }
            width = next;
        }
        return arrays;
    }

    private static String layerName(int index) {
        return "hidden" + index;
    }

    /** The width of the last hidden layer, or the input width when there are none. */
    static int outputWidth(MlpConfig config, int inputWidth) {
        return config.hidden().isEmpty() ? inputWidth : config.hidden().get(config.hidden().size() - 1);
    }
}
