package org.vaelab.core.train;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Creates VAELab's SameDiff graphs, whose forward-only sessions free each intermediate array as
 * soon as the graph is done with it.
 *
 * <p>By default a SameDiff session keeps the arrays it is done with in a cache for reuse, up to a
 * quarter of JavaCPP's {@code maxbytes} (the heap's maximum: 256 MB under {@code ./vae}), one
 * cache per graph. A run evaluates with copies of its model (the evaluation graph, the importance
 * sampler, the generator), each with a cache of its own: the MLP quickstart peaked at 1.19 GB
 * resident with them and at 0.76 to 0.86 GB without, at most 0.1 s more per epoch. The sessions
 * of the gradient function, which training steps run, keep the cache: a training step asks for
 * the same arrays step after step, and the conv VAE's resident memory grew from 3.6 to 4.5 GB
 * without it (docs/performance.md). The switch is ND4J's own ({@code enableCache}, what the system
 * property {@code org.nd4j.autodiff.samediff=false} turns off for every session).
 */
final class SameDiffGraphs {

    /** The name under which SameDiff keeps a graph's gradient function. */
    static final String GRADIENT_FUNCTION = "grad";

    static {
        SameDiff.bindInferenceFactory(SameDiffGraphs::session);
    }

    private SameDiffGraphs() {
    }

    /** A new, empty graph. */
    static SameDiff create() {
        return SameDiff.create();
    }

    /** The names of {@code graph}'s trainable variables, in graph order. */
    static List<String> trainableNames(SameDiff graph) {
        return graph.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    /**
     * One training step's outputs and the gradients of {@code parameters}; the gradient function's
     * sessions keep their released arrays for the next step.
     */
    static OutAndGrad gradientsAndOutputs(SameDiff graph, Map<String, INDArray> feed, List<String> outputs,
            List<String> parameters) {
        OutAndGrad result = graph.calculateGradientsAndOutputs(feed, outputs, parameters);
        for (InferenceSession session : graph.getFunction(GRADIENT_FUNCTION).getSessions().values()) {
            ((ArrayCacheMemoryMgr) session.getMmgr()).setEnableCache(true);
        }
        return result;
    }

    private static InferenceSession session(SameDiff graph) {
        ArrayCacheMemoryMgr memory = new ArrayCacheMemoryMgr();
        memory.setEnableCache(false);
        InferenceSession session = new InferenceSession(graph);
        session.setMmgr(memory);
        return session;
    }
}
