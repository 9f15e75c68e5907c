package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.TransformOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The ops of a compiled graph that work example by example, cut into two pieces, the first and
 * the second half of the batch, that two threads can run at once.
 *
 * <p>Each piece runs the same ND4J op on its half of the rows of every input that has a row per
 * example, the other inputs (weights, a broadcast bias) whole, and writes its half of every output
 * that has a row per example. An output that sums over the examples (the gradient of a weight or a
 * bias in a backward op) is written by each piece into an array of its own, and a third kernel
 * adds the two, first half first. The cut depends on the shapes alone, never on the number of
 * threads, so the digits are the same for any number; a summed output differs from the uncut op's
 * in the order of its additions only.
 *
 * <p>The ops cut, by what ND4J computes for each:
 * <ul>
 *   <li>element-wise: ND4J's legacy transform and scalar ops and the custom ops of {@link #ELEMENTWISE},
 *       an input of one row or of lower rank being broadcast over the rows;</li>
 *   <li>row-wise: a legacy reduction over dimensions other than the first;</li>
 *   <li>convolutions: {@link #BY_EXAMPLE}, whose first input and output have a row per example,
 *       and their backward ops {@link #BY_EXAMPLE_BACKWARD}, whose first and last inputs and first
 *       output do, the other outputs summing over the examples.</li>
 * </ul>
 */
final class BatchPieces {

    /** Ops with fewer values in their inputs and outputs than this stay whole. */
    static final long SPLIT_AT = 1L << 14;

    private static final Set<String> ELEMENTWISE = Set.of("add", "subtract", "multiply", "divide", "realdiv",
            "reversesubtract", "reversedivide", "maximum", "minimum", "squaredsubtract", "cast",
            "add_bp", "subtract_bp", "multiply_bp", "divide_bp", "realdiv_bp", "squaredsubtract_bp");
    private static final Set<String> BY_EXAMPLE = Set.of("conv2d", "deconv2d", "biasadd");
    private static final Set<String> BY_EXAMPLE_BACKWARD = Set.of("conv2d_bp", "deconv2d_bp", "biasadd_bp");

    private BatchPieces() {
    }

    /**
     * The pieces of {@code function} run on {@code inputs} into {@code outputs}, or an empty list when it is not cut.
     */
    static List<Piece> pieces(DifferentialFunction function, INDArray[] inputs, INDArray[] outputs) {
        Cut cut = cut(function, inputs, outputs);
        if (cut == null) {
            return List.of();
        }
        INDArray[][] partial = new INDArray[outputs.length][];
        for (int j = 0; j < outputs.length; j++) {
            if (!cut.outputRows[j]) {
                partial[j] = new INDArray[] {outputs[j].ulike(), outputs[j].ulike()};
            }
        }
        long[][] halves = MatrixProducts.halves(cut.examples);
        List<Piece> pieces = new ArrayList<>();
        for (int h = 0; h < halves.length; h++) {
            long[] range = halves[h];
            INDArray[] in = new INDArray[inputs.length];
            long[][] reads = new long[inputs.length][];
            for (int i = 0; i < in.length; i++) {
                in[i] = cut.inputRows[i] ? rows(inputs[i], range) : inputs[i];
                reads[i] = cut.inputRows[i] ? range : Piece.ALL;
            }
            INDArray[] out = new INDArray[outputs.length];
            long[][] writes = new long[outputs.length][];
            for (int j = 0; j < out.length; j++) {
                out[j] = cut.outputRows[j] ? rows(outputs[j], range) : partial[j][h];
                writes[j] = cut.outputRows[j] ? range : null;
            }
            pieces.add(new Piece(run(function, in, out), reads, writes, new int[0]));
        }
        List<Runnable> sums = new ArrayList<>();
        long[][] summed = new long[outputs.length][];
        for (int j = 0; j < outputs.length; j++) {
            if (partial[j] != null) {
                sums.add(sum(partial[j][0], partial[j][1], outputs[j]));
                summed[j] = Piece.ALL;
            }
        }
        if (!sums.isEmpty()) {
            pieces.add(new Piece(() -> sums.forEach(Runnable::run), Piece.rows(inputs.length, Piece.NONE), summed,
                    new int[] {0, 1}));
        }
        return pieces;
    }

    /** Which inputs and outputs have a row per example; null when the op is not cut. */
    private static Cut cut(DifferentialFunction function, INDArray[] inputs, INDArray[] outputs) {
        String name = function.opName();
        Cut cut;
        if (function instanceof CustomOp && BY_EXAMPLE.contains(name)) {
            cut = new Cut(inputs[0].size(0), firstOf(inputs.length), firstOf(outputs.length));
        } else if (function instanceof CustomOp && BY_EXAMPLE_BACKWARD.contains(name)) {
            boolean[] in = firstOf(inputs.length);
            in[inputs.length - 1] = true;
            cut = new Cut(inputs[0].size(0), in, firstOf(outputs.length));
        } else if (function instanceof ReduceOp reduce && rowWise(reduce, inputs, outputs)) {
            cut = new Cut(inputs[0].size(0), firstOf(inputs.length), firstOf(outputs.length));
        } else if (function instanceof CustomOp ? ELEMENTWISE.contains(name)
                : function instanceof TransformOp || function instanceof ScalarOp) {
            cut = elementwise(name.endsWith("_bp"), inputs, outputs);
        } else {
            return null;
        }
        return cut != null && cut.worthIt(inputs, outputs) ? cut : null;
    }

    /**
     * The cut of an element-wise op, whose outputs have the shape of its widest input: an input or
     * (of a backward op) an output of one row or of lower rank is broadcast over the rows.
     */
    private static Cut elementwise(boolean backward, INDArray[] inputs, INDArray[] outputs) {
        INDArray widest = outputs[0];
        for (INDArray input : inputs) {
            if (input.rank() > widest.rank() || input.rank() == widest.rank() && input.size(0) > widest.size(0)) {
                widest = input;
            }
        }
        if (widest.rank() < 1) {
            return null;
        }
        boolean[] in = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = byExample(inputs[i], widest);
            if (!in[i] && !broadcast(inputs[i], widest)) {
                return null;
            }
        }
        boolean[] out = new boolean[outputs.length];
        for (int j = 0; j < outputs.length; j++) {
            out[j] = byExample(outputs[j], widest);
            if (!out[j] && !(backward && broadcast(outputs[j], widest))) {
                return null;
            }
        }
        return new Cut(widest.size(0), in, out);
    }

    private static boolean rowWise(ReduceOp reduce, INDArray[] inputs, INDArray[] outputs) {
        INDArray axes = reduce.dimensions();
        if (axes == null || inputs[0].rank() < 2 || outputs[0].rank() < 1 || outputs[0].size(0) != inputs[0].size(0)) {
            return false;
        }
        return Arrays.stream(axes.toIntVector()).allMatch(axis -> axis != 0 && axis != -inputs[0].rank());
    }

    private static boolean byExample(INDArray array, INDArray widest) {
        return array.rank() == widest.rank() && array.size(0) == widest.size(0);
    }

    private static boolean broadcast(INDArray array, INDArray widest) {
        return array.rank() < widest.rank() || array.size(0) == 1;
    }

    private static boolean[] firstOf(int count) {
        boolean[] first = new boolean[count];
        first[0] = true;
        return first;
    }

    private static INDArray rows(INDArray array, long[] range) {
        return array.get(NDArrayIndex.interval(range[0], range[1]));
    }

    private static Runnable run(DifferentialFunction function, INDArray[] in, INDArray[] out) {
        OpContext context = Nd4j.getExecutioner().buildContext();
        if (function instanceof DynamicCustomOp custom) {
            context.setArgs(in, custom.iArgs(), custom.dArgs(), custom.tArgs(), custom.bArgs());
            context.setOutputArrays(out);
            return () -> Nd4j.exec(custom, context);
        }
        Op legacy = (Op) function;
        context.setInputArray(0, in[0]);
        if (in.length == 2 && !(legacy instanceof ScalarOp) && !(legacy instanceof ReduceOp)) {
            context.setInputArray(1, in[1]);
        }
        context.setOutputArray(0, out[0]);
        return () -> Nd4j.exec(legacy, context);
    }

    private static Runnable sum(INDArray first, INDArray second, INDArray into) {
        AddOp add = new AddOp();
        OpContext context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(first, second);
        context.setOutputArrays(into);
        return () -> Nd4j.exec(add, context);
    }

    /**
     * Where an op is cut.
     *
     * @param examples the rows of its per-example arrays
     * @param inputRows which inputs have a row per example
     * @param outputRows which outputs have a row per example; the others sum over the examples
     */
    private record Cut(long examples, boolean[] inputRows, boolean[] outputRows) {

        boolean worthIt(INDArray[] inputs, INDArray[] outputs) {
            if (examples < 2) {
                return false;
            }
            long values = 0;
            for (int i = 0; i < inputs.length; i++) {
                if (inputRows[i]) {
                    if (inputs[i].ordering() != 'c' || inputs[i].size(0) != examples) {
                        return false;
                    }
                    values += inputs[i].length();
                }
            }
            for (int j = 0; j < outputs.length; j++) {
                if (outputRows[j]) {
                    if (outputs[j].ordering() != 'c' || outputs[j].size(0) != examples) {
                        return false;
                    }
                    values += outputs[j].length();
                }
            }
            return values >= SPLIT_AT;
        }
    }
}
