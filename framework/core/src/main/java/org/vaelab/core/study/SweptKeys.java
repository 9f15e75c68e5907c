package org.vaelab.core.study;

import java.util.Map;
import java.util.TreeSet;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.core.spec.Names;
import org.vaelab.core.spec.Problems;

/**
 * Checks that every swept key names a value of the base spec (defaults filled in), so a typo
 * is caught with a "did you mean" before any trial runs.
 */
final class SweptKeys {

    private SweptKeys() {
    }

    /**
     * Reports each key of {@code study}'s axes that {@code base} (the resolved base spec as plain
     * maps) does not have.
     */
    static void check(StudyDefinition study, Map<String, Object> base, String baseSource, Problems problems) {
        for (Axis axis : study.axes()) {
            for (int i = 0; i < axis.keys().size(); i++) {
                String key = axis.keys().get(i);
                Object node = base;
                String parent = "";
                for (String part : key.split("\\.", -1)) {
                    if (!(node instanceof Map<?, ?> map)) {
                        problems.add(ErrorId.STUDY_UNKNOWN_KEY, key, axis.keyLocations().get(i), "the base spec "
                                + baseSource
                                + " has a single value at " + parent + ", not a mapping with key '" + part + "'");
                        break;
                    }
                    if (!map.containsKey(part)) {
                        TreeSet<String> known = new TreeSet<>();
                        map.keySet().forEach(k -> known.add(k.toString()));
                        problems.add(ErrorId.STUDY_UNKNOWN_KEY, key, axis.keyLocations().get(i), "the base spec "
                                + baseSource
                                + " has no key '" + part + "'" + (parent.isEmpty() ? "" : " in " + parent) + "."
                                + Names.didYouMean(part, known) + " Known: " + String.join(", ", known));
                        break;
                    }
                    node = map.get(part);
                    parent = parent.isEmpty() ? part : parent + "." + part;
                }
            }
        }
    }
}
