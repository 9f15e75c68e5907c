package org.vaelab.plugins.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.vaelab.plugins.optim.schedule.LearningRateSchedule;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Param;
import org.vaelab.spi.optim.Optimizer;

/**
 * The plugin registers every optimizer under its YAML name, and each factory's documented
 * defaults make a valid configuration with the values the javadoc promises.
 */
class OptimizersPluginTest {

    private static final Map<String, ComponentFactory<?, Optimizer>> REGISTRY = Guice.createInjector(new OptimizersPlugin())
            .getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, Optimizer>>>() { }));

    private static final LearningRateSchedule CONSTANT = LearningRateSchedule.constant();

    @Test
    void registersEveryOptimizerUnderItsYamlName() {
        assertEquals(List.of("adam", "adamw", "rmsprop", "sgd"), REGISTRY.keySet().stream().sorted().toList());
    }

    @Test
    void documentedDefaultsAreTheIntendedSettings() throws ReflectiveOperationException {
        assertEquals(new AdamConfig(1e-3, 0.9, 0.999, 1e-8, CONSTANT, null), defaults(REGISTRY.get("adam")));
        assertEquals(new SgdConfig(0.01, 0, false, CONSTANT, null), defaults(REGISTRY.get("sgd")));
        assertEquals(new RmsPropConfig(1e-3, 0.9, 1e-8, CONSTANT, null), defaults(REGISTRY.get("rmsprop")));
        assertInstanceOf(Adam.class, withDefaults(REGISTRY.get("adam")).updater());
        assertInstanceOf(Sgd.class, withDefaults(REGISTRY.get("sgd")).updater());
        assertInstanceOf(RmsProp.class, withDefaults(REGISTRY.get("rmsprop")).updater());
    }

    private static <C extends Record> Optimizer withDefaults(ComponentFactory<C, Optimizer> factory)
            throws ReflectiveOperationException {
        return factory.create(defaults(factory));
    }

    private static <C extends Record> C defaults(ComponentFactory<C, ?> factory) throws ReflectiveOperationException {
        return defaults(factory.configType());
    }

    /**
     * A record made from its {@link Param} defaults, read as the framework reads YAML: numbers,
     * booleans, lower-case enum names, {@link Param#NONE} as null and {@code {}} as a nested record
     * of its own defaults.
     */
    private static <R extends Record> R defaults(Class<R> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = parse(components[i].getType(), components[i].getAnnotation(Param.class).defaultValue());
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object parse(Class<?> type, String text) throws ReflectiveOperationException {
        if (text.equals(Param.NONE)) {
            return null;
        }
        if (type.isRecord()) {
            assertEquals("{}", text, "nested blocks default to their own defaults");
            return defaults(type.asSubclass(Record.class));
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).filter(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)
                    .equals(text)).findFirst().orElseThrow();
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        return type == int.class ? (Object) Integer.parseInt(text) : (Object) Double.parseDouble(text);
    }
}
