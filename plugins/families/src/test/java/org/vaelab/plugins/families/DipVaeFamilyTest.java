package org.vaelab.plugins.families;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The DIP-VAE penalties (Kumar et al. 2018, eq. 6 and 7) on three posterior means computed by hand.
 * The means (1, 0), (-1, 2) and (0, 1) have the mean (0, 1) and the covariance
 * {@code 1/3 [[2, -2], [-2, 2]]}: off-diagonal squares {@code 2 (2/3)^2 = 8/9}, diagonal distances
 * from 1 {@code 2 (1/3)^2 = 2/9}. DIP-VAE-II adds the mean posterior variances (0.5, 1) to the
 * diagonal, (7/6, 5/3): distances {@code (1/6)^2 + (2/3)^2 = 17/36}.
 */
class DipVaeFamilyTest {

    private static final double[][] MEANS = {{1, 0}, {-1, 2}, {0, 1}};
    private static final double[][] VARIANCES = {{0.2, 1}, {0.5, 1}, {0.8, 1}};
    private static final double LAMBDA_OD = 3;
    private static final double LAMBDA_D = 5;

    @Test
    void dipVaeIPenalisesTheCovarianceOfTheMeans() {
        assertEquals(LAMBDA_OD * 8 / 9 + LAMBDA_D * 2 / 9, penalty(DipVaeFamily.Covariance.OF_MEANS), 1e-12);
    }

    @Test
    void dipVaeIiAddsTheMeanPosteriorVarianceToTheDiagonal() {
        assertEquals(LAMBDA_OD * 8 / 9 + LAMBDA_D * 17 / 36,
                penalty(DipVaeFamily.Covariance.OF_AGGREGATE_POSTERIOR), 1e-12);
    }

    @Test
    void theLossIsTheVaesLossPlusThePenalty() {
        SameDiff sd = SameDiff.create();
        SDVariable logPx = constant(sd, new double[] {-10, -20, -30});
        SDVariable klPenalty = sd.constant(Nd4j.scalar(4.0));
        SDVariable unused = sd.constant(Nd4j.scalar(Double.NaN));
        ObjectiveTerms terms = new ObjectiveTerms(1, logPx, unused, unused, klPenalty, unused,
                constant(sd, MEANS), logVariances(sd));
        double loss = new DipVaeFamily(DipVaeFamily.Covariance.OF_MEANS, LAMBDA_OD, LAMBDA_D).objective(sd, terms)
                .loss().eval().getDouble(0);
        assertEquals(20 + 4 + LAMBDA_OD * 8 / 9 + LAMBDA_D * 2 / 9, loss, 1e-12);
    }

    private static double penalty(DipVaeFamily.Covariance covariance) {
        SameDiff sd = SameDiff.create();
        return new DipVaeFamily(covariance, LAMBDA_OD, LAMBDA_D).penalty(sd, constant(sd, MEANS), logVariances(sd))
                .eval().getDouble(0);
    }

    private static SDVariable logVariances(SameDiff sd) {
        double[][] logs = new double[VARIANCES.length][];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = new double[] {Math.log(VARIANCES[i][0]), Math.log(VARIANCES[i][1])};
        }
        return constant(sd, logs);
    }

    private static SDVariable constant(SameDiff sd, double[][] values) {
        return sd.constant(Nd4j.create(values).castTo(DataType.DOUBLE));
    }

    private static SDVariable constant(SameDiff sd, double[] values) {
        return sd.constant(Nd4j.createFromArray(values).castTo(DataType.DOUBLE));
    }
}
