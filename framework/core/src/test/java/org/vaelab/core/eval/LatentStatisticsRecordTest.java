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

/**
 * Proves the activity rule of Burda et al. 2016, section 5.2, on hand-made variances: a unit is
 * active only when its posterior-mean variance exceeds 0.01, so 0.01 itself is not; and the
 * metric names the runner logs, which a resumed run tells from the training loop's.
 */
class LatentStatisticsRecordTest {

    @Test
    void activeMeansAboveOneHundredth() {
        LatentStatistics stats = new LatentStatistics(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
                List.of(0.0, 0.0099, 0.01, 0.0101, 1.5, 1e-12), 10);
        assertEquals(List.of(false, false, false, true, true, false),
                List.of(stats.isActive(0), stats.isActive(1), stats.isActive(2), stats.isActive(3), stats.isActive(4),
                        stats.isActive(5)));
        assertEquals(2, stats.activeUnits());
    }

    @Test
    void metricNamesSortByDimension() {
        LatentStatistics two = new LatentStatistics(List.of(1.5, 0.0), List.of(0.2, 0.0), 5);
        assertEquals(Map.of("test/active_units", 1.0, "test/kl_dim/00", 1.5, "test/kl_dim/01", 0.0,
                "test/posterior_mean_var/00", 0.2, "test/posterior_mean_var/01", 0.0), two.metrics("test"));
        assertEquals(List.of("test/active_units", "test/kl_dim/00", "test/posterior_mean_var/00", "test/kl_dim/01",
                "test/posterior_mean_var/01"), List.copyOf(two.metrics("test").keySet()));

        List<Double> zeros = new ArrayList<>(Collections.nCopies(128, 0.0));
        Map<String, Double> wide = new LatentStatistics(zeros, zeros, 1).metrics("val");
        assertEquals(0.0, wide.get("val/kl_dim/007"));
        assertEquals(0.0, wide.get("val/posterior_mean_var/127"));
        assertEquals(1 + 2 * 128, wide.size());
    }

    @Test
    void namesTellItsMetricsFromTheTrainingLoops() {
        List<Double> zeros = new ArrayList<>(Collections.nCopies(128, 0.0));
        for (String name : new LatentStatistics(zeros, zeros, 1).metrics("test").keySet()) {
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
        assertThrows(IllegalArgumentException.class, () -> new LatentStatistics(List.of(1.0), List.of(1.0, 2.0), 3));
    }
}
