package org.vaelab.core.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one optimizer step computes from a batch: the loss, its terms, and the gradient of the loss
 * with respect to every trainable variable of the model's graph ({@link GraphStep}).
 */
public interface TrainingStep {

    /** The step that trains {@code graph}, on {@link EngineThreads#count()} threads. */
    static TrainingStep of(VaeGraph graph) {
        return of(graph, EngineThreads.count());
    }

    /** The step that trains {@code graph} on {@code threads} threads: the same numbers for any count. */
    static TrainingStep of(VaeGraph graph, int threads) {
        return new GraphStep(graph, threads, true);
    }

    /**
     * The step that trains {@code graph} on {@code threads} threads with every array of its plans
     * in a buffer of its own: more memory, the same numbers; the reference the memory planner is
     * checked against.
     */
    static TrainingStep withoutMemoryPlanner(VaeGraph graph, int threads) {
        return new GraphStep(graph, threads, true, false);
    }

    /**
     * The step that trains {@code graph} through SameDiff's own session, op by op on one thread:
     * slower, the reference the compiled engine is checked against.
     */
    static TrainingStep reference(VaeGraph graph) {
        return new GraphStep(graph, 1, false);
    }

    /**
     * The step's values and gradients; the gradient arrays are valid until the next call, which
     * may reuse or free them.
     */
    Outcome compute(TrainingBatch batch);

    /**
     * How the step is computed, {@code compiled} or {@code session} ({@link GraphStep}), as recorded
     * in a run's provenance.
     */
    String kind();

    /** How many threads the step runs on, which the optimizer's update may use too. */
    int threads();

    /**
     * One step's result.
     *
     * @param values the loss and its terms, batch means
     * @param gradients the loss's gradient by trainable variable name
     */
    record Outcome(StepValues values, Map<String, INDArray> gradients) {
    }
}
