package org.vaelab.plugins.kl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Param;
import org.vaelab.spi.kl.KlSchedule;

/**
 * The plugin registers every schedule under its YAML name, and each factory's documented defaults
 * make a valid configuration with the values the javadoc promises.
 */
class KlSchedulesPluginTest {

    private static final Map<String, ComponentFactory<?, KlSchedule>> REGISTRY = Guice.createInjector(new KlSchedulesPlugin())
            .getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, KlSchedule>>>() { }));

    @Test
    void registersEveryScheduleUnderItsYamlName() {
        assertEquals(List.of("beta", "capacity", "cyclical", "free_bits", "warmup"), REGISTRY.keySet().stream().sorted().toList());
        assertInstanceOf(CapacityKlScheduleFactory.class, REGISTRY.get("capacity"));
        assertInstanceOf(FreeBitsKlScheduleFactory.class, REGISTRY.get("free_bits"));
    }

    @Test
    void documentedDefaultsAreTheIntendedSettings() throws ReflectiveOperationException {
        assertEquals(new BetaConfig(1), defaults(REGISTRY.get("beta")));
        assertEquals(new CapacityConfig(1000, 0, 25, 100_000), defaults(REGISTRY.get("capacity")));
        assertEquals(new WarmupConfig(0, 1, 10_000), defaults(REGISTRY.get("warmup")));
        assertEquals(new CyclicalConfig(4, 0.5, 1), defaults(REGISTRY.get("cyclical")));
        assertEquals(new FreeBitsConfig(0.5, 1), defaults(REGISTRY.get("free_bits")));
        for (ComponentFactory<?, KlSchedule> factory : REGISTRY.values()) {
            createWithDefaults(factory);
        }
    }

    private static <C extends Record> KlSchedule createWithDefaults(ComponentFactory<C, KlSchedule> factory)
            throws ReflectiveOperationException {
        return factory.create(defaults(factory));
    }

    /** The factory's configuration made from its {@link Param} defaults, read as YAML numbers are. */
    private static <C extends Record> C defaults(ComponentFactory<C, ?> factory) throws ReflectiveOperationException {
        RecordComponent[] components = factory.configType().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String text = components[i].getAnnotation(Param.class).defaultValue();
            Class<?> type = components[i].getType();
            values[i] = type == double.class ? Double.parseDouble(text)
                    : type == long.class ? Long.parseLong(text) : (Object) Integer.parseInt(text);
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return factory.configType().getDeclaredConstructor(types).newInstance(values);
    }
}
