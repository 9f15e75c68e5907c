package org.vaelab.core.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Some outputs of a model's graph, computed forward only, one feed after another, without
 * training: through a {@link CompiledGraph} per shape of the feed, kept for as long as the pass
 * is, on the threads its {@link Engine} gives; a graph the plan cannot run goes through SameDiff's
 * session instead. Keep one pass for as long as the graph is evaluated, so that its plans are
 * compiled once.
 */
public final class ForwardPass {

    private final VaeGraph graph;
    private final String[] outputs;
    private final CompiledPlans plans;

    private ForwardPass(VaeGraph graph, List<String> outputs, CompiledPlans plans) {
        this.graph = graph;
        this.outputs = outputs.toArray(String[]::new);
        this.plans = plans;
    }

    /** How a pass runs: which engine, on how many threads. */
    @FunctionalInterface
    public interface Engine {

        /** A pass computing {@code outputs} of {@code graph}. */
        ForwardPass on(VaeGraph graph, List<String> outputs);
    }

    /** Compiled plans on {@link EngineThreads#count()} threads, as training runs. */
    public static Engine compiled() {
        return compiled(EngineThreads.count());
    }

    /** Compiled plans on {@code threads} threads: the same digits for any count. */
    public static Engine compiled(int threads) {
        return (graph, outputs) -> new ForwardPass(graph, outputs,
                new CompiledPlans(graph.sameDiff(), outputs, threads, true));
    }

    /**
     * SameDiff's own session, op by op on one thread, which frees each intermediate array as soon
     * as it is used: the reference the compiled plans are checked against.
     */
    public static Engine session() {
        return (graph, outputs) -> new ForwardPass(graph, outputs, null);
    }

    /**
     * Runs the graph on {@code feed} and hands {@code read} the outputs by name. The arrays are
     * valid during the call only: the next run overwrites a plan's, and a session's are freed as
     * soon as {@code read} returns. The feed stays the caller's.
     */
    public void run(Map<String, INDArray> feed, Consumer<Map<String, INDArray>> read) {
        CompiledGraph plan = plans == null ? null : plans.run(feed);
        if (plan != null) {
            Map<String, INDArray> values = new HashMap<>();
            for (String output : outputs) {
                values.put(output, plan.value(output));
            }
            read.accept(values);
        } else {
            Map<String, INDArray> values = graph.output(feed, outputs);
            read.accept(values);
            HostArrays.free(values.values());
        }
    }

    /**
     * How the last run was computed, as {@link TrainingStep#kind()} says it: {@code compiled}, or
     * {@code session} for a pass made by {@link #session()} or a graph the plan cannot run.
     */
    public String kind() {
        return plans != null && plans.compilable() ? GraphStep.COMPILED : GraphStep.SESSION;
    }
}
