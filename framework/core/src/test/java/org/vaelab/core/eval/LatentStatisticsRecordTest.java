package org.vaelab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.latent.StochasticLayer;

/**
 * Proves the activity rule of Burda et al. 2016, section 5.2, on hand-made variances: a unit is
 * active only when its posterior-mean variance exceeds 0.01, so 0.01 itself is not; and the
 * metric names the runner logs, which a resumed run tells from the training loop's; with several
 * stochastic layers, the count of each layer and its column in the table.
 */
class LatentStatisticsRecordTest {

    @Test
    void activeMeansAboveOneHundredth() {
        LatentStatistics stats = new LatentStatistics(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
                List.of(0.0, 0.0099, 0.01, 0.0101, 1.5, 1e-12), 10, List.of());
        assertEquals(List.of(false, false, false, true, true, false),
                List.of(stats.isActive(0), stats.isActive(1), stats.isActive(2), stats.isActive(3), stats.isActive(4),
                        stats.isActive(5)));
        assertEquals(2, stats.activeUnits());
    }

    @Test
    void theMetricsAreTheActiveUnitsAndTheTableHoldsEachDimension() {
        LatentStatistics two = new LatentStatistics(List.of(1.5, 0.0), List.of(0.2, 0.0), 5, List.of());
        assertEquals(Map.of("test/active_units", 1.0), two.metrics("test"));
        assertEquals("dimension,kl,posterior_mean_var,active\n0,1.5,0.2,true\n1,0.0,0.0,false\n", two.csv());

        List<Double> zeros = new ArrayList<>(Collections.nCopies(128, 0.0));
        LatentStatistics wide = new LatentStatistics(zeros, zeros, 1, List.of());
        assertEquals(1, wide.metrics("val").size(), "not a metric per dimension");
        assertEquals(1 + 128, wide.csv().lines().count());
    }

    @Test
    void severalStochasticLayersAreCountedEachAndInAll() {
        List<StochasticLayer> layers = List.of(new StochasticLayer("z1", 3), new StochasticLayer("z2", 2));
        LatentStatistics stats = new LatentStatistics(Collections.nCopies(5, Double.NaN),
                List.of(0.5, 0.0, 0.02, 0.0, 0.3), 4, layers);
        assertEquals(List.of("test/active_units", "test/active_units/z1", "test/active_units/z2"),
                List.copyOf(stats.metrics("test").keySet()));
        assertEquals(List.of(3.0, 2.0, 1.0), List.copyOf(stats.metrics("test").values()));
        assertEquals("3 of 5 (z1: 2 of 3, z2: 1 of 2)", stats.describeActiveUnits());
        assertEquals("dimension,layer,kl,posterior_mean_var,active\n0,z1,,0.5,true\n1,z1,,0.0,false\n"
                + "2,z1,,0.02,true\n3,z2,,0.0,false\n4,z2,,0.3,true\n", stats.csv());
        for (String name : stats.metrics("test").keySet()) {
            assertTrue(LatentStatistics.names("test", name), name);
            assertFalse(LatentStatistics.names("val", name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> new LatentStatistics(List.of(1.0, 1.0),
                List.of(1.0, 1.0), 3, List.of(new StochasticLayer("z1", 1))), "the layers cover z");
    }

    @Test
    void valuesNotDefinedForTheModelAreEmptyCells() {
        LatentStatistics noKl = new LatentStatistics(List.of(Double.NaN), List.of(0.5), 3, List.of());
        assertEquals("dimension,kl,posterior_mean_var,active\n0,,0.5,true\n", noKl.csv());
        LatentStatistics noActivity = new LatentStatistics(List.of(0.25), List.of(Double.NaN), 3, List.of());
        assertEquals("dimension,kl,posterior_mean_var,active\n0,0.25,,\n", noActivity.csv());
        assertEquals(Map.of(), noActivity.metrics("test"));
    }

    @Test
    void namesTellItsMetricsFromTheTrainingLoops() {
        List<Double> zeros = new ArrayList<>(Collections.nCopies(128, 0.0));
        for (String name : new LatentStatistics(zeros, zeros, 1, List.of()).metrics("test").keySet()) {
            assertTrue(LatentStatistics.names("test", name), name);
            assertFalse(LatentStatistics.names("val", name), name);
        }
        for (String name : List.of("test/kl", "test/elbo", "test/recon", "test/mse", "test/bce", "train/kl",
                "test/kl_dim/")) {
            assertFalse(LatentStatistics.names("test", name), name);
        }
    }

    @Test
    void refusesMismatchedLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> new LatentStatistics(List.of(1.0), List.of(1.0, 2.0), 3, List.of()));
    }
}
