package org.vaelab.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;

/**
 * The form in which a resolved spec leaves the process: {@code spec.resolved.yaml}, its SHA-256,
 * the params and dataset source trackers log, the journal. It is the spec with every default
 * filled in, except for two kinds of values, which are used by the run but never written down:
 * <ul>
 *   <li>a value that came from an environment variable appears as the spec wrote it
 *       ({@code ${MLFLOW_PASSWORD}}, {@code ${DATA_DIR:-data}/mnist}), not as the value; a value the
 *       spec spells out (a literal, the default of an unset variable) appears as it is; {@code --set}
 *       values are read the same way;</li>
 *   <li>credentials in a URI ({@code scheme://user:password@host}) appear as
 *       {@code scheme://***@host}, wherever the spec or a {@code --set} wrote them.</li>
 * </ul>
 * So the environment is where a run runs, not what it is: two machines with different
 * {@code DATA_DIR}s run the same spec under the same hash, and {@code vae sync}, {@code vae reproduce}
 * and {@code --resume} read the variables again from their own environment.
 */
final class RecordedForm {

    /** What replaces the user information of a URI. */
    private static final String MASK = "***";

    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s]*@");

    private RecordedForm() {
    }

    /**
     * {@code plain} (a spec as {@link ResolvedSpec#plain}) in its recorded form.
     *
     * @param tree the spec tree it was bound from, after interpolation and overrides
     * @param fromEnvironment scalars of {@code tree} that took an environment variable's value, with their written text
     */
    static Object of(Object plain, SpecNode tree, Map<SpecNode, String> fromEnvironment) {
        return masked(written(plain, tree, fromEnvironment));
    }

    /** {@code text} with the user information of every URI in it replaced by {@value #MASK}. */
    static String maskUserInfo(String text) {
        return USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
    }

    /** {@code plain} with the values of environment variables replaced by the references that produced them. */
    private static Object written(Object plain, SpecNode node, Map<SpecNode, String> fromEnvironment) {
        if (fromEnvironment.containsKey(node)) {
            return fromEnvironment.get(node);
        }
        if (node instanceof MapNode map && plain instanceof Map<?, ?> values) {
            Map<Object, Object> out = new LinkedHashMap<>(values);
            map.entries().forEach((key, entry) -> {
                if (out.containsKey(key)) {
                    out.put(key, written(out.get(key), entry.value(), fromEnvironment));
                }
            });
            return out;
        }
        if (node instanceof ListNode list && plain instanceof List<?> items && items.size() == list.items().size()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(written(items.get(i), list.items().get(i), fromEnvironment));
            }
            return out;
        }
        return plain;
    }

    private static Object masked(Object plain) {
        if (plain instanceof String text) {
            return maskUserInfo(text);
        }
        if (plain instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((key, value) -> out.put(key, masked(value)));
            return out;
        }
        if (plain instanceof List<?> list) {
            return list.stream().map(RecordedForm::masked).toList();
        }
        return plain;
    }
}
