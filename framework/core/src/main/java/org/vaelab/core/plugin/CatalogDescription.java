package org.vaelab.core.plugin;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vaelab.core.spec.Names;
import org.vaelab.core.spec.ScalarValues;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Family;
import org.vaelab.spi.Param;
import org.vaelab.spi.SpiVersion;

/**
 * Prints what {@code vae plugins} shows: every family, its types, where each type comes from (the
 * jar of its configuration record, which is the plugin's own, and the SPI version that jar was
 * built for), and each type's options.
 */
public final class CatalogDescription {

    private CatalogDescription() {
    }

    /** The description of every family in the catalog. */
    public static String describe(ComponentCatalog catalog) {
        StringBuilder out = new StringBuilder("VAELab SPI ").append(SpiVersion.current())
                .append(System.lineSeparator());
        for (Family<?> family : Family.ALL) {
            out.append(family.name()).append(System.lineSeparator());
            if (catalog.factories(family).isEmpty()) {
                out.append("  (no types registered)").append(System.lineSeparator());
            }
            catalog.factories(family).forEach((type, factory) -> describe(out, type, factory));
        }
        return out.toString();
    }

    private static void describe(StringBuilder out, String type, ComponentFactory<?, ?> factory) {
        out.append("  ").append(type).append(": ").append(factory.description()).append(System.lineSeparator());
        out.append("      ").append(PluginOrigin.of(factory.configType()).describe()).append(System.lineSeparator());
        RecordComponent[] components = factory.configType().getRecordComponents();
        if (components.length == 0) {
            out.append("      (no options)").append(System.lineSeparator());
        }
        options(out, components, "      ");
    }

    /** One line per option; the options of a nested record (or list of records) indented below it. */
    private static void options(StringBuilder out, RecordComponent[] components, String indent) {
        for (RecordComponent component : components) {
            Param param = component.getAnnotation(Param.class);
            out.append(String.format(Locale.ROOT, "%s%-16s %-22s %s%s%n", indent, Names.snakeCase(component.getName()),
                    typeName(component.getGenericType()), param == null ? "" : param.value(), detail(param)));
            nestedRecord(component.getGenericType())
                    .ifPresent(nested -> options(out, nested.getRecordComponents(), indent + "    "));
        }
    }

    private static Optional<Class<?>> nestedRecord(Type type) {
        Type element = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0]
                : type;
        return element instanceof Class<?> raw && raw.isRecord() ? Optional.of(raw) : Optional.empty();
    }

    private static String detail(Param param) {
        if (param == null) {
            return " (required)";
        }
        StringBuilder detail = new StringBuilder();
        if (Param.REQUIRED.equals(param.defaultValue())) {
            detail.append(" (required");
        } else if (Param.NONE.equals(param.defaultValue())) {
            detail.append(" (optional");
        } else {
            detail.append(" (default ").append(param.defaultValue());
        }
        if (param.min() != Double.NEGATIVE_INFINITY) {
            detail.append("; >= ").append(bound(param.min()));
        }
        if (param.above() != Double.NEGATIVE_INFINITY) {
            detail.append("; > ").append(bound(param.above()));
        }
        if (param.max() != Double.POSITIVE_INFINITY) {
            detail.append("; <= ").append(bound(param.max()));
        }
        return detail.append(')').toString();
    }

    private static String bound(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return "list of " + typeName(parameterized.getActualTypeArguments()[0]);
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isEnum()) {
            return Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("|"));
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "integer";
        }
        if (raw == double.class || raw == Double.class) {
            return "number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw.isRecord()) {
            return "mapping";
        }
        if (ScalarValues.isScalarValue(raw)) {
            return ScalarValues.describe(raw);
        }
        return raw == String.class ? "text" : raw.getSimpleName();
    }
}
