package org.vaelab.core.spec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Binds a spec tree to records: the experiment's own records, every component's configuration
 * and a study file's keys. Keys are the snake case of record components; {@link Param} gives
 * defaults and bounds. A component typed as a {@link SpecNode} (or a mapping or list node) takes
 * the value as written, with its location, for free-form blocks such as a study's grid. Every
 * problem is collected, and a record with a problem in it is not constructed.
 */
public final class RecordBinder {

    private static final String TYPE_KEY = "type";

    private final ComponentCatalog catalog;
    private final Problems problems;

    public RecordBinder(ComponentCatalog catalog, Problems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /**
     * Binds {@code node} to a record of {@code type}, or returns empty if anything is wrong
     * (the problems are recorded).
     *
     * @param owner how messages name the block, such as {@code encoder 'mlp'} or {@code the spec}
     */
    public <R extends Record> Optional<R> bindRecord(Class<R> type, SpecNode node, String path, String owner) {
        return Optional.ofNullable(bindRecord(type, node, path, owner, Set.of()));
    }

    private <R extends Record> R bindRecord(Class<R> type, SpecNode node, String path, String owner,
            Set<String> extraKeys) {
        if (!(node instanceof MapNode map)) {
            problems.add(ErrorId.SPEC_WRONG_TYPE, path, node.location(),
                    "expected a mapping for " + owner + ", found " + node.describe());
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        List<String> known = Arrays.stream(components).map(c -> Names.snakeCase(c.getName())).toList();
        Set<String> allowed = new TreeSet<>(known);
        allowed.addAll(extraKeys);
        map.entries().forEach((key, entry) -> {
            if (!allowed.contains(key)) {
                problems.add(ErrorId.SPEC_UNKNOWN_KEY, DottedPath.child(path, key), entry.keyLocation(),
                        "unknown key for " + owner + "." + Names.didYouMean(key, known)
                                + (known.isEmpty() ? " It takes no options" : " Known: "
                                        + String.join(", ", new TreeSet<>(known))));
            }
        });
        Object[] values = new Object[components.length];
        boolean complete = true;
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String key = Names.snakeCase(component.getName());
            Param param = component.getAnnotation(Param.class);
            MapNode.Entry entry = map.entries().get(key);
            String childPath = DottedPath.child(path, key);
            SpecNode valueNode;
            if (entry != null) {
                valueNode = withDefaultType(entry.value(), param, type, key);
            } else if (param == null || Param.REQUIRED.equals(param.defaultValue())) {
                problems.add(ErrorId.SPEC_MISSING_KEY, childPath, map.location(), "required key missing from " + owner
                        + (param == null ? "" : " (" + param.value() + ")"));
                complete = false;
                continue;
            } else if (Param.NONE.equals(param.defaultValue())) {
                continue;
            } else {
                valueNode = defaultNode(param.defaultValue(), type, key);
            }
            Bound bound = bindValue(component.getGenericType(), valueNode, childPath, param);
            if (bound.valid()) {
                values[i] = bound.value();
            } else {
                complete = false;
            }
        }
        return complete ? construct(type, components, values, map, path) : null;
    }

    private <R extends Record> R construct(Class<R> type, RecordComponent[] components, Object[] values, MapNode map,
            String path) {
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidConfigException invalid) {
                MapNode.Entry entry = map.entries().get(invalid.key());
                problems.add(ErrorId.SPEC_BAD_VALUE,
                        invalid.key().isEmpty() ? path : DottedPath.child(path, invalid.key()),
                        entry == null ? map.location() : entry.value().location(), invalid.getMessage());
                return null;
            }
            if (cause instanceof IllegalArgumentException illegal) {
                problems.add(ErrorId.SPEC_BAD_VALUE, path, map.location(), illegal.getMessage() == null
                        ? "not accepted by " + type.getSimpleName() + " (" + illegal.getClass().getSimpleName() + ")"
                        : illegal.getMessage());
                return null;
            }
            throw new IllegalStateException("constructing " + type.getName() + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }

    /**
     * A component block written without {@code type} takes the type of its default, so
     * {@code --set kl.beta=4} works on a spec that relies on the default {@code kl: {type: beta}}.
     */
    private SpecNode withDefaultType(SpecNode given, Param param, Class<?> owner, String key) {
        if (!(given instanceof MapNode map) || map.entries().containsKey(TYPE_KEY) || param == null
                || Param.REQUIRED.equals(param.defaultValue()) || Param.NONE.equals(param.defaultValue())) {
            return given;
        }
        if (defaultNode(param.defaultValue(), owner, key) instanceof MapNode defaults
                && defaults.entries().containsKey(TYPE_KEY)) {
            MapNode.Entry type = defaults.entries().get(TYPE_KEY);
            return map.with(TYPE_KEY, type.keyLocation(), type.value());
        }
        return given;
    }

    private SpecNode defaultNode(String yaml, Class<?> owner, String key) {
        Problems local = new Problems();
        SpecNode node = new YamlTreeReader(local, Location.DEFAULT).read(yaml)
                .orElseThrow(() -> new IllegalStateException("bad default of " + owner.getName() + "." + key + ": "
                        + yaml));
        if (!local.isEmpty()) {
            throw new IllegalStateException("bad default of " + owner.getName() + "." + key + ": " + local.list());
        }
        return node;
    }

    /** A bound value, or the mark of a value that had problems. */
    private record Bound(Object value, boolean valid) {
        static final Bound INVALID = new Bound(null, false);

        static Bound of(Object value) {
            return new Bound(value, true);
        }
    }

    /**
     * Binds {@code node} to {@code type}, any type a record component may have, or returns empty if
     * anything is wrong (the problems are recorded).
     */
    public <T> Optional<T> bindValue(Class<T> type, SpecNode node, String path) {
        Bound bound = bindValue(type, node, path, null);
        return bound.valid() ? Optional.ofNullable(type.cast(bound.value())) : Optional.empty();
    }

    private Bound bindValue(Type type, SpecNode node, String path, Param param) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (SpecNode.class.isAssignableFrom(raw)) {
            return bindNode(raw, node, path);
        }
        if (node instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL) {
            if (param != null && Param.NONE.equals(param.defaultValue())) {
                return Bound.of(null);
            }
            if (raw == Component.class) {
                return bindComponent((ParameterizedType) type, node, path);
            }
            problems.add(ErrorId.SPEC_WRONG_TYPE, path, node.location(), "expected " + expected(raw) + ", found null");
            return Bound.INVALID;
        }
        if (raw == Component.class) {
            return bindComponent((ParameterizedType) type, node, path);
        }
        if (raw == List.class) {
            return bindList((ParameterizedType) type, node, path, param);
        }
        if (ScalarValues.isScalarValue(raw)) {
            return node instanceof ScalarNode scalar ? bindParsed(raw, scalar, path) : wrongKind(raw, node, path);
        }
        if (raw.isRecord()) {
            Object value = bindRecord(raw.asSubclass(Record.class), node, path, "'" + path + "'", Set.of());
            return value == null ? Bound.INVALID : Bound.of(value);
        }
        if (!(node instanceof ScalarNode scalar)) {
            return wrongKind(raw, node, path);
        }
        return bindScalar(raw, scalar, path, param);
    }

