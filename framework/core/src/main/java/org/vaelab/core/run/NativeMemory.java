package org.vaelab.core.run;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * The bound on this process's memory outside the Java heap. ND4J's arrays are JavaCPP pointers,
 * counted against JavaCPP's {@code maxbytes}; but libnd4j's and oneDNN's own buffers are not, so an
 * IWAE run with 1,024 samples grew past 24 GB under {@code maxbytes} of 1 GB until the kernel
 * killed it. Only JavaCPP's {@code maxphysicalbytes}, a bound on the whole resident memory, counts
 * those. A bound near a conv run's working set makes JavaCPP collect and trim on every allocation
 * (performance.md), so the default is the heap's maximum plus half of the machine's memory (at most
 * all of it): far above any run that fits, and low enough that the process fails with an
 * OutOfMemoryError, reported with its settings, before the machine runs out. The heap is counted
 * in, since the bound covers the whole process: a large {@code -Xmx} must not leave less room for
 * the arrays than a small one.
 */
public final class NativeMemory {

    private static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";

    private NativeMemory() {
    }

    /**
     * Sets JavaCPP's bounds where the command line did not: {@code maxbytes} to the heap's maximum
     * (JavaCPP's own default, written out) and {@code maxphysicalbytes} to the heap's maximum plus
     * half of the machine's memory, at most all of it. Call first thing in {@code main}, before any
     * ND4J class is loaded.
     */
    public static void boundByDefault() {
        if (System.getProperty(MAX_BYTES) == null) {
            System.setProperty(MAX_BYTES, Long.toString(Runtime.getRuntime().maxMemory()));
        }
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            long machine = machineBytes();
            long bound = Math.min(machine, Runtime.getRuntime().maxMemory() + machine / 2);
            System.setProperty(MAX_PHYSICAL_BYTES, Long.toString(bound));
        }
    }

    /** The resident memory this process may use: JavaCPP's bound, or the machine's memory where that is off (0). */
    static long limit() {
        long bound = Pointer.maxPhysicalBytes();
        return bound > 0 ? bound : machineBytes();
    }

    /** Where {@link #limit()} comes from, for messages. */
    static String describeLimit() {
        return Pointer.maxPhysicalBytes() > 0
                ? String.format(Locale.ROOT, "%s of %s", gigabytes(limit()), MAX_PHYSICAL_BYTES)
                : String.format(Locale.ROOT, "machine's %s", gigabytes(limit()));
    }

    /** {@code bytes} as gigabytes with one decimal. */
    static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    private static long machineBytes() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }
}
