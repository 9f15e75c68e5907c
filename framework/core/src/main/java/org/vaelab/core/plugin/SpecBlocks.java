package org.vaelab.core.plugin;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vaelab.core.spec.Component;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.spec.Names;
import org.vaelab.spi.Family;
import org.vaelab.spi.Param;

/**
 * A spec's blocks as {@code vae --help} lists them, read from {@link ExperimentSpec}'s records:
 * each key with its kind and description and, where a block names a plugin type, the types
 * registered; and the key under which each plugin family is chosen in a spec ({@code data},
 * {@code model.encoder}, ..., {@code tracking}), which {@code vae plugins} names its headings by.
 */
public final class SpecBlocks {

    private SpecBlocks() {
    }

    /** The spec key of each family, in the order of the spec's keys. */
    public static Map<Family<?>, String> familyKeys() {
        Map<Family<?>, String> keys = new LinkedHashMap<>();
        collect(ExperimentSpec.class, "", keys);
        return keys;
    }

    private static void collect(Class<?> record, String prefix, Map<Family<?>, String> keys) {
        for (RecordComponent component : record.getRecordComponents()) {
            String key = prefix + Names.snakeCase(component.getName());
            Optional<Family<?>> family = family(component.getGenericType());
            if (family.isPresent()) {
                keys.put(family.get(), key);
            } else if (component.getType().isRecord()) {
                collect(component.getType(), key + ".", keys);
            }
        }
    }

    /** The family of a {@code Component<T>}, or of the elements of a {@code List<Component<T>>}. */
    private static Optional<Family<?>> family(Type type) {
        if (!(type instanceof ParameterizedType parameterized)) {
            return Optional.empty();
        }
        Type argument = parameterized.getActualTypeArguments()[0];
        if (parameterized.getRawType() == List.class) {
            return family(argument);
        }
        return parameterized.getRawType() == Component.class && argument instanceof Class<?> product
                ? Family.ofProduct(product) : Optional.empty();
    }

    /**
     * The spec's blocks, one entry a key (the keys of {@code model} each on their own), with what
     * each holds, wrapped to {@code width} columns.
     */
    public static String describe(ComponentCatalog catalog, int width) {
        StringBuilder out = new StringBuilder();
        describe(out, ExperimentSpec.class, "", catalog, width);
        return out.toString();
    }

    private static void describe(StringBuilder out, Class<?> record, String prefix, ComponentCatalog catalog,
            int width) {
        for (RecordComponent component : record.getRecordComponents()) {
            String key = prefix + Names.snakeCase(component.getName());
            Param param = component.getAnnotation(Param.class);
            String description = param == null ? "" : param.value();
            String first = String.format(Locale.ROOT, "  %-18s ", key);
            Optional<Family<?>> family = family(component.getGenericType());
            if (family.isPresent()) {
                out.append(TextWrap.wrap(first, description + " (" + (component.getType() == List.class
                        ? "a list of blocks, each with type: " : "a block with type: ")
                        + String.join(", ", catalog.factories(family.get()).keySet()) + ")", width));
            } else if (holdsBlocks(key)) {
                out.append(TextWrap.wrap(first, description + " (a block of these keys:)", width));
                describe(out, component.getType(), key + ".", catalog, width);
            } else {
                out.append(TextWrap.wrap(first, description + " ("
                        + CatalogDescription.typeName(component.getGenericType()) + ")", width));
            }
        }
    }

    /** Whether the block {@code key} holds blocks of plugin types, as {@code model} holds {@code model.encoder}. */
    private static boolean holdsBlocks(String key) {
        return familyKeys().values().stream().anyMatch(familyKey -> familyKey.startsWith(key + "."));
    }
}
