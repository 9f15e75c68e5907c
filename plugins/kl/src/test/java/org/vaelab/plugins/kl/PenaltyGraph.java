package org.vaelab.plugins.kl;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;

/**
 * A schedule's penalty built into a small SameDiff graph the way the framework builds it: the
 * per-dimension KL a trainable {@code [batch, latentDim]} variable, weight and capacity scalar
 * FLOAT placeholders fed from a {@link KlWeighting}, the penalty the loss.
 */
final class PenaltyGraph {

    private static final String KL = "kl_per_dimension";
    private static final String PENALTY = "penalty";

    private final SameDiff sd = SameDiff.create();
    private final Map<String, INDArray> feed;

    PenaltyGraph(KlSchedule schedule, float[][] klPerDimension, KlWeighting weighting) {
        SDVariable kl = sd.var(KL, Nd4j.create(klPerDimension));
        SDVariable weight = sd.placeHolder("weight", DataType.FLOAT);
        SDVariable capacity = sd.placeHolder("capacity", DataType.FLOAT);
        SDVariable klPerExample = RowSums.of(sd, kl, klPerDimension[0].length);
        schedule.penalty(sd, klPerExample, kl, weight, capacity).rename(PENALTY);
        sd.setLossVariables(PENALTY);
        feed = Map.of("weight", Nd4j.scalar((float) weighting.weight()),
                "capacity", Nd4j.scalar((float) weighting.capacity()));
    }

    /** The penalty's value, which must be a scalar. */
    double value() {
        INDArray penalty = sd.output(feed, PENALTY).get(PENALTY);
        if (penalty.length() != 1) {
            throw new AssertionError("the penalty is not a scalar: " + penalty.shapeInfoToString());
        }
        return penalty.getDouble(0);
    }

    /** d penalty / d KL_bj, {@code [batch, latentDim]}, without the line per op SameDiff prints. */
    INDArray gradient() {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
        return sd.calculateGradients(feed, KL).get(KL);
    }
}
