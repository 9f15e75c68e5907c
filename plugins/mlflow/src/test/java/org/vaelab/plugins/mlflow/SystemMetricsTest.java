package org.vaelab.plugins.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system metrics computed by hand from /proc files written for the test. */
class SystemMetricsTest {

    @TempDir
    Path proc;

    @Test
    void figuresAreThoseOfProcAsPsutilComputesThem() throws IOException {
        Files.createDirectories(proc.resolve("self"));
        // user nice system idle iowait irq softirq steal guest guest_nice: total 1000, busy 150
        Files.writeString(proc.resolve("stat"), "cpu  100 0 50 800 50 0 0 0 7 7\ncpu0 1 2 3 4 5 6 7 8 9 10\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:        2000000 kB\nMemFree:          100000 kB\n"
                + "MemAvailable:     500000 kB\n");
        Files.writeString(proc.resolve("self/status"), "Name:\tjava\nVmRSS:\t  102400 kB\n");
        SystemMetrics system = new SystemMetrics(proc);
        // total 1200, busy 1200 - 900 - 70 = 230: 80 busy ticks of 200
        Files.writeString(proc.resolve("stat"), "cpu  160 0 70 900 70 0 0 0 9 9\n");

        Map<String, Double> sample = system.sample();

        assertEquals(40.0, sample.get("system/cpu_utilization_percentage"), 1e-12);
        assertEquals(1_500_000 * 1024 / 1e6, sample.get("system/system_memory_usage_megabytes"), 1e-9);
        assertEquals(75.0, sample.get("system/system_memory_usage_percentage"), 1e-12);
        assertEquals(102_400 * 1024 / 1e6, sample.get("system/process_resident_memory_megabytes"), 1e-9);
        assertTrue(sample.get("system/jvm_heap_used_megabytes") > 0);
        assertTrue(sample.get("system/process_cpu_utilization_percentage") >= 0);
    }

    @Test
    void anUnreadableProcLeavesItsFiguresOutAndNeverThrows() {
        Map<String, Double> sample = new SystemMetrics(proc.resolve("absent")).sample();

        assertFalse(sample.containsKey("system/cpu_utilization_percentage"));
        assertFalse(sample.containsKey("system/system_memory_usage_megabytes"));
        assertTrue(sample.containsKey("system/jvm_heap_used_megabytes"), "the JVM's own figures remain");
    }
}
