package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
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
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.vaelab.spi.SpiVersion;

/**
 * A plugin written in its own source folder, compiled against the SPI and its dependencies only
 * (no VAELab core, no built-in plugin), packed in a jar and dropped into a folder named by
 * {@code VAELAB_PLUGIN_PATH}: {@code vae plugins} lists its type with the jar and SPI version, and
 * a spec that uses it runs through the command line. The plugin's own test, in a test source
 * folder of its own, extends the testkit's KL schedule contract in one line; it compiles against
 * the SPI and testkit jars alone and passes. A jar built for another SPI major version, and one
 * that registers a type name already taken, are refused with exit code 2, naming the jars.
 */
class ExternalPluginTest {

    private static final String PACKAGE = "com.example.halfbeta";

    @TempDir
    static Path work;

    private static Path classes;
    private static Path testClasses;
    private static String spiOnly;

    @BeforeAll
    static void compileThePlugin() throws IOException {
        Path sources = work.resolve("src");
        write(sources, "HalfBetaConfig", """
                public record HalfBetaConfig(
                        @org.vaelab.spi.Param(value = "The constant KL weight", defaultValue = "0.5", min = 0)
                        double weight) {
                }
                """);
        write(sources, "HalfBetaPlugin", """
                import org.vaelab.spi.Family;
                import org.vaelab.spi.PluginModule;
                import org.vaelab.spi.kl.KlWeighting;

                public final class HalfBetaPlugin extends PluginModule {
                    @Override protected void configure() {
                        String type = System.getProperty("halfbeta.name", "half_beta");
                        register(Family.KL_SCHEDULE, type, HalfBetaConfig.class,
                                config -> (step, horizon) -> new KlWeighting(config.weight(), 0),
                                "A constant KL weight, one half unless told otherwise");
                    }
                }
                """);
        classes = Files.createDirectories(work.resolve("classes"));
        spiOnly = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Stream.of("vaelab-core", "vaelab-plugin", "vaelab-cli", "vaelab-testkit",
                        "framework" + File.separator + "core", "framework" + File.separator + "cli",
                        "framework" + File.separator + "testkit", File.separator + "plugins" + File.separator)
                        .noneMatch(entry::contains))
                .collect(Collectors.joining(File.pathSeparator));
        compile(sources, classes, spiOnly, "the plugin compiles against the SPI alone");
    }

    /**
     * The plugin's test: one line extending the testkit's contract, compiled against the plugin,
     * the SPI and the testkit jar (no core on the class path), then run by the JUnit Platform with
     * the plugin's jar on the class path, as a plugin author's build would run it.
     */
    @Test
    void thePluginsOwnTestExtendsATestkitContractAndPasses() throws Exception {
        Path testSources = work.resolve("test-src");
        write(testSources, "HalfBetaContractTest", """
                class HalfBetaContractTest extends org.vaelab.testkit.contract.KlScheduleContract {
                    HalfBetaContractTest() { super("half_beta", java.util.Map.of("weight", 0.25)); }
                }
                """);
        String testkit = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("vaelab-testkit")
                        || entry.contains("framework" + File.separator + "testkit"))
                .findFirst().orElseThrow();
        testClasses = Files.createDirectories(work.resolve("test-classes"));
        compile(testSources, testClasses, String.join(File.pathSeparator, classes.toString(), testkit, spiOnly),
                "the plugin's test compiles against the plugin, the SPI and the testkit alone");

        Path jar = jar(Files.createDirectories(work.resolve("tested")).resolve("half-beta.jar"),
                SpiVersion.current().toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), testClasses.toUri().toURL()},
                getClass().getClassLoader())) {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(loader.loadClass(PACKAGE + ".HalfBetaContractTest")))
                    .build(), listener);
            TestExecutionSummary summary = listener.getSummary();
            StringWriter failures = new StringWriter();
            summary.printFailuresTo(new PrintWriter(failures), 5);
            assertEquals(0, summary.getTotalFailureCount(), failures.toString());
            assertTrue(summary.getTestsSucceededCount() >= 9,
                    "the contract's tests ran: " + summary.getTestsSucceededCount());
        }
    }

    private static void compile(Path sources, Path target, String classPath, String what) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", target.toString(), "-cp", classPath, "-proc:none"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), what);
    }

    @Test
    void aJarInThePluginPathAddsATypeThatASpecCanUse() throws Exception {
        Path folder = Files.createDirectories(work.resolve("installed"));
        Path jar = jar(folder.resolve("half-beta.jar"), SpiVersion.current().toString());
        Outcome plugins = vae(folder.toString(), "plugins");
        assertEquals(0, plugins.exitCode(), plugins.output());
        assertTrue(plugins.output().contains("  half_beta: A constant KL weight, one half unless told "
                + "otherwise\n      from " + jar + " (SPI " + SpiVersion.current() + ")\n"), plugins.output());

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
        assertTrue(plugins.output().matches("(?s).*org\\.vaelab\\.plugins\\.kl\\.KlSchedulesPlugin from \\S+.*"),
                plugins.output());
    }

    private record Outcome(int exitCode, String output) {
    }

    /**
     * Runs {@code vae} in its own process with {@code VAELAB_PLUGIN_PATH=pluginPath}; arguments starting with -D go to
     * the JVM.
     */
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
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path classFile : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(classFile).toString()
                        .replace(File.separatorChar, '/')));
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
