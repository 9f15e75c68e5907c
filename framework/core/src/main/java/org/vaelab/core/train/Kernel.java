package org.vaelab.core.train;

/**
 * One unit of work of a {@link CompiledGraph}: an ND4J op, or a fixed piece of one, run by one
 * thread on arrays allocated when the graph was compiled.
 *
 * @param name what the kernel computes, for profiles and errors
 * @param body the work
 * @param after the indices of the kernels whose outputs it reads, all smaller than its own
 */
record Kernel(String name, Runnable body, int[] after) {
}
