package org.vaelab.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.train.EngineThreads;

/**
 * What is needed to reproduce a run, as its {@link RunRecord}: the spec's hash, the code's version
 * and git commit, the backend, thread and BLAS settings, the seed, the machine.
 */
final class Provenance {

    private static final String[] THREAD_VARIABLES = {"OMP_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS",
        EngineThreads.VARIABLE};
    /** What ND4J reports of the device: backend, BLAS vendor and threads, CUDA devices when there are any. */
    private static final String[] DEVICE_KEYS = {"backend", "blas.vendor", "blas.threads", "omp.threads", "cores",
        "cuda.devicesInformation"};

    private Provenance() {
    }

    /**
     * The record of a run of {@code spec} started {@code started}, not yet running;
     * {@code workingDirectory} is probed for git.
     *
     * @param trainingStep how the run's training steps run ({@code compiled} or {@code session})
     * @param klMethod how the KL is computed ({@code closed_form} or {@code monte_carlo})
     */
    static RunRecord describe(ResolvedSpec spec, String specSource, Path workingDirectory, Instant started,
                              String trainingStep, String klMethod) {
        Versions versions = Versions.current();
        Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
        Map<String, String> device = new LinkedHashMap<>();
        for (String key : DEVICE_KEYS) {
            if (environment.containsKey(key)) {
                device.put(key, String.valueOf(environment.get(key)));
            }
        }
        device.put("native_build", nativeBuild());
        cpuModel().ifPresent(model -> device.put("cpu.model", model));
        Map<String, String> threads = new LinkedHashMap<>();
        for (String name : THREAD_VARIABLES) {
            threads.put(name, Optional.ofNullable(System.getenv(name)).orElse("unset"));
        }
        threads.put("training", Integer.toString(EngineThreads.count()));
        return new RunRecord(RunRecord.FORMAT, specSource, workingDirectory.toAbsolutePath().toString(),
                spec.sha256(), spec.spec().seed(), started.toString(), versions.vaelab(), versions.nd4j(),
                gitCommit(workingDirectory).orElse(null), Nd4j.getBackend().getClass().getSimpleName(),
                Nd4j.dataType().toString(), device, threads, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"), trainingStep, klMethod, null, null, null, null, null);
    }

    /**
     * The optional libraries ND4J's native library was built with, such as {@code onednn,
     * openblas}: the oneDNN build's convolutions round differently from the plain build's.
     */
    private static String nativeBuild() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().lines().map(String::strip)
                .filter(line -> line.startsWith("HAVE_"))
                .map(line -> line.substring("HAVE_".length()).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    /** The CPU's model name as Linux reports it. */
    private static Optional<String> cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The commit checked out in {@code directory}, with {@code -dirty} when files differ from it. */
    static Optional<String> gitCommit(Path directory) {
        try {
            Optional<String> commit = git(directory, "rev-parse", "HEAD");
            if (commit.isEmpty()) {
                return commit;
            }
            boolean dirty = git(directory, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isEmpty())
                    .orElse(false);
            return Optional.of(commit.get() + (dirty ? "-dirty" : ""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> git(Path directory, String... arguments) throws IOException {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroy();
        }
    }
}
