package org.vaelab.core.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link CompiledGraph}s of one SameDiff graph's outputs, one per shape of the feed, each
 * compiled when a feed of its shapes first comes. A graph with an op the plan cannot run gives no
 * plan, then or later, and its caller runs SameDiff's session instead.
 */
final class CompiledPlans {

    private final SameDiff graph;
    private final List<String> outputs;
    private final int lanes;
    private final boolean shareMemory;
    private final Map<List<List<Long>>, CompiledGraph> plans = new HashMap<>();
    private boolean compilable = true;

    /**
     * @param graph the graph to compile
     * @param outputs the values every plan computes
     * @param lanes the threads each plan runs on
     * @param shareMemory whether a plan's arrays whose lifetimes do not overlap share a buffer ({@link MemoryPlanner})
     */
    CompiledPlans(SameDiff graph, List<String> outputs, int lanes, boolean shareMemory) {
        this.graph = graph;
        this.outputs = List.copyOf(outputs);
        this.lanes = lanes;
        this.shareMemory = shareMemory;
    }

    /**
     * Runs the plan for the shapes of {@code feed} on it, compiling it first on first use (which
     * runs it), and returns it to read the values from; null, having run nothing, when the graph
     * cannot be compiled.
     */
    CompiledGraph run(Map<String, INDArray> feed) {
        if (!compilable) {
            return null;
        }
        List<List<Long>> shapes = feed.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Arrays.stream(entry.getValue().shape()).boxed().toList()).toList();
        CompiledGraph plan = plans.get(shapes);
        if (plan != null) {
            plan.run(feed);
            return plan;
        }
        try {
            plan = CompiledGraph.compile(graph, feed, outputs, lanes, shareMemory);
        } catch (UnsupportedOperationException e) {
            compilable = false;
            return null;
        }
        plans.put(shapes, plan);
        return plan;
    }

    /** Whether the graph compiles: false once a compilation met an op the plan cannot run. */
    boolean compilable() {
        return compilable;
    }
}
