package org.vaelab.core.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in string scalars with environment
 * variables, as a POSIX shell does. Binding reads numbers and booleans from text, so
 * {@code epochs: ${EPOCHS:-10}} is the integer 10. An unset variable without default is a problem.
 * It remembers which scalars took a value from the environment, and how the spec wrote them, so
 * that what is recorded of the spec shows the reference, not the value ({@link RecordedForm}).
 */
public final class Interpolation {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final UnaryOperator<String> environment;
    private final Problems problems;
    private final Map<SpecNode, String> fromEnvironment = new IdentityHashMap<>();

    /**
     * @param environment looks up a variable, returning null when unset
     * @param problems where unset variables are reported
     */
    public Interpolation(UnaryOperator<String> environment, Problems problems) {
        this.environment = environment;
        this.problems = problems;
    }

    /**
     * The scalars of the trees returned so far that took a value of a set environment variable
     * (this very node, not an equal one), each with its text as the spec wrote it.
     */
    public Map<SpecNode, String> fromEnvironment() {
        return Collections.unmodifiableMap(fromEnvironment);
    }

    /** The tree with every reference replaced. */
    public SpecNode apply(SpecNode node, String path) {
        if (node instanceof MapNode map) {
            Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
            map.entries().forEach((key, entry) -> entries.put(key,
                    new MapNode.Entry(entry.keyLocation(), apply(entry.value(), DottedPath.child(path, key)))));
            return new MapNode(map.location(), entries);
        }
        if (node instanceof ListNode list) {
            List<SpecNode> items = new ArrayList<>();
            for (SpecNode item : list.items()) {
                items.add(apply(item, path + "[" + items.size() + "]"));
            }
            return new ListNode(list.location(), items);
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.kind() == ScalarNode.Kind.STRING ? substitute(scalar, path) : scalar;
    }

    private ScalarNode substitute(ScalarNode scalar, String path) {
        Matcher matcher = REFERENCE.matcher(scalar.text());
        if (!matcher.find()) {
            return scalar;
        }
        matcher.reset();
        StringBuilder out = new StringBuilder();
        boolean environmentUsed = false;
        while (matcher.find()) {
            String value = environment.apply(matcher.group(1));
            environmentUsed |= value != null;
            if (value == null) {
                value = matcher.group(2);
            }
            if (value == null) {
                problems.add(ErrorId.SPEC_UNSET_VARIABLE, path, scalar.location(), "environment variable "
                        + matcher.group(1)
                        + " is not set and has no default; write ${" + matcher.group(1) + ":-default} to give one");
                value = "";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        ScalarNode substituted = new ScalarNode(scalar.location(), out.toString(), ScalarNode.Kind.STRING);
        if (environmentUsed) {
            fromEnvironment.put(substituted, scalar.text());
        }
        return substituted;
    }
}
