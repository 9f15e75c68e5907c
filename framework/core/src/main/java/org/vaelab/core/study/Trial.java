package org.vaelab.core.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaelab.core.spec.ResolvedSpec;

/**
 * One run of a study: its place in the expansion order, its stable name
 * ({@code t007-beta=2-latent_dim=8-seed=1}), the values it gives the swept keys, the
 * {@code --set} assignments that make its spec from the base, and that spec resolved.
 *
 * @param index the position in the expansion order, from 0; the same on every machine
 * @param name the index and the swept values, as a folder-safe name
 * @param values the swept keys (seed excluded) and their values, in the study's order
 * @param assignments the {@code KEY=VALUE} overrides of the base spec, study-wide ones first
 * @param resolved the trial's validated spec
 */
public record Trial(int index, String name, Map<String, SweptValue> values, List<String> assignments,
                    ResolvedSpec resolved) {

    public Trial {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        assignments = List.copyOf(assignments);
    }

    /** The trial's seed. */
    public long seed() {
        return resolved.spec().seed();
    }

    /** The SHA-256 of the trial's resolved spec, which finds its runs again. */
    public String sha256() {
        return resolved.sha256();
    }
}