    private Bound wrongKind(Class<?> raw, SpecNode node, String path) {
        problems.add(ErrorId.SPEC_WRONG_TYPE, path, node.location(),
                "expected " + expected(raw) + ", found " + node.describe());
        return Bound.INVALID;
    }

    /** A value of a plugin's own scalar type ({@link ScalarValues}), read by its {@code parse}. */
    private Bound bindParsed(Class<?> raw, ScalarNode scalar, String path) {
        try {
            return Bound.of(ScalarValues.parse(raw, scalar.text()));
        } catch (IllegalArgumentException refused) {
            problems.add(ErrorId.SPEC_BAD_VALUE, path, scalar.location(), refused.getMessage() == null
                    ? "not a valid " + ScalarValues.describe(raw) + ": " + scalar.describe() : refused.getMessage());
            return Bound.INVALID;
        }
    }

    /** The node as written, if it is of the kind {@code raw} names (any kind for {@link SpecNode}). */
    private Bound bindNode(Class<?> raw, SpecNode node, String path) {
        if (raw.isInstance(node)) {
            return Bound.of(node);
        }
        problems.add(ErrorId.SPEC_WRONG_TYPE, path, node.location(),
                "expected " + expected(raw) + ", found " + node.describe());
        return Bound.INVALID;
    }

