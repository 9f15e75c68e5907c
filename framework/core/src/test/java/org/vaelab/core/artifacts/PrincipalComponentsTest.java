package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    /** A Gaussian cloud with standard deviations 3, 1 and 0.5, rotated and shifted. */
    @Test
    void recoversThePrincipalAxisOfAnElongatedCloud() {
        double angle = Math.toRadians(30);
        double[] longAxis = {Math.cos(angle) * Math.cos(0.4), Math.sin(angle) * Math.cos(0.4), Math.sin(0.4)};
        double[] secondAxis = normalised(cross(longAxis, new double[] {0, 0, 1}));
        double[] thirdAxis = cross(longAxis, secondAxis);
        SplittableRandom random = new SplittableRandom(3);
        int count = 20_000;
        float[] rows = new float[count * 3];
        for (int i = 0; i < count; i++) {
            double a = 3 * random.nextGaussian();
            double b = random.nextGaussian();
            double c = 0.5 * random.nextGaussian();
            for (int j = 0; j < 3; j++) {
                rows[i * 3 + j] = (float) (a * longAxis[j] + b * secondAxis[j] + c * thirdAxis[j] + 10 * (j + 1));
            }
        }
        PrincipalComponents pca = PrincipalComponents.fit(rows, count, 3);

        assertTrue(Math.abs(dot(pca.axis(0), longAxis)) > 0.9995, "first axis " + Arrays.toString(pca.axis(0)));
        assertTrue(Math.abs(dot(pca.axis(1), secondAxis)) > 0.999, "second axis");
        assertEquals(9.0, pca.variance(0), 9.0 * 0.05);
        assertEquals(1.0, pca.variance(1), 0.05);
        assertEquals(0.25, pca.variance(2), 0.25 * 0.05);
        assertEquals(9.0 / 10.25, pca.varianceFraction(0), 0.01);
        double[][] projected = pca.project(rows, count, 2);
        double mean = 0;
        for (double[] point : projected) {
            mean += point[0] / count;
        }
        assertEquals(0.0, mean, 1e-6);
    }

    @Test
    void signsEachAxisSoItsLargestEntryIsPositive() {
        float[] line = {-2, -4, 0, 0, 1, 2, 3, 6, 5, 10};
        PrincipalComponents pca = PrincipalComponents.fit(line, 5, 2);
        assertArrayEquals(new double[] {1 / Math.sqrt(5), 2 / Math.sqrt(5)}, pca.axis(0), 1e-6);
        assertEquals(0.0, pca.variance(1), 1e-6 * pca.variance(0));
    }

    /** Every axis is an eigenvector of the sample covariance with its variance as the eigenvalue. */
    @Test
    void axesAreEigenvectorsOfTheCovariance() {
        int dim = 7;
        int count = 500;
        SplittableRandom random = new SplittableRandom(11);
        double[][] mixing = new double[dim][dim];
        for (double[] row : mixing) {
            for (int j = 0; j < dim; j++) {
                row[j] = random.nextGaussian();
            }
        }
        float[] rows = new float[count * dim];
        for (int i = 0; i < count; i++) {
            double[] noise = random.doubles(dim).map(u -> u - 0.5).toArray();
            for (int j = 0; j < dim; j++) {
                rows[i * dim + j] = (float) dot(mixing[j], noise);
            }
        }
        double[][] covariance = covariance(rows, count, dim);
        PrincipalComponents pca = PrincipalComponents.fit(rows, count, dim);
        for (int k = 0; k < dim; k++) {
            double[] axis = pca.axis(k);
            assertEquals(1.0, dot(axis, axis), 1e-12);
            for (int i = 0; i < dim; i++) {
                assertEquals(pca.variance(k) * axis[i], dot(covariance[i], axis), 1e-9, "axis " + k + " entry " + i);
            }
            if (k > 0) {
                assertTrue(pca.variance(k) <= pca.variance(k - 1));
                assertEquals(0.0, dot(axis, pca.axis(k - 1)), 1e-12);
            }
        }
    }

    private static double[][] covariance(float[] rows, int count, int dim) {
        double[] mean = new double[dim];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += rows[i * dim + j] / (double) count;
            }
        }
        double[][] covariance = new double[dim][dim];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dim; j++) {
                for (int k = 0; k < dim; k++) {
                    covariance[j][k] += (rows[i * dim + j] - mean[j]) * (rows[i * dim + k] - mean[k]) / (count - 1);
                }
            }
        }
        return covariance;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalised(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        return new double[] {v[0] / norm, v[1] / norm, v[2] / norm};
    }
}
