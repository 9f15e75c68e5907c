package org.vaelab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading one metric of a {@code metrics.csv} back, by epoch. */
class MetricSeriesTest {

    @TempDir
    Path work;

    @Test
    void aLastRowCutShortWhileTheRunWritesItIsLeftOut() throws IOException {
        Path metrics = Files.writeString(work.resolve("metrics.csv"), "step,epoch,metric,value\n"
                + "5,1,val/elbo,-100.0\n5,1,test/elbo,-101.0\n10,2,val/elbo,-90.0\n15,3,val/elbo");
        assertEquals(Map.of(1, -100.0, 2, -90.0), MetricSeries.byEpoch(metrics, "val/elbo"));
    }

    @Test
    void theLastValueOfAnEpochLoggedTwiceCountsAndAMissingFileHasNone() throws IOException {
        Path metrics = Files.writeString(work.resolve("metrics.csv"), "step,epoch,metric,value\n"
                + "5,1,val/elbo,-100.0\n8,1,val/elbo,-99.5\n");
        assertEquals(Map.of(1, -99.5), MetricSeries.byEpoch(metrics, "val/elbo"));
        assertEquals(Map.of(), MetricSeries.byEpoch(work.resolve("none.csv"), "val/elbo"));
    }
}
