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
 * What is needed to reproduce a run ({@code provenance.json}): the spec's hash, the code's
 * version and git commit, the backend, thread and BLAS settings, the seed, the machine.
 */
final class Provenance {

    /** The key of the folder relative paths in the spec were resolved against, the spec's folder. */
    static final String BASE_DIRECTORY = "base_directory";
    private static final String[] THREAD_VARIABLES = {"OMP_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS",
        EngineThreads.VARIABLE};
    /** What ND4J reports of the device: backend, BLAS vendor and threads, CUDA devices when there are any. */
    private static final String[] DEVICE_KEYS = {"backend", "blas.vendor", "blas.threads", "omp.threads", "cores",
        "cuda.devicesInformation"};

    private Provenance() {
    }

    /** The provenance of a run of {@code spec} started now; {@code workingDirectory} is probed for git. */
    static Map<String, Object> describe(ResolvedSpec spec, String specSource, Path workingDirectory, Instant started) {
        Map<String, Object> out = new LinkedHashMap<>();
        Versions versions = Versions.current();
        out.put("spec_source", specSource);
        out.put(BASE_DIRECTORY, workingDirectory.toAbsolutePath().toString());
        out.put("spec_sha256", spec.sha256());
        out.put("seed", spec.spec().seed());
        out.put("started", started.toString());
        out.put("vaelab_version", versions.vaelab());
        out.put("nd4j_version", versions.nd4j());
        gitCommit(workingDirectory).ifPresent(commit -> out.put("git_commit", commit));
        out.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        out.put("data_type", Nd4j.dataType().toString());
        Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
        Map<String, Object> device = new LinkedHashMap<>();
        for (String key : DEVICE_KEYS) {
            if (environment.containsKey(key)) {
                device.put(key, String.valueOf(environment.get(key)));
            }
        }
        device.put("native_build", nativeBuild());
        cpuModel().ifPresent(model -> device.put("cpu.model", model));
        out.put("device", device);
        Map<String, String> threads = new LinkedHashMap<>();
        for (String name : THREAD_VARIABLES) {
            threads.put(name, Optional.ofNullable(System.getenv(name)).orElse("unset"));
        }
        threads.put("training", Integer.toString(EngineThreads.count()));
        out.put("threads", threads);
        out.put("available_processors", Runtime.getRuntime().availableProcessors());
        out.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return out;
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
