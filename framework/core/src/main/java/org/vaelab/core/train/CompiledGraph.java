package org.vaelab.core.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff graph compiled, for one set of placeholder shapes, into a static plan: the ops that
 * the requested outputs need, in an order where each op's inputs come first, each with its ND4J op
 * context built once and every output array allocated once and reused by every later run.
 *
 * <p>A run copies the fed values into the placeholders' arrays and hands each op's context
 * straight to ND4J's executioner, without the per-op work of SameDiff's own session (dependency
 * tracking, shape inference and allocation on every op of every run), on as many threads as the
 * {@link KernelSchedule} was given. The plan is made by running the graph once, so shapes computed
 * from values (a reshape's target, a reduction's axes) are those of that first run: they must
 * depend on the placeholders' shapes only, as they do in every graph VAELab builds. Ops that only
 * rename a value (identity) cost nothing; large matrix products ({@link MatrixProducts}) and ops
 * that work example by example ({@link BatchPieces}) are cut in two pieces that two threads can
 * run at once; an op that repeats an earlier one ({@link CommonSubexpressions}) is run once. A graph
 * with an op the plan cannot run (control flow, an op without an ND4J kernel)
 * is refused with {@link UnsupportedOperationException}. Output arrays whose lifetimes in the plan
 * do not overlap share a buffer ({@link MemoryPlanner}); the outputs asked for are never shared.
 */
final class CompiledGraph {

    private static final int CALIBRATION_RUNS = 3;

    private final Map<String, INDArray> placeholders = new HashMap<>();
    private final Map<String, INDArray> values = new HashMap<>();
    /** For each value, the kernels that write it: {kernel index, first row, row after the last}. */
    private final Map<String, List<long[]>> producers = new HashMap<>();
    private final List<Kernel> kernels = new ArrayList<>();
    private final Set<String> outputs;
    /** The values some op of the plan reads, and the outputs asked for. */
    private final Set<String> read = new HashSet<>();
    /** For each output of an identity or a repeated op ({@link CommonSubexpressions}), the value it holds. */
    private final Map<String, String> repeats;
    private final MemoryPlanner memory;
    private KernelSchedule schedule;

    private CompiledGraph(List<String> outputs, Map<String, String> repeats, MemoryPlanner memory) {
        this.outputs = Set.copyOf(outputs);
        this.repeats = repeats;
        this.memory = memory;
    }

    /**
     * Compiles the part of {@code graph} that computes {@code outputs} from {@code feed} for up to
     * {@code lanes} threads, running it on {@code feed} while doing so.
     *
     * @param shareMemory whether output arrays whose lifetimes do not overlap share a buffer
     * @throws UnsupportedOperationException if an op needed is one the plan cannot run
     */
    static CompiledGraph compile(SameDiff graph, Map<String, INDArray> feed, List<String> outputs, int lanes,
                                 boolean shareMemory) {
        List<SameDiffOp> order = order(graph, outputs);
        Map<String, String> repeats = CommonSubexpressions.of(order);
        CompiledGraph compiled = new CompiledGraph(outputs, repeats,
                MemoryPlanner.of(order, outputs, repeats, shareMemory));
        compiled.read.addAll(outputs);
        order.stream().filter(op -> op.getInputsToOp() != null).forEach(op -> op.getInputsToOp()
                .forEach(input -> compiled.read.add(repeats.getOrDefault(input, input))));
        feed.forEach((name, array) -> {
            INDArray own = array.dup('c');
            compiled.placeholders.put(name, own);
            compiled.values.put(name, own);
        });
        for (int position = 0; position < order.size(); position++) {
            compiled.memory.startOp(position);
            compiled.add(graph, order.get(position));
        }
        compiled.schedule = KernelSchedule.of(compiled.kernels, compiled.costs(), lanes);
        return compiled;
    }

    /** Runs the plan on {@code feed}, whose arrays have the shapes the plan was compiled for. */
    void run(Map<String, INDArray> feed) {
        placeholders.forEach((name, own) -> own.assign(feed.get(name)));
        schedule.run();
    }

    /**
     * The array holding the value of {@code name}, one of the outputs the plan was compiled for,
     * after the last run; the next run overwrites it.
     */
    INDArray value(String name) {
        INDArray value = values.get(name);
        if (value == null || !outputs.contains(name)) {
            throw new IllegalArgumentException("the compiled graph has no output named " + name);
        }
        return value;
    }

    /** The bytes of the plan's output arrays, each as if in a buffer of its own. */
    long requestedBytes() {
        return memory.requestedBytes();
    }

