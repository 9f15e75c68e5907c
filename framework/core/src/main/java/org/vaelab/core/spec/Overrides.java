package org.vaelab.core.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaelab.core.spec.SpecNode.MapNode;

/**
 * Applies command-line assignments {@code --set model.latent_dim=2} to a spec tree. The value is
 * read as YAML ({@code --set model.encoder.hidden=[512,256]}); missing mappings on the way are
 * created, so any key the spec's records know can be set. Unknown keys are caught by binding,
 * with a did-you-mean, like keys written in the file.
 */
public final class Overrides {

    private final Problems problems;

    public Overrides(Problems problems) {
        this.problems = problems;
    }

    /** The tree with every assignment applied, in order. */
    public SpecNode apply(SpecNode root, List<String> assignments) {
        SpecNode result = root;
        for (String assignment : assignments) {
            result = applyOne(result, assignment);
        }
        return result;
    }

    /** {@code assignment} as it may be shown in messages: credentials in a URI masked, as in a recorded spec. */
    public static String shown(String assignment) {
        return RecordedForm.maskUserInfo(assignment);
    }

    /** The dotted key an assignment sets: {@code kl.beta} of {@code kl.beta=4}. */
    public static String key(String assignment) {
        int equals = assignment.indexOf('=');
        return (equals < 0 ? assignment : assignment.substring(0, equals)).trim();
    }

    private SpecNode applyOne(SpecNode root, String assignment) {
        int equals = assignment.indexOf('=');
        Location at = Location.override(assignment);
        if (equals <= 0 || assignment.substring(0, equals).isBlank()) {
            problems.add(ErrorId.SPEC_BAD_OVERRIDE, "", at, "expected KEY=VALUE with a dotted key, such as kl.beta=4");
            return root;
        }
        String key = key(assignment);
        String[] keys = key.split("\\.", -1);
        if (Arrays.stream(keys).anyMatch(String::isBlank)) {
            problems.add(ErrorId.SPEC_BAD_OVERRIDE, "", at, "'" + key
                    + "' is not a key: a key is names joined by single dots,"
                    + " such as kl.beta or model.encoder.hidden, without a dot at either end");
            return root;
        }
        if (assignment.substring(equals + 1).isBlank()) {
            problems.add(ErrorId.SPEC_BAD_OVERRIDE, key, at, "no value after '='; write " + key
                    + "=VALUE (the value is read as YAML; write null for no value)");
            return root;
        }
        Optional<SpecNode> value = new YamlTreeReader(problems, at).read(assignment.substring(equals + 1));
        if (value.isEmpty()) {
            return root;
        }
        if (!(root instanceof MapNode map)) {
            return root;
        }
        return set(map, keys, 0, value.get(), at, "");
    }

    private SpecNode set(MapNode map, String[] keys, int index, SpecNode value, Location at, String path) {
        String key = keys[index];
        String childPath = DottedPath.child(path, key);
        if (index == keys.length - 1) {
            return map.with(key, at, value);
        }
        MapNode.Entry existing = map.entries().get(key);
        if (existing == null) {
            return map.with(key, at, set(new MapNode(at, Map.of()), keys, index + 1, value, at, childPath));
        }
        if (!(existing.value() instanceof MapNode child)) {
            problems.add(ErrorId.SPEC_BAD_OVERRIDE, childPath, at,
                    "cannot set a key inside " + existing.value().describe() + "; only mappings have keys");
            return map;
        }
        return map.with(key, existing.keyLocation(), set(child, keys, index + 1, value, at, childPath));
    }
}
