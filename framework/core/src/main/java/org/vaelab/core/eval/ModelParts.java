package org.vaelab.core.eval;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;

/**
 * The components and sizes a {@link VaeGraph} was built from, kept so that the same model can be
 * built again with another number of samples of z per example and given the trained weights.
 *
 * @param latentDim the size of z
 */
public record ModelParts(Encoder encoder, Decoder decoder, Likelihood likelihood, KlSchedule schedule,
                         DataShape shape, int latentDim) {

    public ModelParts {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(shape, "shape");
        if (latentDim <= 0) {
            throw new IllegalArgumentException("latentDim must be positive, got " + latentDim);
        }
    }

    /**
     * The model built again with {@code samples} samples of z per example, every trainable
     * variable (network weights and any the likelihood creates, such as a learned log-variance)
     * holding a copy of the current value of the variable of the same name in {@code trained}.
     *
     * @throws IllegalArgumentException when {@code trained} was not built from these parts: its
     *     latent size, variable names or variable shapes differ
     */
    public VaeGraph withWeightsOf(VaeGraph trained, int samples) {
        if (trained.latentDim() != latentDim) {
            throw new IllegalArgumentException("the trained graph has " + trained.latentDim()
                    + " latent dimensions, these parts " + latentDim);
        }
        VaeGraph copy = VaeGraph.build(encoder, decoder, likelihood, schedule, shape, latentDim, samples,
                new SplittableRandom(0));
        Map<String, SDVariable> source = trainable(trained.sameDiff());
        Map<String, SDVariable> target = trainable(copy.sameDiff());
        if (!source.keySet().equals(target.keySet())) {
            throw new IllegalArgumentException("the trained graph was not built from these parts: its variables "
                    + new TreeSet<>(source.keySet()) + ", rebuilt " + new TreeSet<>(target.keySet()));
        }
        target.forEach((name, variable) -> {
            long[] shapeOfTrained = source.get(name).getArr().shape();
            if (!Arrays.equals(shapeOfTrained, variable.getArr().shape())) {
                throw new IllegalArgumentException("variable " + name + " is " + Arrays.toString(shapeOfTrained)
                        + " in the trained graph, " + Arrays.toString(variable.getArr().shape()) + " rebuilt");
            }
            variable.getArr().assign(source.get(name).getArr());
        });
        return copy;
    }

    private static Map<String, SDVariable> trainable(SameDiff sd) {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .collect(Collectors.toMap(SDVariable::name, Function.identity()));
    }
}