    /** The bytes of the buffers the plan's output arrays are in: less than {@link #requestedBytes()} when shared. */
    long allocatedBytes() {
        return memory.allocatedBytes();
    }

    /** What a run of the plan does, kernel by kernel in compiled order: each kernel's op and output shape. */
    List<String> kernelNames() {
        return kernels.stream().map(Kernel::name).toList();
    }

    /** For each kernel, in compiled order, the kernels it waits for. */
    List<int[]> kernelWaits() {
        return kernels.stream().map(kernel -> kernel.after().clone()).toList();
    }

    /** Each kernel's least time in nanoseconds over a few runs on the calling thread. */
    private long[] costs() {
        long[] costs = new long[kernels.size()];
        Arrays.fill(costs, Long.MAX_VALUE);
        for (int run = 0; run < CALIBRATION_RUNS; run++) {
            for (int k = 0; k < kernels.size(); k++) {
                long start = System.nanoTime();
                kernels.get(k).body().run();
                costs[k] = Math.min(costs[k], System.nanoTime() - start);
            }
        }
        return costs;
    }

    private void add(SameDiff graph, SameDiffOp op) {
        DifferentialFunction function = op.getOp();
        List<String> outputs = op.getOutputsOfOp();
        List<String> inputNames = op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
        INDArray[] inputs = inputNames.stream().map(name -> input(graph, name)).toArray(INDArray[]::new);
        if (repeats.containsKey(outputs.get(0))) {
            for (String output : outputs) {
                values.put(output, values.get(repeats.get(output)));
                producers.put(output, producers.getOrDefault(repeats.get(output), List.of()));
            }
            return;
        }
        if (function instanceof GradientBackwardsMarker) {
            values.put(outputs.get(0), Nd4j.scalar(DataType.FLOAT, 1.0f));
            return;
        }
        OpContext context = Nd4j.getExecutioner().buildContext();
        INDArray[] results;
        Runnable whole;
        if (function instanceof CustomOp) {
            DynamicCustomOp custom = (DynamicCustomOp) function;
            context.setArgs(inputs, custom.iArgs(), custom.dArgs(), custom.tArgs(), custom.bArgs());
            List<LongShapeDescriptor> shapes = custom.calculateOutputShape(context);
            results = new INDArray[shapes.size()];
            for (int i = 0; i < results.length; i++) {
                DataType type = graph.getVariable(outputs.get(i)).dataType();
                results[i] = memory.allocate(outputs.get(i), shapes.get(i).asDataType(type));
                context.setOutputArray(i, results[i]);
            }
            whole = () -> Nd4j.exec(custom, context);
        } else if (function instanceof Op legacy) {
            results = new INDArray[] {legacyOutput(legacy, inputs, context,
                    shape -> memory.allocate(outputs.get(0), shape))};
            whole = () -> Nd4j.exec(legacy, context);
        } else {
            throw new UnsupportedOperationException("the compiled graph cannot run " + function.opName());
        }
        whole.run();
        List<Piece> pieces = function instanceof DynamicCustomOp custom
                ? MatrixProducts.pieces(custom, inputs, results, read(outputs)) : List.of();
        if (pieces.isEmpty()) {
            pieces = BatchPieces.pieces(function, inputs, results);
        }
        if (pieces.isEmpty()) {
            pieces = List.of(Piece.whole(whole, inputs.length, results.length));
        }
        List<List<long[]>> written = new ArrayList<>();
        outputs.forEach(output -> written.add(new ArrayList<>()));
        int first = kernels.size();
        for (Piece piece : pieces) {
            int index = kernels.size();
            IntStream overwritten = IntStream.range(0, results.length).filter(i -> piece.writes()[i] != null).flatMap(
                    i -> Arrays.stream(memory.waitBeforeWriting(outputs.get(i), results[i], piece.writes()[i])));
            int[] after = IntStream.concat(Arrays.stream(waitsFor(inputNames, piece, first)), overwritten)
                    .distinct().sorted().toArray();
            kernels.add(new Kernel(function.opName() + " " + Arrays.toString(results[0].shape()), piece.body(),
                    after));
            for (int i = 0; i < results.length; i++) {
                long[] rows = piece.writes()[i];
                if (rows != null) {
                    written.get(i).add(new long[] {index, rows[0], rows[1]});
                }
            }
        }
        for (int i = 0; i < results.length; i++) {
            values.put(outputs.get(i), results[i]);
            producers.put(outputs.get(i), written.get(i));
        }
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            for (int i = 0; i < inputs.length; i++) {
                memory.touch(inputNames.get(i), inputs[i], piece.reads()[i], first + p);
            }
            for (int i = 0; i < results.length; i++) {
                if (piece.writes()[i] != null) {
                    memory.touch(outputs.get(i), results[i], piece.writes()[i], first + p);
                }
            }
        }
    }

    /** For each of {@code names}, whether an op of the plan reads it or it was asked for. */
    private boolean[] read(List<String> names) {
        boolean[] isRead = new boolean[names.size()];
        for (int i = 0; i < isRead.length; i++) {
            isRead[i] = read.contains(names.get(i));
        }
        return isRead;
    }

    /** The kernels that wrote the rows of the inputs {@code piece} reads. */
    private int[] waitsFor(List<String> inputNames, Piece piece, int firstPiece) {
        IntStream.Builder kernelIndices = IntStream.builder();
        for (int before : piece.afterPieces()) {
            kernelIndices.add(firstPiece + before);
        }
        for (int i = 0; i < inputNames.size(); i++) {
            for (long[] write : producers.getOrDefault(inputNames.get(i), List.of())) {
                if (Piece.overlap(piece.reads()[i], new long[] {write[1], write[2]})) {
                    kernelIndices.add((int) write[0]);
                }
            }
        }
        return kernelIndices.build().distinct().sorted().toArray();
    }

    /**
     * Sets up a legacy (non-custom) op's context and allocates its output, as SameDiff's session
     * does: a reduction's second input is its axes, a scalar op's second input its scalar.
     */
    private static INDArray legacyOutput(Op legacy, INDArray[] inputs, OpContext context,
                                         Function<LongShapeDescriptor, INDArray> allocate) {
        boolean axesInput = false;
        if (legacy instanceof ReduceOp reduce && reduce.getOpType() != Op.Type.REDUCE3 && inputs.length == 2) {
            ((DifferentialFunction) legacy).setDimensions(Shape.normalizeAxis(inputs[0].rank(),
                    inputs[1].toIntVector()));
            axesInput = true;
        } else if (legacy instanceof ScalarOp scalar && inputs.length == 2) {
            scalar.setScalar(inputs[1]);
        }
        context.setInputArray(0, inputs[0]);
        if (inputs.length == 2 && !axesInput) {
            context.setInputArray(1, inputs[1]);
        }
        INDArray out = allocate.apply(((BaseOp) legacy).calculateOutputShape(context).get(0));
        context.setOutputArray(0, out);
        return out;
    }

    private INDArray input(SameDiff graph, String name) {
        INDArray value = values.get(name);
        if (value != null) {
            return value;
        }
        SDVariable variable = graph.getVariable(name);
        if (variable.getVariableType() != VariableType.VARIABLE
                && variable.getVariableType() != VariableType.CONSTANT) {
            throw new IllegalArgumentException("no value was fed for " + name);
        }
        values.put(name, variable.getArr());
        return variable.getArr();
    }

    /** The ops that {@code outputs} need, each after the ops whose outputs it reads. */
    private static List<SameDiffOp> order(SameDiff graph, List<String> outputs) {
        Map<String, SameDiffOp> ops = graph.getOps();
        Map<String, Variable> variables = graph.getVariables();
        Set<String> needed = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        outputs.forEach(output -> addProducer(variables, output, pending));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            SameDiffOp op = ops.get(name);
            if (needed.add(name) && op.getInputsToOp() != null) {
                op.getInputsToOp().forEach(input -> addProducer(variables, input, pending));
            }
        }
        List<SameDiffOp> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (order.size() < needed.size()) {
            int before = order.size();
            for (String name : ops.keySet()) {
                if (needed.contains(name) && !done.contains(name) && inputsReady(ops.get(name), variables, done)) {
                    order.add(ops.get(name));
                    done.add(name);
                }
            }
            if (order.size() == before) {
                throw new UnsupportedOperationException("the graph has a cycle");
            }
        }
        return order;
    }

    private static void addProducer(Map<String, Variable> variables, String value, Deque<String> pending) {
        String producer = variables.get(value).getOutputOfOp();
        if (producer != null) {
            pending.add(producer);
        }
    }

    private static boolean inputsReady(SameDiffOp op, Map<String, Variable> variables, Set<String> done) {
        if (op.getInputsToOp() == null) {
            return true;
        }
        for (String input : op.getInputsToOp()) {
            String producer = variables.get(input).getOutputOfOp();
            if (producer != null && !done.contains(producer)) {
                return false;
            }
        }
        return true;
    }
}
