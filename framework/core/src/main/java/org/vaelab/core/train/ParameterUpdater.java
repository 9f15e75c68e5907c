package org.vaelab.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Applies an ND4J updater to every trainable variable of a graph, each with its own state, after
 * optional clipping of the gradients' global norm (Pascanu et al. 2013, algorithm 1).
 */
final class ParameterUpdater {

    private final SameDiff sd;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final OptionalDouble maxNorm;

    ParameterUpdater(SameDiff sd, IUpdater config, OptionalDouble maxNorm) {
        this.sd = sd;
        this.maxNorm = maxNorm;
        for (SDVariable variable : sd.variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE) {
                INDArray parameter = variable.getArr();
                long stateSize = config.stateSize(parameter.length());
                INDArray state = stateSize == 0 ? null : Nd4j.zeros(parameter.dataType(), 1, stateSize);
                updaters.put(variable.name(), config.instantiate(state, true));
            }
        }
    }

    /** The trainable variables, in graph order. */
    List<String> parameterNames() {
        return List.copyOf(updaters.keySet());
    }

    /** Updates every parameter from its gradient (which is consumed) at 0-based {@code iteration}. */
    void apply(Map<String, INDArray> gradients, long iteration, int epoch) {
        if (maxNorm.isPresent()) {
            double squares = 0;
            for (INDArray gradient : gradients.values()) {
                double norm = gradient.norm2Number().doubleValue();
                squares += norm * norm;
            }
            double norm = Math.sqrt(squares);
            if (norm > maxNorm.getAsDouble()) {
                double scale = maxNorm.getAsDouble() / norm;
                gradients.values().forEach(g -> g.muli(scale));
            }
        }
        for (Map.Entry<String, GradientUpdater<?>> entry : updaters.entrySet()) {
            INDArray gradient = gradients.get(entry.getKey());
            entry.getValue().applyUpdater(gradient, Math.toIntExact(iteration), epoch);
            sd.getArrForVarName(entry.getKey()).subi(gradient);
        }
    }
}
