package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec whose estimated peak memory exceeds what the process may use is refused before anything
 * is written (exit 2), with the keys, the estimate, the limit and how far to lower; the largest
 * value it names is accepted, with a warning that it comes close. Without JavaCPP options the process may use its heap
 * plus half of the machine's memory: an IWAE with 1,024 samples at the default batch grew past 24 GB before it was
 * bounded.
 */
class MemoryEstimateTest {

    private static final String IWAE = """
            model:
              latent_dim: 2
              encoder: {type: mlp, hidden: [128]}
              decoder: {type: mlp, hidden: [128]}
              family: {type: iwae, samples: 1024}
            """;

    /** What the child's {@code -Xmx1g} gives {@code Runtime.maxMemory()} under G1, the JVM's default collector. */
    private static final long HEAP_1G = 1L << 30;

    @TempDir
    Path work;

    @Test
    void theIwaeWith1024SamplesIsRefusedUnderTheDefaultBound() throws Exception {
        String spec = TestSpecs.SMALL_FASHION.replace("model:\n  latent_dim: 8\n", "model:\n  latent_dim: 8\n"
                + "  family: {type: iwae, samples: 1024}\n")
                .replace("train: {epochs: 2, batch_size: 64}", "train: {epochs: 1}");
        assertTrue(spec.contains("samples: 1024"), spec);
        String output = vae(spec, List.of("-Xmx1g"));
        long machine = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        String limit = String.format(Locale.ROOT, "%.1f GB of org.bytedeco.javacpp.maxphysicalbytes",
                Math.min(machine, HEAP_1G + machine / 2) / 1e9);
        assertTrue(output.contains("error: model.family.samples: train.batch_size 128 x 1024 samples of z"
                + " (model.family.samples) = 131,072 rows per training step"), output);
        assertTrue(output.contains("GB at its peak, more than the " + limit + " this process may use; lower"
                + " model.family.samples (at most "), output);
        assertTrue(output.endsWith("; nothing was run\n"), output);
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
    }

    @Test
    void theLargestAcceptedSamplesRunAndOneMoreIsRefused() throws Exception {
        List<String> jvm = List.of("-Xmx512m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=2G");
        String refused = vae(tiny(1024), jvm);
        Matcher most = Pattern.compile("at most (\\d+) with these batch sizes").matcher(refused);
        assertTrue(most.find(), refused);
        int largest = Integer.parseInt(most.group(1));
        assertTrue(largest > 1 && largest < 1024, refused);

        String oneMore = vae(tiny(largest + 1), jvm);
        assertTrue(oneMore.contains("(at most " + largest + " with these batch sizes)"), oneMore);

        Path log = work.resolve("accepted.log");
        Process run = CommandLineRunner.process(log, jvm, "run", TestSpecs.write(work, "accepted.yaml", tiny(largest))
                .toString(), "--runs-dir", work.resolve("runs").toString()).start();
        try {
            while (run.isAlive() && !Files.readString(log).contains("training step")) {
                run.waitFor(200, TimeUnit.MILLISECONDS);
            }
            String output = Files.readString(log);
            assertTrue(output.contains("training step") && !output.contains("error:"), output);
            assertTrue(output.contains("warning: train.batch_size 50 x " + largest + " samples of z")
                    && output.contains(
                    "GB at its peak, close to the 2.1 GB of org.bytedeco.javacpp.maxphysicalbytes this "
                            + "process may use"),
                    output);
        } finally {
            run.destroyForcibly().waitFor();
        }
    }

    /** The 2-D MLP VAE of {@link TestSpecs#TINY_2D} as an IWAE with {@code samples} samples. */
    private static String tiny(int samples) {
        String spec = TestSpecs.TINY_2D.replaceAll("(?s)model:.*?likelihood:",
                IWAE.replace("1024", Integer.toString(samples)) + "likelihood:");
        assertTrue(spec.contains("family: {type: iwae, samples: " + samples + "}"), spec);
        return spec;
    }

    /** {@code vae run spec} in a process of its own with {@code jvmOptions}: its exit code 2 and output. */
    private String vae(String spec, List<String> jvmOptions) throws IOException, InterruptedException {
        Path specFile = TestSpecs.write(work, "spec" + System.nanoTime() + ".yaml", spec);
        Path log = work.resolve("vae" + System.nanoTime() + ".log");
        Process vae = CommandLineRunner.process(log, jvmOptions, "run", specFile.toString(), "--runs-dir",
                work.resolve("runs").toString()).start();
        assertTrue(vae.waitFor(120, TimeUnit.SECONDS), "vae stops");
        String output = Files.readString(log);
        assertEquals(2, vae.exitValue(), output);
        return output;
    }
}
