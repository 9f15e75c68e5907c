package org.vaelab.core.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.core.spec.Names;
import org.vaelab.core.spec.Problems;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;

/**
 * Reads a study's {@code space}: each dotted key to a {@link SpaceTemplate}. A mapping of one of
 * the keys {@code uniform}, {@code log_uniform}, {@code int} or {@code choice} is a distribution,
 * anywhere in a value (inside a choice's option too); every other value is kept as written. Bad
 * bounds, an empty choice and a key that samples nothing are reported as {@code study/BadSpace}.
 */
final class SpaceReader {

    private static final String UNIFORM = "uniform";
    private static final String LOG_UNIFORM = "log_uniform";
    private static final String INT = "int";
    private static final String CHOICE = "choice";
    private static final Set<String> DISTRIBUTIONS = Set.of(UNIFORM, LOG_UNIFORM, INT, CHOICE);

    private final Problems problems;

    SpaceReader(Problems problems) {
        this.problems = problems;
    }

    /** The templates of {@code space}, by key in the order written; those with problems left out. */
    Map<String, SpaceTemplate> read(MapNode space) {
        Map<String, SpaceTemplate> templates = new LinkedHashMap<>();
        space.entries().forEach((key, entry) -> {
            String path = "space." + key;
            Optional<SpaceTemplate> template = template(entry.value(), path);
            if (template.isPresent() && template.get().dimensions() == 0) {
                String hint = entry.value() instanceof MapNode map && map.entries().size() == 1
                        ? Names.didYouMean(map.entries().keySet().iterator().next(), DISTRIBUTIONS) : "";
                problems.add(ErrorId.STUDY_BAD_SPACE, path, entry.value().location(), "a key of the space is drawn"
                        + " from {uniform: [LOW, HIGH]}, {log_uniform: [LOW, HIGH]}, {int: [LOW, HIGH]} or"
                        + " {choice: [A, B, ...]}; found " + entry.value().describe() + " that draws nothing."
                        + hint + " Fixed values go under set");
            } else {
                template.ifPresent(t -> templates.put(key, t));
            }
        });
        return templates;
    }

    private Optional<SpaceTemplate> template(SpecNode node, String path) {
        if (!(node instanceof MapNode map)) {
            return Optional.of(new SpaceTemplate.Constant(node));
        }
        if (map.entries().size() == 1 && DISTRIBUTIONS.contains(map.entries().keySet().iterator().next())) {
            String kind = map.entries().keySet().iterator().next();
            return distribution(kind, map.entries().get(kind).value(), path + "." + kind);
        }
        Map<String, SpaceTemplate> values = new LinkedHashMap<>();
        boolean valid = true;
        for (Map.Entry<String, MapNode.Entry> entry : map.entries().entrySet()) {
            Optional<SpaceTemplate> value = template(entry.getValue().value(), path + "." + entry.getKey());
            valid &= value.isPresent();
            value.filter(v -> v.dimensions() > 0).ifPresent(v -> values.put(entry.getKey(), v));
        }
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(values.isEmpty() ? new SpaceTemplate.Constant(map) : new SpaceTemplate.Mapping(map, values));
    }

    private Optional<SpaceTemplate> distribution(String kind, SpecNode arguments, String path) {
        if (kind.equals(CHOICE)) {
            return choice(arguments, path);
        }
        Optional<double[]> bounds = bounds(arguments, path, kind.equals(INT));
        if (bounds.isEmpty()) {
            return Optional.empty();
        }
        double low = bounds.get()[0];
        double high = bounds.get()[1];
        if (kind.equals(INT) ? low > high : low >= high) {
            return bad(path, arguments, "the lower bound must be " + (kind.equals(INT) ? "at most" : "below")
                    + " the upper one, found [" + number(low) + ", " + number(high) + "]");
        }
        if (kind.equals(LOG_UNIFORM) && low <= 0) {
            return bad(path, arguments, "a log-uniform value is positive: the lower bound must be > 0, found "
                    + number(low));
        }
        return Optional.of(switch (kind) {
            case UNIFORM -> new SpaceTemplate.Uniform(arguments.location(), low, high);
            case LOG_UNIFORM -> new SpaceTemplate.LogUniform(arguments.location(), low, high);
            default -> new SpaceTemplate.IntRange(arguments.location(), (long) low, (long) high);
        });
    }

    private Optional<SpaceTemplate> choice(SpecNode arguments, String path) {
        if (!(arguments instanceof ListNode list) || list.items().isEmpty()) {
            return bad(path, arguments, "a choice lists its options, such as [bernoulli, laplace]; found "
                    + arguments.describe() + (arguments instanceof ListNode ? " with no items" : ""));
        }
        List<SpaceTemplate> options = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            template(list.items().get(i), path + "[" + i + "]").ifPresent(options::add);
        }
        return options.size() == list.items().size() ? Optional.of(new SpaceTemplate.Choice(options))
                : Optional.empty();
    }

    /** {@code [LOW, HIGH]}: two numbers, whole ones for {@code whole}. */
    private Optional<double[]> bounds(SpecNode arguments, String path, boolean whole) {
        String expected = whole ? "two whole numbers [LOW, HIGH], both included, such as [2, 32]"
                : "two numbers [LOW, HIGH], such as [1.0e-4, 1.0e-2]";
        if (!(arguments instanceof ListNode list) || list.items().size() != 2
                || !list.items().stream().allMatch(item -> isNumber(item, whole))) {
            problems.add(ErrorId.STUDY_BAD_SPACE, path, arguments.location(), "expected " + expected + ", found "
                    + describe(arguments));
            return Optional.empty();
        }
        return Optional.of(list.items().stream().mapToDouble(item -> Double.parseDouble(((ScalarNode) item).text()))
                .toArray());
    }

    private static boolean isNumber(SpecNode node, boolean whole) {
        return node instanceof ScalarNode scalar && (scalar.kind() == ScalarNode.Kind.INTEGER
                || !whole && scalar.kind() == ScalarNode.Kind.FLOAT);
    }

    private static String describe(SpecNode node) {
        return node instanceof ListNode list ? "a list of " + list.items().size() + " ("
                + SweptValue.of(node).yaml() + ")" : node.describe();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private Optional<SpaceTemplate> bad(String path, SpecNode at, String message) {
        problems.add(ErrorId.STUDY_BAD_SPACE, path, at.location(), message);
        return Optional.empty();
    }
}
