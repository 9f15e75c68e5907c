package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.spi.SpiVersion;

/**
 * A plugin written in its own source folder, compiled against the SPI and its dependencies only
 * (no VAELab core, no built-in plugin), packed in a jar and dropped into a folder named by
 * {@code VAELAB_PLUGIN_PATH}: {@code vae plugins} lists its type with the jar and SPI version, and
 * a spec that uses it runs through the command line. A jar built for another SPI major version,
 * and one that registers a type name already taken, are refused with exit code 2, naming the jars.
 */
class ExternalPluginTest {

    private static final String PACKAGE = "com.example.halfbeta";

    @TempDir
    static Path work;

    private static Path classes;

    @BeforeAll
    static void compileThePlugin() throws IOException {
        Path sources = work.resolve("src");
        write(sources, "HalfBetaConfig", """
                public record HalfBetaConfig(
                        @org.vaelab.spi.Param(value = "The constant KL weight", defaultValue = "0.5", min = 0)
                        double weight) {
                }
                """);
        write(sources, "HalfBetaFactory", """
                import org.vaelab.spi.ComponentFactory;
                import org.vaelab.spi.kl.KlSchedule;
                import org.vaelab.spi.kl.KlWeighting;

                public final class HalfBetaFactory implements ComponentFactory<HalfBetaConfig, KlSchedule> {
                    public Class<HalfBetaConfig> configType() { return HalfBetaConfig.class; }
                    public KlSchedule create(HalfBetaConfig config) {
                        return (step, horizon) -> new KlWeighting(config.weight(), 0);
                    }
                    public String description() { return "A constant KL weight, one half unless told otherwise"; }
                }
                """);
        write(sources, "HalfBetaPlugin", """
                public final class HalfBetaPlugin extends com.google.inject.AbstractModule implements org.vaelab.spi.VaePlugin {
                    private final String name;
                    public HalfBetaPlugin() { this(System.getProperty("halfbeta.name", "half_beta")); }
                    HalfBetaPlugin(String name) { this.name = name; }
                    @Override protected void configure() {
                        org.vaelab.spi.Registries.klSchedules(binder()).addBinding(name).to(HalfBetaFactory.class);
                    }
                }
                """);
        classes = Files.createDirectories(work.resolve("classes"));
        String spiOnly = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("vaelab-core") && !entry.contains("vaelab-plugin") && !entry.contains("vaelab-cli")
                        && !entry.contains("framework" + File.separator + "cli") && !entry.contains("framework" + File.separator + "core"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", spiOnly, "-proc:none"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "the plugin compiles against the SPI alone");
    }

    @Test
    void aJarInThePluginPathAddsATypeThatASpecCanUse() throws Exception {
        Path folder = Files.createDirectories(work.resolve("installed"));
        Path jar = jar(folder.resolve("half-beta.jar"), SpiVersion.current().toString());
        Outcome plugins = vae(folder.toString(), "plugins");
        assertEquals(0, plugins.exitCode(), plugins.output());
        assertTrue(plugins.output().contains("  half_beta: A constant KL weight, one half unless told otherwise\n      from "
                + jar + " (SPI " + SpiVersion.current() + ")\n"), plugins.output());

        String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: external")
                .replace("train_limit: 3500", "train_limit: 1200").replace("epochs: 2", "epochs: 1")
                + "kl: {type: half_beta}\neval: {iwae_samples: 0}\n";
        Path specFile = TestSpecs.write(work, "external.yaml", spec);
        Outcome run = vae(folder.toString(), "run", specFile.toString(), "--runs-dir", work.resolve("runs").toString());
        assertEquals(0, run.exitCode(), run.output());
        try (Stream<Path> runs = Files.list(work.resolve("runs/external"))) {
            Path runDirectory = runs.findFirst().orElseThrow();
            String metrics = Files.readString(runDirectory.resolve("metrics.csv"));
            assertTrue(metrics.contains(",1,kl/weight,0.5\n"), "the plugin's schedule weighted the KL:\n" + metrics);
        }
    }

    @Test
    void aJarBuiltForAnotherSpiMajorVersionIsRefused() throws Exception {
        Path folder = Files.createDirectories(work.resolve("future"));
        SpiVersion current = SpiVersion.current();
        String future = (current.major() + 1) + ".0.0";
        Path jar = jar(folder.resolve("half-beta-future.jar"), future);
        Outcome plugins = vae(folder.toString(), "plugins");
        assertEquals(2, plugins.exitCode(), plugins.output());
        assertTrue(plugins.output().contains("plugin " + jar + " was built for VAELab SPI " + future
                + "; this VAELab has SPI " + current), plugins.output());
    }

    @Test
    void aJarRegisteringATakenTypeNameIsRefusedNamingBothJars() throws Exception {
        Path folder = Files.createDirectories(work.resolve("clash"));
        Path jar = jar(folder.resolve("half-beta.jar"), SpiVersion.current().toString());
        Outcome plugins = vae(folder.toString(), "-Dhalfbeta.name=beta", "plugins");
        assertEquals(2, plugins.exitCode(), plugins.output());
        assertTrue(plugins.output().contains("beta"), plugins.output());
        assertTrue(plugins.output().contains(PACKAGE + ".HalfBetaPlugin from " + jar), plugins.output());
        assertTrue(plugins.output().matches("(?s).*org\\.vaelab\\.plugins\\.kl\\.KlSchedulesPlugin from \\S+.*"), plugins.output());
    }

    private record Outcome(int exitCode, String output) {
    }

    /** Runs {@code vae} in its own process with {@code VAELAB_PLUGIN_PATH=pluginPath}; arguments starting with -D go to the JVM. */
    private static Outcome vae(String pluginPath, String... arguments) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "vae", ".log");
        ProcessBuilder builder = CommandLineRunner.process(log,
                Arrays.stream(arguments).filter(argument -> argument.startsWith("-D")).toList(),
                Arrays.stream(arguments).filter(argument -> !argument.startsWith("-D")).toArray(String[]::new));
        builder.environment().put("VAELAB_PLUGIN_PATH", pluginPath);
        Process vae = builder.start();
        assertTrue(vae.waitFor(180, TimeUnit.SECONDS), "vae ends");
        return new Outcome(vae.exitValue(), Files.readString(log));
    }

    private static void write(Path sources, String className, String body) throws IOException {
        Path file = sources.resolve(PACKAGE.replace('.', File.separatorChar)).resolve(className + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package " + PACKAGE + ";\n\n" + body);
    }

    /** The compiled plugin as a jar whose manifest says it was built for SPI {@code spiVersion}. */
    private static Path jar(Path target, String spiVersion) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(SpiVersion.MANIFEST_ATTRIBUTE, spiVersion);
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path classFile : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace(File.separatorChar, '/')));
                jar.write(Files.readAllBytes(classFile));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/org.vaelab.spi.VaePlugin"));
            jar.write((PACKAGE + ".HalfBetaPlugin\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return target;
    }
}
