package org.vaelab.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.vaelab.core.spec.Component;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.spec.SpecLoader;
import org.vaelab.plugins.data.mnist.MnistConfig;
import org.vaelab.plugins.nn.MlpConfig;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Family;
import org.vaelab.spi.Param;
import org.vaelab.spi.PluginModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.Tracker;

class PluginLoaderTest {

    private static final String MINIMAL = """
            name: plugins
            data: {type: mnist}
            model:
              latent_dim: 20
              encoder: {type: mlp}
              decoder: {type: mlp}
            likelihood: {type: bernoulli}
            """;

    @Test
    void builtInPluginsAreFoundOnTheClassPath() {
        ComponentCatalog catalog = PluginLoader.load(getClass().getClassLoader());
        assertTrue(catalog.factories(Family.DATASET).containsKey("mnist"),
                catalog.factories(Family.DATASET).toString());
        assertTrue(catalog.factories(Family.ENCODER).containsKey("mlp"));
        assertTrue(catalog.factories(Family.DECODER).containsKey("mlp"));
        assertTrue(catalog.factories(Family.LIKELIHOOD).containsKey("bernoulli"));
        assertTrue(catalog.factories(Family.KL_SCHEDULE).containsKey("beta"));
        assertTrue(catalog.factories(Family.OPTIMIZER).containsKey("adam"));
        assertEquals(MnistConfig.class, catalog.factory(Family.DATASET, "mnist").orElseThrow().configType());
        ComponentFactory<?, ?> encoder = catalog.factory(Family.ENCODER, "mlp").orElseThrow();
        assertEquals(MlpConfig.class, encoder.configType());
        assertTrue(encoder.description().startsWith("Fully connected encoder"), encoder.description());
        ComponentFactory<?, ?> decoder = catalog.factory(Family.DECODER, "mlp").orElseThrow();
        assertTrue(decoder.description().startsWith("Fully connected decoder"), decoder.description());
        assertTrue(catalog.factory(Family.ENCODER, "bernoulli").isEmpty(), "names are per family");
    }

    @Test
    void everyFamilyHasARegistryEvenWhenEmpty() {
        ComponentCatalog catalog = PluginLoader.of(List.of());
        for (Family<?> family : Family.ALL) {
            assertEquals(Map.of(), catalog.factories(family), family.name());
        }
    }

    @Test
    void typesAreListedInNameOrder() {
        ComponentCatalog catalog = PluginLoader.of(List.of(new FirstMlpPlugin(), new OtherNamesPlugin()));
        assertEquals(List.of("a-mlp", "mlp", "z-mlp"), List.copyOf(catalog.factories(Family.ENCODER).keySet()));
    }

    @Test
    void twoPluginsRegisteringTheSameNameFail() {
        PluginException e = assertThrows(PluginException.class,
                () -> PluginLoader.of(List.of(new FirstMlpPlugin(), new SecondMlpPlugin())));
        String message = e.getMessage();
        assertTrue(message.startsWith("[plugin/DuplicateType] encoder type 'mlp' is registered by more than one "
                + "plugin: "), "the message names the family and the type: " + message);
        assertEquals(ErrorId.PLUGIN_DUPLICATE_TYPE, e.id());
        assertEquals(1, message.lines().count(), message);
        // Guice's own report, kept as the cause, says where each binding was made
        String guice = assertInstanceOf(CreationException.class, e.getCause()).getMessage();
        assertTrue(guice.contains(FirstMlpPlugin.class.getSimpleName()), guice);
        assertTrue(guice.contains(SecondMlpPlugin.class.getSimpleName()), guice);
    }

    @Test
    void twoPluginsRegisteringTheSameNameFailNamingBothModules() {
        PluginException e = assertThrows(PluginException.class,
                () -> PluginLoader.of(List.of(new FirstMlpPlugin(), new SecondMlpPlugin())));
        assertTrue(e.getMessage().contains(FirstMlpPlugin.class.getSimpleName()), e.getMessage());
        assertTrue(e.getMessage().contains(SecondMlpPlugin.class.getSimpleName()), e.getMessage());
    }

    @Test
    void theSameRegistrationTwiceClashesToo() {
        PluginException e = assertThrows(PluginException.class,
                () -> PluginLoader.of(List.of(new FirstMlpPlugin(), new FirstMlpPlugin())));
        assertTrue(e.getMessage().startsWith("[plugin/DuplicateType] encoder type 'mlp'"), e.getMessage());
    }

    @Test
    void aTestPluginClashesWithTheBuiltInOneToo() {
        List<VaePlugin> plugins = new ArrayList<>();
        ServiceLoader.load(VaePlugin.class, getClass().getClassLoader()).forEach(plugins::add);
        plugins.add(new SecondMlpPlugin());
        PluginException e = assertThrows(PluginException.class, () -> PluginLoader.of(plugins));
        assertTrue(e.getMessage().startsWith("[plugin/DuplicateType] encoder type 'mlp'"), e.getMessage());
        String guice = e.getCause().getMessage();
        assertTrue(guice.contains("NetworksPlugin"), guice);
        assertTrue(guice.contains(SecondMlpPlugin.class.getSimpleName()), guice);
    }

