package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.nn.Activation;

/**
 * The evaluator's compiled plans give SameDiff's session's numbers up to float rounding, the same
 * digits on one and on two threads, and per-example ELBOs whose mean is the split's ELBO, over a
 * split whose last batch is shorter than the others (so two plans are compiled).
 */
class EvaluatorTest {

    private static final int WIDTH = 12;
    private static final int EXAMPLES = 230;
    private static final int BATCH = 100;

    private final VaeGraph graph = TestModels.vae(WIDTH, List.of(16), Activation.TANH, 3, 2, 5);
    private final DataSplit split = new DataSplit(TestModels.binaryValues(new SplittableRandom(6), EXAMPLES * WIDTH),
            null, WIDTH);

    @Test
    void compiledPlansGiveTheSessionsNumbersOnAnyNumberOfThreads() {
        ElboTerms session = evaluate(ForwardPass.session());
        ElboTerms oneThread = evaluate(ForwardPass.compiled(1));
        ElboTerms twoThreads = evaluate(ForwardPass.compiled(2));

        assertEquals(EXAMPLES, oneThread.examples());
        assertEquals(oneThread, twoThreads, "the same digits on one and two threads");
        assertEquals(session.elbo(), oneThread.elbo(), 1e-4 * Math.abs(session.elbo()));
        assertEquals(session.kl(), oneThread.kl(), 1e-4 * Math.abs(session.kl()));
        assertEquals(session.mse(), oneThread.mse(), 1e-4 * session.mse());
        assertEquals(session.bce().orElseThrow(), oneThread.bce().orElseThrow(),
                1e-4 * session.bce().orElseThrow());
    }

    private ElboTerms evaluate(ForwardPass.Engine engine) {
        return new Evaluator(graph, BATCH, engine).evaluate(split, new SplittableRandom(7));
    }

    @Test
    void perExampleElbosAverageToTheSplitsElboAndRepeat() {
        Evaluator evaluator = new Evaluator(graph, BATCH, ForwardPass.compiled(2));
        double[] elbos = evaluator.elbos(split, new SplittableRandom(8));
        ElboTerms terms = evaluator.evaluate(split, new SplittableRandom(8));

        assertEquals(EXAMPLES, elbos.length);
        // evaluate sums each batch in float, elbos in double: they agree to float rounding
        assertEquals(terms.elbo(), Arrays.stream(elbos).average().orElseThrow(), 1e-6 * Math.abs(terms.elbo()));
        assertArrayEquals(elbos, evaluator.elbos(split, new SplittableRandom(8)), "a second pass on the same plans");
    }
}
