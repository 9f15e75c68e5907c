package org.vaelab.core.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated spec with every default filled in, and how it is recorded ({@link RecordedForm}:
 * values from environment variables as their references, credentials in URIs masked).
 *
 * @param spec the spec the run uses, with the environment's values
 * @param yaml the recorded form as canonical YAML text, {@code spec.resolved.yaml}
 * @param sha256 the spec's identity: the SHA-256 of {@code yaml} with its {@code tracking} block
 *     left at its default (none), since where results go is not what the run is: adding a tracker
 *     to a study's trials does not make them other trials
 * @param params the recorded form flattened, trackers left out: the params trackers log
 *     ({@code model.latent_dim -> 20})
 * @param recorded the recorded form as plain maps, lists and scalars
 * @param places where each value was written, to report problems found after loading at their place
 */
public record ResolvedSpec(ExperimentSpec spec, String yaml, String sha256, Map<String, String> params,
                           Map<String, Object> recorded, SpecPlaces places) {

    /** The block that says where results go, which a spec's identity takes at its default, none. */
    public static final String TRACKING_KEY = "tracking";

    public ResolvedSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        recorded = Collections.unmodifiableMap(new LinkedHashMap<>(recorded));
    }

    /**
     * The spec as plain maps, lists and scalars, in record order: what {@code spec.resolved.yaml}
     * holds. Enums are written in lower case; components as {@code type} followed by their options;
     * a plugin's own scalar values ({@link ScalarValues}) as the scalar they write.
     */
    public static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ResolvedSpec::plain).toList();
        }
        if (value instanceof Component<?> component) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", component.type());
            map.putAll(recordMap(component.config()));
            return map;
        }
        if (value instanceof Record record) {
            return recordMap(record);
        }
        if (ScalarValues.isScalarValue(value.getClass())) {
            return ScalarValues.plain(value);
        }
        throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " in a spec");
    }

    private static Map<String, Object> recordMap(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (var component : record.getClass().getRecordComponents()) {
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                Object value = accessor.invoke(record);
                if (value != null) {
                    map.put(Names.snakeCase(component.getName()), plain(value));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        return map;
    }

    /** Flattens plain maps to dotted keys; lists of scalars stay one value, lists of maps are indexed. */
    public static Map<String, String> flatten(Object plain) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", plain, out);
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(DottedPath.child(prefix, k.toString()), v, out));
        } else if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "." + i, list.get(i), out);
            }
        } else {
            out.put(prefix, String.valueOf(value));
        }
    }
}
