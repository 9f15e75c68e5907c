package org.vaelab.core.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaelab.core.spec.Location;

/**
 * A study as written, before expansion: a study file in {@code experiments/} or the command
 * line's {@code vae sweep BASE -p KEY=V1,V2}.
 *
 * @param name the study's name: the experiment its trials belong to, and its folder's prefix
 * @param source the study file as given, or the base spec for a command-line study; names it in messages
 * @param base the base spec every trial starts from
 * @param fixed assignments applied to every trial ({@code set:}), as {@code KEY=VALUE}
 * @param fixedLocations where each fixed assignment was written
 * @param axes the grid keys, then the zip groups, then the seeds, in the order written
 * @param maxRuns the most trials the study may expand to
 * @param maxRunsLocation where the limit was written (the grid's key when it was not)
 * @param modelSearch the search whose points a model proposes, its axis the first; null for none
 * @param pruning how trials that fall behind are stopped, or null when every trial trains every epoch
 * @param pruningLocation where the pruning was written; null without pruning
 */
public record StudyDefinition(String name, String source, Path base, List<String> fixed,
                              Map<String, Location> fixedLocations, List<Axis> axes, int maxRuns,
                              Location maxRunsLocation, ModelSearch modelSearch, PruningSettings pruning,
                              Location pruningLocation) {

    /** The limit on trials when a study sets none. */
    public static final int DEFAULT_MAX_RUNS = 100;

    public StudyDefinition {
        fixed = List.copyOf(fixed);
        fixedLocations = Map.copyOf(fixedLocations);
        axes = List.copyOf(axes);
    }

    /** Every swept key, in expansion order. */
    List<String> sweptKeys() {
        return axes.stream().flatMap(axis -> axis.keys().stream()).toList();
    }

    /** The study with {@code search} as its model search, and its points as the first axis. */
    StudyDefinition withModelSearch(ModelSearch search) {
        List<Axis> replaced = new ArrayList<>(axes);
        replaced.set(0, search.axis());
        return new StudyDefinition(name, source, base, fixed, fixedLocations, replaced, maxRuns, maxRunsLocation,
                search, pruning, pruningLocation);
    }
}
