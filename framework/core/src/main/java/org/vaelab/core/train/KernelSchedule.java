package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Runs a compiled graph's kernels on a fixed number of threads, each thread (a lane) running its
 * own list of kernels in order and waiting, before each, for the kernels it reads from.
 *
 * <p>The lists are made once by list scheduling (Graham 1969, "Bounds on multiprocessing timing
 * anomalies"): kernels are taken in their compiled order, each put on the lane where it would finish
 * first, given the lanes' work so far, the kernels it waits for and each kernel's measured cost.
 * Which lane runs a kernel changes when, never what, it computes: every kernel writes its own
 * arrays with a single-threaded ND4J op, so the values are the same for any number of lanes.
 *
 * <p>A waiting lane spins a hundred times, then yields its core between checks: a kernel lasts
 * microseconds to milliseconds, less than a sleeping thread takes to wake, and yielding lets the
 * JVM's own threads (the collector, the compiler) run without stalling the lane they would
 * otherwise preempt. The first lane is the calling thread; the others are borrowed from a pool of
 * daemon threads that end after a second without work.
 */
final class KernelSchedule {

    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "vaelab-lane");
                thread.setDaemon(true);
                return thread;
            });

    /** How many times a lane checks for the kernel it waits for before it lets other threads run between checks. */
    private static final int SPINS = 100;

    private final List<Kernel> kernels;
    private final int[][] lanes;
    private final AtomicIntegerArray finished;
    private volatile Throwable failure;
    private int generation;

    private KernelSchedule(List<Kernel> kernels, int[][] lanes) {
        this.kernels = List.copyOf(kernels);
        this.lanes = lanes;
        this.finished = new AtomicIntegerArray(kernels.size());
    }

    /** The kernels on {@code laneCount} lanes, placed by their measured costs in nanoseconds. */
    static KernelSchedule of(List<Kernel> kernels, long[] costs, int laneCount) {
        long[] laneFree = new long[laneCount];
        long[] end = new long[kernels.size()];
        List<List<Integer>> lists = new ArrayList<>();
        for (int lane = 0; lane < laneCount; lane++) {
            lists.add(new ArrayList<>());
        }
        for (int k = 0; k < kernels.size(); k++) {
            long ready = 0;
            for (int before : kernels.get(k).after()) {
                ready = Math.max(ready, end[before]);
            }
            int best = 0;
            for (int lane = 1; lane < laneCount; lane++) {
                if (Math.max(laneFree[lane], ready) < Math.max(laneFree[best], ready)) {
                    best = lane;
                }
            }
            end[k] = Math.max(laneFree[best], ready) + costs[k];
            laneFree[best] = end[k];
            lists.get(best).add(k);
        }
        int[][] lanes = lists.stream().filter(list -> !list.isEmpty())
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        return new KernelSchedule(kernels, lanes.length == 0 ? new int[][] {{}} : lanes);
    }

    /** Runs every kernel once; throws what a kernel threw, as it was thrown, after every lane has stopped. */
    void run() {
        generation++;
        failure = null;
        List<Future<?>> others = new ArrayList<>();
        for (int lane = 1; lane < lanes.length; lane++) {
            int[] list = lanes[lane];
            others.add(POOL.submit(() -> runLane(list)));
        }
        runLane(lanes[0]);
        for (Future<?> other : others) {
            while (!other.isDone()) {
                Thread.onSpinWait();
            }
        }
        // as thrown, so that an OutOfMemoryError on a lane is reported as one, with its settings
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }

    private void runLane(int[] list) {
        int current = generation;
        try {
            for (int k : list) {
                Kernel kernel = kernels.get(k);
                for (int before : kernel.after()) {
                    int spins = 0;
                    while (finished.get(before) != current) {
                        if (failure != null) {
                            return;
                        }
                        if (++spins < SPINS) {
                            Thread.onSpinWait();
                        } else {
                            Thread.yield();
                        }
                    }
                }
                kernel.body().run();
                finished.set(k, current);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }
}
