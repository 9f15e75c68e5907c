package org.vaelab.spi.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Element-wise activation functions, named as in YAML ({@code relu}, {@code tanh}, ...). */
public enum Activation {
    RELU, TANH, SIGMOID, ELU, SOFTPLUS, LEAKY_RELU, IDENTITY;

    /** Applies the activation to {@code x}. */
    public SDVariable apply(SameDiff sd, SDVariable x) {
        return switch (this) {
            case RELU -> sd.nn().relu(x, 0.0);
            case TANH -> sd.math().tanh(x);
            case SIGMOID -> sd.nn().sigmoid(x);
            case ELU -> sd.nn().elu(x);
            case SOFTPLUS -> sd.nn().softplus(x);
            case LEAKY_RELU -> sd.nn().leakyRelu(x, 0.01);
            case IDENTITY -> x;
        };
    }
}