    /**
     * Binds a component block ({@code {type: mlp, hidden: [400]}}) of {@code family}, or returns
     * empty if anything is wrong (the problems are recorded).
     */
    public <T> Optional<Component<T>> bindComponent(Family<T> family, SpecNode node, String path) {
        Bound bound = bindFamilyComponent(family, node, path);
        @SuppressWarnings("unchecked")
        Component<T> component = (Component<T>) bound.value();
        return Optional.ofNullable(component);
    }

    private Bound bindComponent(ParameterizedType type, SpecNode node, String path) {
        Class<?> product = (Class<?>) type.getActualTypeArguments()[0];
        Family<?> family = Family.ofProduct(product)
                .orElseThrow(() -> new IllegalStateException(product + " is not a component family"));
        return bindFamilyComponent(family, node, path);
    }

    private Bound bindFamilyComponent(Family<?> family, SpecNode node, String path) {
        Set<String> types = catalog.factories(family).keySet();
        if (!(node instanceof MapNode map)) {
            problems.add(ErrorId.SPEC_WRONG_TYPE, path, node.location(), "expected a mapping with a 'type' key for the "
                    + family + ", found " + node.describe() + ". Known types: " + known(types));
            return Bound.INVALID;
        }
        MapNode.Entry typeEntry = map.entries().get(TYPE_KEY);
        if (typeEntry == null) {
            problems.add(ErrorId.SPEC_MISSING_KEY, DottedPath.child(path, TYPE_KEY), map.location(),
                    "the " + family + " needs a 'type'. Known types: " + known(types));
            return Bound.INVALID;
        }
        String typePath = DottedPath.child(path, TYPE_KEY);
        if (!(typeEntry.value() instanceof ScalarNode typeName) || typeName.kind() != ScalarNode.Kind.STRING) {
            problems.add(ErrorId.SPEC_WRONG_TYPE, typePath, typeEntry.value().location(),
                    "expected a type name, found " + typeEntry.value().describe() + ". Known types: " + known(types));
            return Bound.INVALID;
        }
        Optional<ComponentFactory<?, ?>> factory = catalog.factory(family, typeName.text());
        if (factory.isEmpty()) {
            problems.add(ErrorId.SPEC_UNKNOWN_TYPE, typePath, typeName.location(), "unknown " + family + " type '"
                    + typeName.text() + "'." + Names.didYouMean(typeName.text(), types) + " Known types: "
                    + known(types));
            return Bound.INVALID;
        }
        Record config = bindRecord(factory.get().configType(), map, path, family + " '" + typeName.text() + "'",
                Set.of(TYPE_KEY));
        return config == null ? Bound.INVALID : Bound.of(new Component<>(typeName.text(), config));
    }

