package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.BaseScalarBoolOp;
import org.nd4j.linalg.api.ops.BaseScalarOp;
import org.nd4j.linalg.api.ops.BaseTransformOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;

/**
 * The ops of a compiled graph that compute what an earlier op of its order already computed: the
 * same op, with the same arguments, on the same inputs. SameDiff's gradients repeat forward ops
 * (the gradient of {@code exp(t)} computes {@code exp(t)} again: the Bernoulli likelihood's softplus
 * and the Gaussian posterior's standard deviation each run twice per step), and a plan runs each
 * such op once, its repeats reading the first one's arrays: common subexpression elimination
 * (Cocke 1970, "Global common subexpression elimination"). Identity ops, which only rename a value,
 * are the simplest case: their outputs are their inputs' arrays. An op's result depends only on its
 * inputs and arguments, so the plan's values are the same digits; ops that draw random numbers,
 * and kinds of op whose arguments this class does not know how to compare, are never merged.
 */
final class CommonSubexpressions {

    private CommonSubexpressions() {
    }

    /**
     * For each output of an op of {@code order} that computes nothing new, the value it holds: an
     * identity's output is its input (copy propagation), a repeated op's output the earlier op's.
     * Every value named is itself no such output.
     */
    static Map<String, String> of(List<SameDiffOp> order) {
        Map<List<Object>, SameDiffOp> first = new HashMap<>();
        Map<String, String> repeats = new HashMap<>();
        for (SameDiffOp op : order) {
            if (op.getOp() instanceof Identity) {
                String input = op.getInputsToOp().get(0);
                repeats.put(op.getOutputsOfOp().get(0), repeats.getOrDefault(input, input));
                continue;
            }
            List<Object> key = key(op, repeats);
            SameDiffOp earlier = key == null ? null : first.putIfAbsent(key, op);
            if (earlier != null) {
                for (int i = 0; i < op.getOutputsOfOp().size(); i++) {
                    repeats.put(op.getOutputsOfOp().get(i), earlier.getOutputsOfOp().get(i));
                }
            }
        }
        return repeats;
    }

    /**
     * What {@code op} computes: its kind, its arguments and its inputs (each named by the first op
     * computing it); null for an op never merged.
     */
    private static List<Object> key(SameDiffOp op, Map<String, String> repeats) {
        DifferentialFunction function = op.getOp();
        if (function instanceof RandomOp || function instanceof GradientBackwardsMarker
                || function.getClass().getName().contains(".random.") || op.getOutputsOfOp() == null) {
            return null;
        }
        List<String> inputs = op.getInputsToOp() == null ? List.of()
                : op.getInputsToOp().stream().map(name -> repeats.getOrDefault(name, name)).toList();
        List<Object> key = new ArrayList<>(List.of(function.getClass(), function.opName(), inputs,
                op.getOutputsOfOp().size()));
        if (function instanceof DynamicCustomOp custom) {
            key.add(Arrays.toString(custom.iArgs()));
            key.add(Arrays.toString(custom.tArgs()));
            key.add(Arrays.toString(custom.bArgs()));
            key.add(Arrays.toString(custom.dArgs()));
            key.add(Arrays.toString(custom.sArgs()));
            return key;
        }
        if (function instanceof BaseTransformOp || function instanceof BaseScalarOp
                || function instanceof BaseScalarBoolOp || function instanceof BaseReduceOp) {
            BaseOp legacy = (BaseOp) function;
            key.add(Arrays.deepToString(legacy.extraArgs()));
            key.add(legacy.dimensions() == null ? "" : Arrays.toString(legacy.dimensions().toLongVector()));
            if (function instanceof ScalarOp scalar && scalar.scalar() != null) {
                key.add(scalar.scalar().dataType() + " " + scalar.scalar().getDouble(0));
            }
            if (function instanceof BaseReduceOp reduce) {
                key.add(reduce.isKeepDims());
                key.add(reduce.isComplexAccumulation());
            }
            return key;
        }
        return null;
    }
}
