package org.vaelab.plugins.families.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.latent.StandardNormalPrior;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The vector-quantised code (van den Oord et al. 2017) against known answers: each vector goes to its nearest code,
 * by hand; the gradients of {@code c . z + ||sg[z_e] - e||^2 + beta ||z_e - sg[e]||^2} (a linear stand-in for the
 * decoder's loss, plus the posterior's training term, eq. 3) are the straight-through gradient {@code c} plus
 * {@code 2 beta (z_e - e)} for the encoder's output and {@code 2 sum (e_k - z_e)} for each code, by hand, the
 * code book's also against central differences of the code book loss; the usage of the codes (perplexity and codes
 * used) by hand; the prior's samples are codes, uniform over the book; mismatched partners are refused.
 */
class VectorQuantisedCodeTest {

    private static final int D = 2;
    private static final int GROUPS = 2;
    private static final int LATENT = D * GROUPS;
    private static final double[][] BOOK = {{0, 0}, {1, 0}, {0, 2}};
    private static final double BETA = 0.25;
    /** Two examples of two vectors each, their nearest codes 1, 2 (row 0) and 0, 1 (row 1). */
    private static final double[][] ENCODED = {{0.9, 0.3, 0.2, 1.5}, {-0.2, 0.4, 0.7, -0.4}};
    private static final int[] NEAREST = {1, 2, 0, 1};

    @Test
    void eachVectorIsReplacedByItsNearestCode() {
        TestContext context = new TestContext(LATENT);
        GaussianPosterior encoded = encodedPlaceholders(context);
        VectorQuantisedPosterior posterior = posterior(BETA);
        PosteriorSample sample = posterior.sample(context, encoded, context.placeholder("eps", LATENT));
        context.set("codebook", BOOK);
        Map<String, double[][]> feed = Map.of("mean", ENCODED, "log_variance", new double[2][LATENT],
                "eps", new double[2][LATENT]);
        double[] expected = quantised();
        assertArrayEquals(expected, PriorDensitiesTest.run(context, sample.z(), feed), 1e-6, "z = e_k");
        assertArrayEquals(expected, PriorDensitiesTest.run(context, posterior.code(context, encoded), feed), 1e-6,
                "the figures' code");
        assertArrayEquals(new double[2], PriorDensitiesTest.run(context, sample.logDensity(), feed), 0,
                "log q(z|x) of a point mass");
        PriorDensity prior = new UniformCodebookPrior(new CodebookConfig(BOOK.length, D)).build(context);
        assertArrayEquals(new double[] {-GROUPS * Math.log(3), -GROUPS * Math.log(3)},
                PriorDensitiesTest.run(context, prior.logDensity(sample.z()), feed), 1e-6, "log p(z) = -G log K");
    }

    @Test
    void theEncoderGetsTheStraightThroughGradientAndTheCodesTheCodebookLossGradient() {
        double[][] upstream = {{0.5, -1.0, 2.0, 0.25}, {-0.75, 1.5, 0.1, -0.3}};
        Map<String, INDArray> gradients = gradients(BETA, upstream);
        double[] encoderGradient = flat(gradients.get("encoder_output"));
        double[] codeGradient = flat(gradients.get("part/codebook"));
        double[] z = quantised();
        double[] expectedCodes = new double[BOOK.length * D];
        for (int row = 0; row < ENCODED.length; row++) {
            for (int j = 0; j < LATENT; j++) {
                double difference = ENCODED[row][j] - z[row * LATENT + j];
                assertEquals(upstream[row][j] + 2 * BETA * difference / ENCODED.length,
                        encoderGradient[row * LATENT + j], 1e-5, "dL/dz_e[" + row + "][" + j + "]");
                expectedCodes[NEAREST[row * GROUPS + j / D] * D + j % D] -= 2 * difference / ENCODED.length;
            }
        }
        assertArrayEquals(expectedCodes, codeGradient, 1e-5, "dL/de = 2 sum over its vectors (e_k - z_e) / batch");
        assertArrayEquals(codeGradient, centralDifferencesOfTheCodebookLoss(), 1e-3,
                "the code book's gradient is the derivative of ||sg[z_e] - e||^2 alone");
        assertArrayEquals(codeGradient, flat(gradients(0.0, upstream).get("part/codebook")), 1e-6,
                "the commitment loss does not reach the code book");
    }