    private Bound bindList(ParameterizedType type, SpecNode node, String path, Param param) {
        if (!(node instanceof ListNode list)) {
            problems.add(ErrorId.SPEC_WRONG_TYPE, path, node.location(), "expected a list, found " + node.describe());
            return Bound.INVALID;
        }
        Type element = type.getActualTypeArguments()[0];
        List<Object> values = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < list.items().size(); i++) {
            SpecNode item = list.items().get(i);
            if (item instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL) {
                // a list's optional default (Param.NONE) lets the list be null, never an item of it
                Class<?> raw = element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) element;
                problems.add(ErrorId.SPEC_WRONG_TYPE, path + "[" + i + "]", item.location(), "expected " + expected(raw)
                        + ", found null; a list's items cannot be null: leave the item out");
                valid = false;
                continue;
            }
            Bound bound = bindValue(element, item, path + "[" + i + "]", param);
            valid &= bound.valid();
            values.add(bound.value());
        }
        return valid ? Bound.of(List.copyOf(values)) : Bound.INVALID;
    }

    private Bound bindScalar(Class<?> raw, ScalarNode scalar, String path, Param param) {
        String text = scalar.text().trim();
        if (raw == String.class) {
            return Bound.of(scalar.text());
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (text.equals("true") || text.equals("false")) {
                return Bound.of(Boolean.parseBoolean(text));
            }
            return wrongType(scalar, path, "true or false");
        }
        if (raw.isEnum()) {
            return bindEnum(raw, scalar, path);
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            boolean isInt = raw == int.class || raw == Integer.class;
            BigInteger value;
            try {
                value = new BigInteger(text);
            } catch (NumberFormatException e) {
                return wrongType(scalar, path, "a whole number");
            }
            if (!inBounds(value.doubleValue(), param, scalar, path)) {
                return Bound.INVALID;
            }
            long lowest = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long highest = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
            if (value.compareTo(BigInteger.valueOf(lowest)) < 0 || value.compareTo(BigInteger.valueOf(highest)) > 0) {
                problems.add(ErrorId.SPEC_BAD_VALUE, path, scalar.location(), "must be " + (value.signum() < 0 ? ">= "
                        + lowest
                        : "<= " + highest) + ", found " + text);
                return Bound.INVALID;
            }
            return Bound.of(isInt ? (Object) value.intValueExact() : (Object) value.longValueExact());
        }
        if (raw == double.class || raw == Double.class) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                if (scalar.kind() == ScalarNode.Kind.FLOAT) {
                    // YAML's .nan and .inf: numbers, but not ones a parameter can take
                    problems.add(ErrorId.SPEC_BAD_VALUE, path, scalar.location(), "must be a finite number, found "
                            + text);
                    return Bound.INVALID;
                }
                return wrongType(scalar, path, "a number");
            }
            if (!Double.isFinite(value)) {
                problems.add(ErrorId.SPEC_BAD_VALUE, path, scalar.location(),
                        "must be a finite number, found " + scalar.text());
                return Bound.INVALID;
            }
            return inBounds(value, param, scalar, path) ? Bound.of(value) : Bound.INVALID;
        }
        throw new IllegalStateException("records may not use " + raw.getName() + " in specs");
    }

    private Bound bindEnum(Class<?> raw, ScalarNode scalar, String path) {
        List<String> names = Arrays.stream(raw.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
        int index = names.indexOf(scalar.text());
        if (index < 0) {
            problems.add(ErrorId.SPEC_BAD_VALUE, path, scalar.location(),
                    "must be one of " + String.join(", ", names) + ", found "
                    + scalar.describe() + "." + Names.didYouMean(scalar.text(), names));
            return Bound.INVALID;
        }
        return Bound.of(raw.getEnumConstants()[index]);
    }

    private boolean inBounds(double value, Param param, ScalarNode scalar, String path) {
        if (param == null) {
            return true;
        }
        String problem = null;
        if (value < param.min()) {
            problem = "must be >= " + number(param.min());
        } else if (!(value > param.above()) && param.above() != Double.NEGATIVE_INFINITY) {
            problem = "must be > " + number(param.above());
        } else if (value > param.max()) {
            problem = "must be <= " + number(param.max());
        }
        if (problem != null) {
            problems.add(ErrorId.SPEC_BAD_VALUE, path, scalar.location(), problem + ", found " + scalar.text());
            return false;
        }
        return true;
    }

    private Bound wrongType(ScalarNode scalar, String path, String expected) {
        problems.add(ErrorId.SPEC_WRONG_TYPE, path, scalar.location(),
                "expected " + expected + ", found " + scalar.describe());
        return Bound.INVALID;
    }

    private static String number(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound)
                : Double.toString(bound);
    }

    private static String expected(Class<?> raw) {
        if (raw == String.class) {
            return "text";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "a whole number";
        }
        if (raw == double.class || raw == Double.class) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == List.class || raw == ListNode.class) {
            return "a list";
        }
        if (ScalarValues.isScalarValue(raw)) {
            return "a " + ScalarValues.describe(raw);
        }
        return raw.isEnum() ? "one of " + Arrays.stream(raw.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList() : "a mapping";
    }

    private static String known(Set<String> types) {
        return types.isEmpty() ? "(none registered)" : String.join(", ", types);
    }
}
