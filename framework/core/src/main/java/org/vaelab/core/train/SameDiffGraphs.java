package org.vaelab.core.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
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
 *
 * <p>The choice is made per graph and thread by {@link #output}, which gives the calling thread a
 * session of its own before SameDiff would create one, rather than by SameDiff's process-wide
 * session factory, so no global state of ND4J is changed.
 */
final class SameDiffGraphs {

    /** The name under which SameDiff keeps a graph's gradient function. */
    static final String GRADIENT_FUNCTION = "grad";

    private SameDiffGraphs() {
    }

    /** A new, empty graph. */
    static SameDiff create() {
        return SameDiff.create();
    }

    /**
     * Builds {@code graph}'s backward graph, once, with standard output muted: SameDiff 1.0.0-M2.1
     * prints one "Added differentiated op" line per op to {@code System.out} while doing so, with
     * no switch to turn it off, so this is the one place that swaps {@code System.out}, under the
     * lock of {@code System.class} for the few milliseconds it takes. Only training
     * ({@link GraphStep}) needs it; a graph built for evaluation never pays for it.
     */
    static void createGradients(SameDiff graph) {
        if (graph.getFunction(GRADIENT_FUNCTION) != null) {
            return;
        }
        synchronized (System.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                graph.createGradFunction();
            } finally {
                System.setOut(out);
            }
        }
    }

    /** The names of {@code graph}'s trainable variables, in graph order. */
    static List<String> trainableNames(SameDiff graph) {
        return graph.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    /**
     * The values of {@code outputs} for {@code feed}, forward only, from a session of the calling
     * thread that frees each intermediate array as soon as the graph is done with it.
     */
    static Map<String, INDArray> output(SameDiff graph, Map<String, INDArray> feed, String... outputs) {
        long thread = Thread.currentThread().getId();
        InferenceSession current = graph.getSessions().get(thread);
        if (!(current != null && current.getMmgr() instanceof ArrayCacheMemoryMgr memory && !memory.isEnableCache())) {
            // none yet, or one SameDiff made itself, with its caching memory manager (a training step may)
            graph.getSessions().put(thread, session(graph));
        }
        return graph.output(feed, outputs);
    }

    private static InferenceSession session(SameDiff graph) {
        ArrayCacheMemoryMgr memory = new ArrayCacheMemoryMgr();
        memory.setEnableCache(false);
        InferenceSession session = new InferenceSession(graph);
        session.setMmgr(memory);
        return session;
    }
}
