package org.vaelab.plugins.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.vaelab.plugins.optim.schedule.LearningRateSchedule.Kind;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * Each kind of schedule gives, at chosen iterations, the learning rate worked out by hand, with and
 * without warm-up; options of another kind are refused and required ones demanded.
 */
class LearningRateScheduleTest {

    private static final double LR = 0.01;
    /** A run of 10 epochs of 300 steps. */
    private static final TrainingHorizon RUN = new TrainingHorizon(300, 10);

    private static LearningRateSchedule schedule(Kind kind, int warmup, Integer every, Double factor, Double gamma,
                                                 Integer total, Double minLr) {
        return new LearningRateSchedule(kind, warmup, every, factor, gamma, total, minLr);
    }

    private static void assertRate(double expected, ISchedule schedule, int iteration) {
        assertEquals(expected, schedule.valueAt(iteration, iteration / 100), 1e-15, "lr at iteration " + iteration);
    }

    @Test
    void constantIsTheBaseRate() {
        ISchedule rates = schedule(Kind.CONSTANT, 0, null, null, null, null, null).learningRates(LR, RUN);
        for (int t : new int[] {0, 1, 1000, 1_000_000}) {
            assertRate(LR, rates, t);
        }
    }

    @Test
    void stepMultipliesByFactorEveryEverySteps() {
        ISchedule rates = schedule(Kind.STEP, 0, 100, 0.5, null, null, null).learningRates(LR, RUN);
        assertRate(LR, rates, 0);
        assertRate(LR, rates, 99);
        assertRate(LR * 0.5, rates, 100);
        assertRate(LR * 0.25, rates, 250);
        assertRate(LR * Math.pow(0.5, 10), rates, 1000);
    }

    @Test
    void exponentialMultipliesByGammaEveryStep() {
        ISchedule rates = schedule(Kind.EXPONENTIAL, 0, null, null, 0.99, null, null).learningRates(LR, RUN);
        assertRate(LR, rates, 0);
        assertRate(LR * 0.99, rates, 1);
        assertRate(LR * Math.pow(0.99, 500), rates, 500);
    }

    @Test
    void cosineFallsFromLrToMinLrAlongHalfACosineThenHolds() {
        double min = 1e-4;
        ISchedule rates = schedule(Kind.COSINE, 0, null, null, null, 1000, min).learningRates(LR, RUN);
        assertRate(LR, rates, 0);
        assertRate(min + (LR - min) * (1 + Math.cos(Math.PI / 4)) / 2, rates, 250);
        assertRate((LR + min) / 2, rates, 500);
        assertRate(min, rates, 1000);
        assertRate(min, rates, 50_000);
        double previous = LR;
        for (int t = 0; t <= 1100; t++) {
            double rate = rates.valueAt(t, 0);
            assertTrue(rate <= previous && rate >= min, "iteration " + t);
            previous = rate;
        }
    }

    @Test
    void warmUpMultipliesAnyKindByTPlusOneOverWarmupSteps() {
        ISchedule constant = schedule(Kind.CONSTANT, 10, null, null, null, null, null).learningRates(LR, RUN);
        assertInstanceOf(RampSchedule.class, constant, "ND4J's RampSchedule does the warm-up");
        assertRate(LR / 10, constant, 0);
        assertRate(LR * 5 / 10, constant, 4);
        assertRate(LR, constant, 9);
        assertRate(LR, constant, 10);
        assertRate(LR, constant, 5000);

        ISchedule cosine = schedule(Kind.COSINE, 100, null, null, null, 1000, null).learningRates(LR, RUN);
        assertRate(LR / 100, cosine, 0);
        assertRate(LR * (1 + Math.cos(Math.PI * 49 / 1000)) / 2 * 50 / 100, cosine, 49);
        assertRate(LR * (1 + Math.cos(Math.PI * 500 / 1000)) / 2, cosine, 500);
        assertRate(0, cosine, 1000);

        ISchedule step = schedule(Kind.STEP, 4, 2, 0.5, null, null, null).learningRates(LR, RUN);
        assertRate(LR * 1 / 4, step, 0);
        assertRate(LR * 0.5 * 3 / 4, step, 2);
        assertRate(LR * 0.5, step, 3);
        assertRate(LR * 0.25, step, 4);
    }

    @Test
    void kindsGetTheirDocumentedDefaults() {
        assertEquals(0.1, schedule(Kind.STEP, 0, 10, null, null, null, null).factor());
        assertEquals(0.0, schedule(Kind.COSINE, 0, null, null, null, 10, null).minLr());
    }

    @Test
    void optionsOfAnotherKindAreRefused() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> schedule(Kind.COSINE, 0, null, 0.5, null, 1000, null));
        assertEquals("factor", e.key());
        assertEquals("factor applies to kind step only, not to kind cosine", e.getMessage());
        assertEquals("gamma", assertThrows(InvalidConfigException.class,
                () -> schedule(Kind.STEP, 0, 10, null, 0.9, null, null)).key());
        assertEquals("min_lr", assertThrows(InvalidConfigException.class,
                () -> schedule(Kind.CONSTANT, 0, null, null, null, null, 0.0)).key());
    }

    @Test
    void cosineWithoutTotalStepsSpansTheWholeRun() {
        ISchedule rates = schedule(Kind.COSINE, 0, null, null, null, null, null).learningRates(LR, RUN);
        assertRate(LR, rates, 0);
        assertRate(LR / 2, rates, 1500);
        assertRate(0, rates, 3000);
        assertRate(LR * (1 + Math.cos(Math.PI * 1000 / 3000)) / 2,
                schedule(Kind.COSINE, 0, null, null, null, 0, null).learningRates(LR, RUN), 1000);
    }

    @Test
    void requiredOptionsOfTheKindAreDemanded() {
        assertEquals("every_steps", assertThrows(InvalidConfigException.class,
                () -> schedule(Kind.STEP, 0, null, 0.5, null, null, null)).key());
        assertEquals("gamma", assertThrows(InvalidConfigException.class,
                () -> schedule(Kind.EXPONENTIAL, 0, null, null, null, null, null)).key());
    }

    @Test
    void minLrMayNotExceedTheBaseRate() {
        LearningRateSchedule cosine = schedule(Kind.COSINE, 0, null, null, null, 100, 0.1);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> cosine.requireFits(0.01));
        assertEquals("schedule", e.key());
        assertTrue(e.getMessage().startsWith("min_lr (0.1) must be at most lr (0.01)"), e.getMessage());
        assertDoesNotThrow(() -> cosine.requireFits(0.1));
    }

    @Test
    void cosineScheduleClonesToAnEqualSchedule() {
        CosineDecaySchedule schedule = new CosineDecaySchedule(LR, 0, 10);
        ISchedule clone = schedule.clone();
        assertNotSame(schedule, clone);
        assertEquals(schedule, clone);
    }
}
