package org.vaelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.vaelab.core.spec.ScalarValues;
import org.vaelab.spi.Param;

/**
 * Builds a configuration record from the defaults its {@link Param} annotations document, read the
 * way the framework binds YAML (numbers, booleans, enums by lower-case name, strings possibly
 * quoted, {@link Param#NONE} as null, {@code {}} as a nested record of its own defaults, a plugin's
 * own scalar values by their {@code parse}),
 * overridden by the values a test gives. Plugin tests use it to check that the documented defaults
 * make the configuration they mean.
 */
public final class DocumentedDefaults {

    private DocumentedDefaults() {
    }

    /** The record of {@code type} made from its documented defaults alone. */
    public static <R extends Record> R of(Class<R> type) throws ReflectiveOperationException {
        return of(type, Map.of());
    }

    /**
     * The record of {@code type} with the given values and the documented defaults of the other components.
     *
     * @param given values by component name: at least every required component's
     * @throws RuntimeException what the record's constructor throws, such as an invalid-configuration exception
     */
    public static <R extends Record> R of(Class<R> type, Map<String, ?> given) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Param param = components[i].getAnnotation(Param.class);
            assertNotNull(param, name + " is documented");
            assertTrue(given.containsKey(name) || !param.defaultValue().equals(Param.REQUIRED), name + " is required");
            values[i] = given.containsKey(name)
                    ? given(components[i].getType(), given.get(name))
                    : parse(components[i].getType(), param.defaultValue());
        }
        assertTrue(Arrays.stream(components).map(RecordComponent::getName).toList().containsAll(given.keySet()),
                () -> "unknown components in " + given.keySet());
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            throw e;
        }
    }

    /**
     * A given value for a component of {@code type}: as it is, or, for a type of the plugin's own
     * that one scalar says ({@code SplitSize}), read from its text as a spec's value is
     * ({@code 50} or {@code "1/12"}).
     */
    private static Object given(Class<?> type, Object value) {
        return value != null && ScalarValues.isScalarValue(type) && !type.isInstance(value)
                ? ScalarValues.parse(type, String.valueOf(value)) : value;
    }

    private static Object parse(Class<?> type, String value) throws ReflectiveOperationException {
        if (value.equals(Param.NONE)) {
            return null;
        }
        if (type.isRecord()) {
            assertEquals("{}", value, "nested blocks default to their own defaults");
            return of(type.asSubclass(Record.class));
        }
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        if (type == long.class) {
            return Long.parseLong(value);
        }
        if (type == double.class) {
            return Double.parseDouble(value);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(value);
        }
        if (ScalarValues.isScalarValue(type)) {
            return ScalarValues.parse(type, value);
        }
        if (type == String.class) {
            return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
        }
        assertEquals(value.toLowerCase(Locale.ROOT), value, "enum defaults are lower case");
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> ((Enum<?>) c).name().equals(value.toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow();
    }
}
