package org.vaelab.plugins.mlflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine's and this process's CPU and memory, under MLflow's system metric names (those of
 * MLflow 3.17's {@code mlflow/system_metrics/metrics/cpu_monitor.py}, prefixed {@code system/} as
 * its monitor does) and, for what MLflow does not measure, names of the same form:
 * <ul>
 * <li>{@code system/cpu_utilization_percentage}: the share of all cores' time spent busy (neither
 * idle nor waiting for I/O) since the last sample, from {@code /proc/stat}, as psutil's
 * {@code cpu_percent} computes it;</li>
 * <li>{@code system/system_memory_usage_megabytes} and {@code system/system_memory_usage_percentage}:
 * memory in use, MemTotal - MemAvailable of {@code /proc/meminfo}, in 10^6 bytes and as a share of
 * MemTotal;</li>
 * <li>{@code system/process_resident_memory_megabytes}: this process's resident set (VmRSS of
 * {@code /proc/self/status}), which includes ND4J's native buffers;</li>
 * <li>{@code system/process_cpu_utilization_percentage}: this process's CPU time over wall time
 * since the last sample (above 100 when it keeps several cores busy);</li>
 * <li>{@code system/jvm_heap_used_megabytes}: the Java heap in use.</li>
 * </ul>
 * Where {@code /proc} cannot be read (not Linux), its figures are left out.
 */
final class SystemMetrics {

    private static final double MEGA = 1e6;
    private static final double KIB = 1024;

    private final Path proc;
    private long[] lastCpu;
    private long lastProcessNanos;
    private long lastWallNanos;

    /** Figures of the machine whose {@code /proc} is at {@code proc}; the first sample measures from now. */
    SystemMetrics(Path proc) {
        this.proc = proc;
        this.lastCpu = cpuTimes();
        this.lastProcessNanos = processCpuNanos();
        this.lastWallNanos = System.nanoTime();
    }

    /** Every figure that can be read now; CPU shares since the previous sample (or construction). */
    Map<String, Double> sample() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        long[] cpu = cpuTimes();
        if (cpu != null && lastCpu != null && cpu[0] > lastCpu[0]) {
            metrics.put("system/cpu_utilization_percentage",
                    100.0 * (cpu[1] - lastCpu[1]) / (cpu[0] - lastCpu[0]));
        }
        lastCpu = cpu;
        Map<String, Long> memory = fields(proc.resolve("meminfo"));
        Long total = memory.get("MemTotal");
        Long available = memory.get("MemAvailable");
        if (total != null && available != null && total > 0) {
            metrics.put("system/system_memory_usage_megabytes", (total - available) * KIB / MEGA);
            metrics.put("system/system_memory_usage_percentage", 100.0 * (total - available) / total);
        }
        Long resident = fields(proc.resolve("self/status")).get("VmRSS");
        if (resident != null) {
            metrics.put("system/process_resident_memory_megabytes", resident * KIB / MEGA);
        }
        long processNanos = processCpuNanos();
        long wallNanos = System.nanoTime();
        if (processNanos >= 0 && lastProcessNanos >= 0 && wallNanos > lastWallNanos) {
            metrics.put("system/process_cpu_utilization_percentage",
                    100.0 * (processNanos - lastProcessNanos) / (wallNanos - lastWallNanos));
        }
        lastProcessNanos = processNanos;
        lastWallNanos = wallNanos;
        Runtime runtime = Runtime.getRuntime();
        metrics.put("system/jvm_heap_used_megabytes", (runtime.totalMemory() - runtime.freeMemory()) / MEGA);
        return metrics;
    }

    /**
     * All cores' time since boot and the busy part of it, in clock ticks, from the {@code cpu}
     * line of {@code /proc/stat} (user nice system idle iowait irq softirq steal guest guest_nice):
     * the total leaves out guest and guest_nice, which user and nice already count; null where it
     * cannot be read.
     */
    private long[] cpuTimes() {
        try {
            List<String> lines = Files.readAllLines(proc.resolve("stat"));
            String[] fields = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
            return new long[] {total, total - idle};
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** The {@code Name: value kB} lines of a {@code /proc} file as numbers; empty where it cannot be read. */
    private static Map<String, Long> fields(Path file) {
        Map<String, Long> fields = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                String[] value = colon < 0 ? new String[0] : line.substring(colon + 1).trim().split("\\s+");
                if (value.length > 0 && value[0].matches("\\d+")) {
                    fields.put(line.substring(0, colon), Long.parseLong(value[0]));
                }
            }
        } catch (IOException unreadable) {
            return Map.of();
        }
        return fields;
    }
}