    @Test
    void theUsageOfTheCodesIsThePerplexityAndCountOfTheirFrequencies() {
        SameDiff sd = SameDiff.create();
        Codebook book = new Codebook(sd, sd.var("book", TestContext.matrix(new double[4][D])), 1, 4, D);
        Map<String, SDVariable> usage = book.usage(book.oneHot(sd.constant(Nd4j.createFromArray(0, 0, 1, 2))));
        String perplexity = usage.get("codebook_perplexity").name();
        String used = usage.get("codes_used").name();
        Map<String, INDArray> values = sd.output(Map.of(), perplexity, used);
        double entropy = -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25));
        assertEquals(Math.exp(entropy), values.get(perplexity).getDouble(0), 1e-5, "exp(H) of (1/2, 1/4, 1/4, 0)");
        assertEquals(3, values.get(used).getDouble(0), 0, "codes used at least once");
    }

    @Test
    void thePriorsSamplesAreCodesDrawnUniformly() {
        TestContext context = new TestContext(LATENT);
        PriorDensity prior = new UniformCodebookPrior(new CodebookConfig(BOOK.length, D)).build(context);
        context.sameDiff().getVariable(Codebook.NAME).getArr().assign(TestContext.matrix(BOOK));
        int draws = 6000;
        SDVariable samples = prior.sample(context.placeholder("normal", LATENT), context.placeholder("uniform", 1));
        double[] codes = PriorDensitiesTest.run(context, samples,
                Map.of("normal", PriorDensitiesTest.draws(new SplittableRandom(4), draws, LATENT, 1.0)));
        double[] counts = new double[BOOK.length];
        for (int v = 0; v < draws * GROUPS; v++) {
            int code = codeAt(codes, v * D);
            assertTrue(code >= 0, "vector " + v + " is a code");
            counts[code]++;
        }
        double p = 1.0 / BOOK.length;
        for (double count : counts) {
            assertEquals(p, count / (draws * GROUPS), 4 * Math.sqrt(p * (1 - p) / (draws * GROUPS)));
        }
    }

    @Test
    void aLatentSizeNotAMultipleOfTheDimensionOrAMismatchedPartnerIsRefused() {
        TestContext odd = new TestContext(LATENT + 1);
        InvalidInputException size = assertThrows(InvalidInputException.class,
                () -> posterior(BETA).sample(odd, encodedPlaceholders(odd), odd.placeholder("eps", LATENT + 1)));
        assertTrue(size.getMessage().startsWith("model.posterior.embedding_dim: 2 does not divide"),
                size.getMessage());
        TestContext context = new TestContext(LATENT);
        GaussianPosterior encoded = encodedPlaceholders(context);
        PriorDensity normal = new StandardNormalPrior().build(context);
        InvalidInputException prior = assertThrows(InvalidInputException.class,
                () -> posterior(BETA).klPerDimension(encoded, normal));
        assertTrue(prior.getMessage().startsWith("model.prior: "), prior.getMessage());
        PriorDensity larger = new UniformCodebookPrior(new CodebookConfig(BOOK.length + 1, D)).build(context);
        assertThrows(InvalidInputException.class, () -> posterior(BETA).klPerDimension(encoded, larger));
        PriorDensity codebook = new UniformCodebookPrior(new CodebookConfig(BOOK.length, D)).build(context);
        assertTrue(posterior(BETA).klPerDimension(encoded, codebook).isEmpty(), "the KL is log K, estimated exactly");
        InvalidInputException posterior = assertThrows(InvalidInputException.class,
                () -> codebook.klPerDimension(encoded));
        assertTrue(posterior.getMessage().startsWith("model.posterior: "), posterior.getMessage());
    }

    /**
     * The gradients of {@code sum(upstream * z) + term} in the encoder's output and the code book, with the
     * encoder's output a variable.
     */
    private static Map<String, INDArray> gradients(double beta, double[][] upstream) {
        TestContext context = new TestContext(LATENT);
        SameDiff sd = context.sameDiff();
        SDVariable encoderOutput = sd.var("encoder_output", TestContext.matrix(ENCODED));
        GaussianPosterior encoded = new GaussianPosterior(encoderOutput, sd.constant(TestContext.matrix(
                new double[ENCODED.length][LATENT])));
        PosteriorSample sample = posterior(beta).sample(context, encoded,
                sd.constant(TestContext.matrix(new double[ENCODED.length][LATENT])));
        context.set("codebook", BOOK);
        Objective term = sample.trainingTerm().orElseThrow();
        SDVariable loss = sample.z().mul(sd.constant(TestContext.matrix(upstream))).sum().add(term.loss());
        sd.setLossVariables(loss);
        return sd.calculateGradients(new HashMap<>(), List.of("encoder_output", "part/codebook"));
    }

    /** Central differences of the code book loss {@code ||sg[z_e] - e||^2} (beta 0) in every code value. */
    private static double[] centralDifferencesOfTheCodebookLoss() {
        TestContext context = new TestContext(LATENT);
        SameDiff sd = context.sameDiff();
        GaussianPosterior encoded = encodedPlaceholders(context);
        SDVariable term = posterior(0.0).sample(context, encoded, context.placeholder("eps", LATENT))
                .trainingTerm().orElseThrow().loss();
        Map<String, double[][]> feed = Map.of("mean", ENCODED, "log_variance", new double[2][LATENT],
                "eps", new double[2][LATENT]);
        double step = 1e-2;
        double[] derivatives = new double[BOOK.length * D];
        for (int i = 0; i < derivatives.length; i++) {
            double[] values = new double[2];
            for (int sign = 0; sign < 2; sign++) {
                double[][] book = {BOOK[0].clone(), BOOK[1].clone(), BOOK[2].clone()};
                book[i / D][i % D] += sign == 0 ? step : -step;
                context.set("codebook", book);
                values[sign] = PriorDensitiesTest.run(context, term, feed)[0];
            }
            derivatives[i] = (values[0] - values[1]) / (2 * step);
        }
        sd.getVariable("part/codebook").getArr().assign(TestContext.matrix(BOOK));
        return derivatives;
    }

    /** The encoded rows with each vector replaced by its nearest code, by hand, flattened. */
    private static double[] quantised() {
        double[] z = new double[ENCODED.length * LATENT];
        for (int v = 0; v < NEAREST.length; v++) {
            int row = v / GROUPS;
            int offset = (v % GROUPS) * D;
            double best = Double.POSITIVE_INFINITY;
            int nearest = -1;
            for (int k = 0; k < BOOK.length; k++) {
                double distance = 0;
                for (int j = 0; j < D; j++) {
                    distance += Math.pow(ENCODED[row][offset + j] - BOOK[k][j], 2);
                }
                if (distance < best) {
                    best = distance;
                    nearest = k;
                }
            }
            assertEquals(NEAREST[v], nearest, "the hand case's nearest code of vector " + v);
            System.arraycopy(BOOK[nearest], 0, z, v * D, D);
        }
        return z;
    }

    /** The index of the code at {@code values[offset..offset + D)}, or -1 when it is none. */
    private static int codeAt(double[] values, int offset) {
        for (int k = 0; k < BOOK.length; k++) {
            boolean same = true;
            for (int j = 0; j < D; j++) {
                same &= Math.abs(values[offset + j] - BOOK[k][j]) < 1e-6;
            }
            if (same) {
                return k;
            }
        }
        return -1;
    }

    private static VectorQuantisedPosterior posterior(double beta) {
        return new VectorQuantisedPosterior(new VectorQuantiserConfig(BOOK.length, D, beta));
    }

    private static GaussianPosterior encodedPlaceholders(TestContext context) {
        return new GaussianPosterior(context.placeholder("mean", LATENT), context.placeholder("log_variance", LATENT));
    }

    private static double[] flat(INDArray array) {
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
