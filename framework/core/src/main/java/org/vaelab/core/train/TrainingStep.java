package org.vaelab.core.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one optimizer step computes from a batch: the loss, its terms, and the gradient of the loss
 * with respect to every trainable variable of the model's graph. Two implementations compute the
 * same numbers: {@link GraphStep} differentiates the SameDiff graph; {@link DenseStep}, for
 * plain dense VAEs, runs hand-derived passes.
 */
public interface TrainingStep {

    /**
     * The step to train {@code graph} with: the dense step when {@code dense} allows it and the
     * model is one it can train ({@link DenseStep#unsupported}), otherwise the graph step.
     */
    static TrainingStep of(ModelParts parts, VaeGraph graph, boolean dense) {
        return dense && DenseStep.unsupported(parts, graph).isEmpty() ? DenseStep.of(parts, graph) : new GraphStep(graph);
    }

    /**
     * The step's values and gradients; the gradient arrays are valid until the next call, which
     * may reuse or free them.
     */
    Outcome compute(TrainingBatch batch);

    /** How the step is computed, {@code graph} or {@code dense}, as recorded in a run's provenance. */
    String kind();

    /**
     * One step's result.
     *
     * @param values the loss and its terms, batch means
     * @param gradients the loss's gradient by trainable variable name
     */
    record Outcome(StepValues values, Map<String, INDArray> gradients) {
    }
}
