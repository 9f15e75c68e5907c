package org.vaelab.core.plugin;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vaelab.core.spec.Names;
import org.vaelab.core.spec.ScalarValues;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.Param;
import org.vaelab.spi.SpiVersion;

/**
 * Prints what {@code vae plugins} shows: every family under its key in a spec ({@link SpecBlocks}),
 * in the spec's order, its types, where each type comes from (the jar of its configuration record,
 * which is the plugin's own, and the SPI version that jar was built for), and each type's options.
 */
public final class CatalogDescription {

    private CatalogDescription() {
    }

    /** The description of every family in the catalog, unwrapped. */
    public static String describe(ComponentCatalog catalog) {
        return describe(catalog, Integer.MAX_VALUE, null, null);
    }

    /**
     * The description of every family in the catalog, each under the key it is chosen by in a spec,
     * or of one {@code block}'s family (its spec key, such as {@code model.encoder}, or its family's
     * name, such as {@code encoder}), and of that family's {@code type} alone when given; options
     * wrapped to {@code width} columns.
     *
     * @param block a spec key or family name, or null for every family
     * @param type a type of that family, or null for all
     * @throws InvalidInputException naming the block or type that is not known, with those that are
     */
    public static String describe(ComponentCatalog catalog, int width, String block, String type) {
        Map<Family<?>, String> keys = SpecBlocks.familyKeys();
        StringBuilder out = new StringBuilder("VAELab SPI ").append(SpiVersion.current())
                .append(System.lineSeparator());
        List<Family<?>> families = Stream.concat(keys.keySet().stream(), Family.ALL.stream()).distinct()
                .filter(family -> block == null || block.equals(keys.get(family)) || block.equals(family.name()))
                .toList();
        if (families.isEmpty()) {
            throw new InvalidInputException("vae plugins " + block + ": no block of a spec has that name."
                    + Names.didYouMean(block, keys.values()) + " Known: " + String.join(", ", keys.values()));
        }
        for (Family<?> family : families) {
            out.append(keys.getOrDefault(family, family.name())).append(System.lineSeparator());
            Map<String, ComponentFactory<?, ?>> factories = catalog.factories(family);
            if (type != null && !factories.containsKey(type)) {
                throw new InvalidInputException("vae plugins " + block + " " + type + ": no such type."
                        + Names.didYouMean(type, factories.keySet()) + " Known: "
                        + String.join(", ", factories.keySet()));
            }
            if (factories.isEmpty()) {
                out.append("  (no types registered)").append(System.lineSeparator());
            }
            factories.forEach((name, factory) -> {
                if (type == null || type.equals(name)) {
                    describe(out, name, factory, width);
                }
            });
        }
        return out.toString();
    }

    private static void describe(StringBuilder out, String type, ComponentFactory<?, ?> factory, int width) {
        out.append(TextWrap.wrap("  " + type + ": ", factory.description(), width));
        out.append(TextWrap.wrap("      ", PluginOrigin.of(factory.configType()).describe(), width));
        RecordComponent[] components = factory.configType().getRecordComponents();
        if (components.length == 0) {
            out.append("      (no options)").append(System.lineSeparator());
        }
        options(out, components, "      ", width);
    }

    /** One line per option; the options of a nested record (or list of records) indented below it. */
    private static void options(StringBuilder out, RecordComponent[] components, String indent, int width) {
        for (RecordComponent component : components) {
            Param param = component.getAnnotation(Param.class);
            out.append(TextWrap.wrap(String.format(Locale.ROOT, "%s%-16s %-22s ", indent,
                    Names.snakeCase(component.getName()), typeName(component.getGenericType())),
                    (param == null ? "" : param.value()) + detail(param), width));
            nestedRecord(component.getGenericType())
                    .ifPresent(nested -> options(out, nested.getRecordComponents(), indent + "    ", width));
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

    /** How help names a value of {@code type}: integer, number, text, mapping, list of ..., a|b for an enum. */
    static String typeName(Type type) {
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
