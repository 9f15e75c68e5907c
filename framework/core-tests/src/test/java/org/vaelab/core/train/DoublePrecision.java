package org.vaelab.core.train;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.ScalarOp;

/**
 * Turns a FLOAT SameDiff graph into a DOUBLE one in place, for gradient checks.
 *
 * <p>{@link SameDiff#convertDataTypes} in ND4J 1.0.0-M2.1 converts variables, constants and
 * placeholders only: the recorded types of intermediate arrays and the scalars of scalar ops
 * ({@code x.mul(0.5)}) stay FLOAT and make execution fail, so they are converted here too.
 */
final class DoublePrecision {

    /** The name SameDiff 1.0.0-M2.1 stores the backward graph under. */
    private static final String GRADIENT_FUNCTION = "grad";

    private DoublePrecision() {
    }

    /** Converts {@code sd} and, if built, its backward graph. */
    static void convert(SameDiff sd) {
        convertOne(sd);
        if (sd.hasGradientFunction()) {
            convertOne(sd.getFunction(GRADIENT_FUNCTION));
        }
    }

    private static void convertOne(SameDiff sd) {
        Map<String, DataType> inputs = new HashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.dataType().isFPType() && v.getVariableType() == VariableType.ARRAY) {
                v.setDataType(DataType.DOUBLE);
            } else if (v.dataType().isFPType()) {
                inputs.put(v.name(), DataType.DOUBLE);
            }
        }
        sd.convertDataTypes(inputs);
        for (SameDiffOp op : sd.getOps().values()) {
            if (op.getOp() instanceof ScalarOp scalarOp && scalarOp.scalar() != null) {
                scalarOp.setScalar(scalarOp.scalar().castTo(DataType.DOUBLE));
            }
        }
    }
}