    @Test
    void theSameNameInDifferentFamiliesIsFine() {
        ComponentCatalog catalog = PluginLoader.of(List.of(new FirstMlpPlugin(), new MlpDecoderPlugin()));
        assertTrue(catalog.factory(Family.ENCODER, "mlp").isPresent());
        assertTrue(catalog.factory(Family.DECODER, "mlp").isPresent());
    }

    @Test
    void aPluginComponentIsBoundFromASpecAndCreated() {
        List<VaePlugin> plugins = new ArrayList<>();
        ServiceLoader.load(VaePlugin.class, getClass().getClassLoader()).forEach(plugins::add);
        plugins.add(new MemoryTrackerPlugin());
        ComponentCatalog catalog = PluginLoader.of(plugins);
        SpecLoader loader = new SpecLoader(catalog, name -> null);

        ResolvedSpec resolved = loader.parse(MINIMAL + "tracking: [{type: memory, label: one}, {type: memory}]\n",
                "t.yaml", List.of());
        List<Component<Tracker>> tracking = resolved.spec().tracking();
        assertEquals(2, tracking.size());
        assertEquals(new MemoryConfig("one", 10), tracking.get(0).config());
        assertEquals(new MemoryConfig("memory", 10), tracking.get(1).config());
        assertEquals(loader.parse(MINIMAL, "t.yaml", List.of()).sha256(), resolved.sha256(),
                "where results go is not what the run is");
        assertEquals(loader.parse(MINIMAL, "t.yaml", List.of()).params(), resolved.params());
        assertTrue(resolved.yaml().contains("label: one"), "the recorded spec keeps its trackers");

        MemoryTracker tracker = assertInstanceOf(MemoryTracker.class, catalog.create(Family.TRACKER, tracking.get(0)));
        assertEquals(new MemoryConfig("one", 10), tracker.config);

        SpecException e = assertThrows(SpecException.class, () -> loader.parse(
                MINIMAL + "tracking: [{type: memory, capacity: 0, lable: x}]\n", "t.yaml", List.of()));
        assertEquals(List.of("tracking[0].lable", "tracking[0].capacity"),
                e.problems().stream().map(p -> p.path()).toList());
        assertTrue(e.problems().get(0).message().contains("unknown key for tracker 'memory'. Did you mean 'label'?"),
                e.getMessage());
    }

    @Test
    void builtInComponentsAreCreatedFromTheirConfig() {
        ComponentCatalog catalog = PluginLoader.load(getClass().getClassLoader());
        ResolvedSpec resolved = new SpecLoader(catalog, name -> null)
                .parse(MINIMAL + "kl: {type: beta, beta: 2.5}\n", "t.yaml", List.of());
        KlSchedule kl = catalog.create(Family.KL_SCHEDULE, resolved.spec().kl());
        assertEquals(2.5, kl.at(0, new TrainingHorizon(10, 100)).weight());
    }

    /** Registers an encoder as "mlp". */
    static final class FirstMlpPlugin extends PluginModule {
        @Override
        protected void configure() {
            register(Family.ENCODER, "mlp", MlpConfig.class, PluginLoaderTest::neverMade, "The first mlp encoder");
        }
    }

    /** Registers another encoder under the same name "mlp", as a plain Guice module. */
    static final class SecondMlpPlugin extends AbstractModule implements VaePlugin {
        @Override
        protected void configure() {
            Registries.of(binder(), Family.ENCODER).addBinding("mlp").toInstance(
                    ComponentFactory.of(MlpConfig.class, PluginLoaderTest::neverMade, "Another mlp encoder"));
        }
    }

    /** Registers encoders under names that do not clash. */
    static final class OtherNamesPlugin extends PluginModule {
        @Override
        protected void configure() {
            register(Family.ENCODER, "z-mlp", MlpConfig.class, PluginLoaderTest::neverMade, "The last by name");
            register(Family.ENCODER, "a-mlp", MlpConfig.class, PluginLoaderTest::neverMade, "The first by name");
        }
    }

    /** Registers "mlp" in the decoder family, where the encoders' "mlp" does not clash. */
    static final class MlpDecoderPlugin extends PluginModule {
        @Override
        protected void configure() {
            register(Family.DECODER, "mlp", MlpConfig.class, PluginLoaderTest::neverMade, "An mlp decoder");
        }
    }

    /** Stands for the constructor of an encoder or decoder: these tests register them but make none. */
    private static <T> T neverMade(MlpConfig config) {
        throw new AssertionError("the plugin tests make no encoder or decoder");
    }

    /** A tracker plugin written as a third party would write one. */
    static final class MemoryTrackerPlugin extends PluginModule {
        @Override
        protected void configure() {
            register(Family.TRACKER, "memory", MemoryConfig.class, MemoryTracker::new, "Keeps metrics in memory");
        }
    }

    /** Options of the test tracker. */
    record MemoryConfig(
            @Param(value = "A label", defaultValue = "memory") String label,
            @Param(value = "Entries kept", defaultValue = "10", min = 1) int capacity) {
    }

    static final class MemoryTracker implements Tracker {
        final MemoryConfig config;

        MemoryTracker(MemoryConfig config) {
            this.config = config;
        }

        @Override
        public void start(RunInfo run) {
        }

        @Override
        public void logMetrics(Map<String, Double> metrics, long step, int epoch, long timestampMillis) {
        }

        @Override
        public void logArtifact(Path file, String artifactPath) {
        }

        @Override
        public void end(RunStatus status) {
        }
    }
}
