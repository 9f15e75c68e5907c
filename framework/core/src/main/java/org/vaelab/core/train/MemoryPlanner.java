package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The output arrays of a {@link CompiledGraph}, placed so that arrays whose lifetimes in the plan
 * do not overlap share one buffer: a liveness-based planner, as compilers allocate registers
 * (Poletto and Sarkar 1999, "Linear scan register allocation", with the plan's op order as the
 * linear order of the program).
 *
 * <p>An op's output lives from the op that writes it to the last op that reads it or one of its
 * aliases (the outputs of identity ops, which the plan does not copy, and of ops that repeat it).
 * At each op, the buffers of the arrays that died before it go back to a pool, and each of the op's
 * outputs takes the smallest pooled buffer of its data type that is big enough, or a new one. The
 * outputs the plan is asked for are read after a run, so they live to its end and are never shared;
 * they take a pooled buffer only of their exact size, since their readers want whole arrays, not
 * views of a larger buffer ({@link HostArrays}). Placeholders, variables, constants and the partial
 * sums of {@link BatchPieces} are not the planner's and are never shared either.
 *
 * <p>Sharing adds an order the plan's data flow does not have: a kernel writing bytes of a buffer's
 * new array must wait for every kernel that read or wrote those bytes in the arrays before it, or a
 * lane could overwrite values another lane still reads. {@link #waitBeforeWriting} gives those
 * kernels, so a run computes the same digits as without sharing, on any number of lanes. It counts
 * bytes, not arrays: the kernel writing one half of a batch waits only for the kernels that touched
 * the same bytes, which a lane working on its own half mostly did itself, instead of for both lanes.
 */
final class MemoryPlanner {

    private final boolean sharing;
    /** For each value, the value it is an alias of (itself when it is none). */
    private final Map<String, String> roots = new HashMap<>();
    /** For each value that is no alias, the position in the op order of the last op reading it or its aliases. */
    private final Map<String, Integer> lastUse = new HashMap<>();
    private final Map<String, Buffer> live = new HashMap<>();
    private final List<Buffer> pool = new ArrayList<>();
    private long requestedBytes;
    private long allocatedBytes;

    private MemoryPlanner(boolean sharing) {
        this.sharing = sharing;
    }

    /**
     * A planner for {@code order}, the plan's ops, whose {@code outputs} are read after each run.
     *
     * @param repeats for each output of an identity or of an op that repeats an earlier one, the value
     *     whose array the plan uses instead ({@link CommonSubexpressions})
     * @param sharing whether arrays share buffers; without, every output gets a buffer of its own
     */
    static MemoryPlanner of(List<SameDiffOp> order, List<String> outputs, Map<String, String> repeats,
                            boolean sharing) {
        MemoryPlanner planner = new MemoryPlanner(sharing);
        for (int position = 0; position < order.size(); position++) {
            SameDiffOp op = order.get(position);
            List<String> inputs = op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
            if (op.getOutputsOfOp() != null && repeats.containsKey(op.getOutputsOfOp().get(0))) {
                op.getOutputsOfOp().forEach(output -> planner.roots.put(output, repeats.get(output)));
                continue;
            }
            for (String input : inputs) {
                planner.lastUse.put(planner.root(input), position);
            }
        }
        outputs.forEach(output -> planner.lastUse.put(planner.root(output), Integer.MAX_VALUE));
        return planner;
    }

    /** Returns to the pool the buffers of the arrays no op from {@code position} on reads. */
    void startOp(int position) {
        List<String> dead = live.keySet().stream()
                .filter(name -> lastUse.getOrDefault(name, -1) < position).toList();
        for (String name : dead) {
            Buffer buffer = live.remove(name);
            buffer.vacate();
            pool.add(buffer);
        }
    }

    /** An array of {@code shape} for the output {@code name}, in a pooled buffer when one fits. */
    INDArray allocate(String name, LongShapeDescriptor shape) {
        long length = shape.isEmpty() ? 0 : Arrays.stream(shape.getShape()).reduce(1, Math::multiplyExact);
        if (shape.rank() == 0 || length == 0) {
            return Nd4j.create(shape, false);
        }
        long bytes = length * shape.dataType().width();
        requestedBytes += bytes;
        boolean readAfterRun = lastUse.getOrDefault(name, -1) == Integer.MAX_VALUE;
        Buffer buffer = sharing ? bestFit(shape.dataType(), length, readAfterRun) : null;
        if (buffer == null) {
            buffer = new Buffer(Nd4j.createBuffer(shape.dataType(), length, false));
            allocatedBytes += bytes;
        } else {
            pool.remove(buffer);
        }
        live.put(name, buffer);
        return Nd4j.create(buffer.data, shape.getShape(), shape.getStride(), 0, shape.getOrder(), shape.dataType());
    }

    /**
     * The kernels that a kernel writing {@code rows} of {@code array}, the array of value {@code name},
     * must wait for: those that read or wrote the same bytes of its buffer while earlier arrays held
     * it; none for a value the planner did not place.
     */
    int[] waitBeforeWriting(String name, INDArray array, long[] rows) {
        Buffer buffer = live.get(root(name));
        return buffer == null ? new int[0] : buffer.earlierTouches(bytes(array, rows));
    }

    /** Notes that {@code kernel} reads or writes {@code rows} of {@code array}, the array of value {@code name}. */
    void touch(String name, INDArray array, long[] rows, int kernel) {
        Buffer buffer = live.get(root(name));
        long[] bytes = bytes(array, rows);
        if (buffer != null && bytes[0] < bytes[1]) {
            buffer.current.add(new long[] {kernel, bytes[0], bytes[1]});
        }
    }

    /** The bytes of every array placed, as if each had a buffer of its own. */
    long requestedBytes() {
        return requestedBytes;
    }

    /** The bytes of the buffers allocated: {@link #requestedBytes()} less what sharing saved. */
    long allocatedBytes() {
        return allocatedBytes;
    }

    private String root(String name) {
        return roots.getOrDefault(name, name);
    }

    /** The smallest pooled buffer of {@code type} holding {@code length} values, or exactly that many. */
    private Buffer bestFit(DataType type, long length, boolean exactly) {
        Buffer best = null;
        for (Buffer buffer : pool) {
            long size = buffer.data.length();
            if (buffer.data.dataType() == type && (exactly ? size == length : size >= length)
                    && (best == null || buffer.data.length() < best.data.length())) {
                best = buffer;
            }
        }
        return best;
    }

    /**
     * The bytes of {@code array}'s buffer that its rows {@code [rows[0], rows[1])} (as {@link Piece}
     * counts them: along the first dimension) occupy; the whole array unless it is row-major.
     */
    private static long[] bytes(INDArray array, long[] rows) {
        long total = array.length() * array.dataType().width();
        if (array.rank() == 0 || array.ordering() != 'c' || array.size(0) == 0) {
            return rows[0] < rows[1] ? new long[] {0, total} : new long[] {0, 0};
        }
        long rowBytes = total / array.size(0);
        return new long[] {Math.min(rows[0], array.size(0)) * rowBytes, Math.min(rows[1], array.size(0)) * rowBytes};
    }

    /**
     * A buffer, with the byte ranges that kernels touched in its current array and in the arrays
     * before it: {kernel, first byte, byte after the last}.
     */
    private static final class Buffer {

        final DataBuffer data;
        final List<long[]> current = new ArrayList<>();
        final List<long[]> earlier = new ArrayList<>();

        Buffer(DataBuffer data) {
            this.data = data;
        }

        void vacate() {
            earlier.addAll(current);
            current.clear();
        }

        /** The kernels that touched {@code bytes} in an array before the current one. */
        int[] earlierTouches(long[] bytes) {
            return earlier.stream().filter(touch -> touch[1] < bytes[1] && bytes[0] < touch[2])
                    .mapToInt(touch -> (int) touch[0]).distinct().sorted().toArray();
        }
    }
}
