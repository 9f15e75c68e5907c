package org.vaelab.plugins.kl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.testkit.DocumentedDefaults;

/**
 * The plugin registers every schedule under its YAML name, and each factory's documented defaults
 * make a valid configuration with the values the javadoc promises.
 */
class KlSchedulesPluginTest {

    private static final Map<String, ComponentFactory<?, KlSchedule>> REGISTRY =
            Guice.createInjector(new KlSchedulesPlugin())
                    .getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, KlSchedule>>>() { }));

    @Test
    void registersEveryScheduleUnderItsYamlName() throws ReflectiveOperationException {
        assertEquals(List.of("beta", "capacity", "cyclical", "free_bits", "warmup"),
                REGISTRY.keySet().stream().sorted().toList());
        assertEquals(CapacityConfig.class, REGISTRY.get("capacity").configType());
        assertInstanceOf(CapacityKlSchedule.class, createWithDefaults(REGISTRY.get("capacity")));
        assertEquals(FreeBitsConfig.class, REGISTRY.get("free_bits").configType());
        assertInstanceOf(FreeBitsKlSchedule.class, createWithDefaults(REGISTRY.get("free_bits")));
    }

    @Test
    void documentedDefaultsAreTheIntendedSettings() throws ReflectiveOperationException {
        assertEquals(new BetaConfig(1), DocumentedDefaults.of(REGISTRY.get("beta").configType()));
        assertEquals(new CapacityConfig(1000, 0, 25, 100_000),
                DocumentedDefaults.of(REGISTRY.get("capacity").configType()));
        assertEquals(new WarmupConfig(0, 1, 10_000), DocumentedDefaults.of(REGISTRY.get("warmup").configType()));
        assertEquals(new CyclicalConfig(4, 0.5, 1), DocumentedDefaults.of(REGISTRY.get("cyclical").configType()));
        assertEquals(new FreeBitsConfig(0.5, 1), DocumentedDefaults.of(REGISTRY.get("free_bits").configType()));
        for (ComponentFactory<?, KlSchedule> factory : REGISTRY.values()) {
            createWithDefaults(factory);
        }
    }

    private static <C extends Record> KlSchedule createWithDefaults(ComponentFactory<C, KlSchedule> factory)
            throws ReflectiveOperationException {
        return factory.create(DocumentedDefaults.of(factory.configType()));
    }

}
