package org.vaelab.core.study;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vaelab.core.spec.Location;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;

/**
 * One value a study gives a key: the YAML node as written, and that node as one line of flow YAML
 * ({@code {type: gaussian, sigma: learned_per_dim}}), which is how the trial's {@code --set}
 * assignment carries it and how the plan and summary show it.
 */
public record SweptValue(SpecNode node, String yaml) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    /** Words YAML reads as something other than text. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[^A-Za-z0-9._+-]+");

    static SweptValue of(SpecNode node) {
        return new SweptValue(node, flow(node));
    }

    /** Where the value was written. */
    public Location location() {
        return node.location();
    }

    /**
     * Where the part of the value at {@code path} was written, the value being {@code key}'s: the
     * deepest mapping entry of the path that the value holds, else the value itself.
     */
    public Location locationOf(String key, String path) {
        SpecNode at = node;
        if (path.startsWith(key + ".")) {
            for (String part : path.substring(key.length() + 1).split("\\.")) {
                if (!(at instanceof MapNode map) || !map.entries().containsKey(part)) {
                    break;
                }
                at = map.entries().get(part).value();
            }
        }
        return at.location();
    }

    /** The value as a number, if it is one. */
    public OptionalDouble number() {
        return node instanceof ScalarNode scalar && (scalar.kind() == ScalarNode.Kind.INTEGER
                || scalar.kind() == ScalarNode.Kind.FLOAT) ? OptionalDouble.of(Double.parseDouble(scalar.text()))
                : OptionalDouble.empty();
    }

    /** A short form for trial names: scalars as written, a mapping's values and a list's items joined. */
    public String label() {
        return UNSAFE_IN_NAME.matcher(compact(node)).replaceAll("_");
    }

    private static String compact(SpecNode node) {
        if (node instanceof MapNode map) {
            return map.entries().values().stream().map(entry -> compact(entry.value()))
                    .collect(Collectors.joining("-"));
        }
        if (node instanceof ListNode list) {
            return list.items().stream().map(SweptValue::compact).collect(Collectors.joining("x"));
        }
        return ((ScalarNode) node).text();
    }

    private static String flow(SpecNode node) {
        if (node instanceof MapNode map) {
            return map.entries().entrySet().stream().map(e -> text(e.getKey()) + ": " + flow(e.getValue().value()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (node instanceof ListNode list) {
            return list.items().stream().map(SweptValue::flow).collect(Collectors.joining(", ", "[", "]"));
        }
        ScalarNode scalar = (ScalarNode) node;
        return switch (scalar.kind()) {
            case STRING -> text(scalar.text());
            case NULL -> "null";
            default -> scalar.text();
        };
    }

    /** Text as a plain YAML word when it reads back as the same text, else double-quoted. */
    private static String text(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
