package org.vaelab.core.study;

import java.util.List;
import org.vaelab.core.spec.Names;
import org.vaelab.core.spec.RecordBinder;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.spi.Param;

/**
 * The keys of a study file, bound by {@link RecordBinder} as a spec's are, so unknown, missing and
 * ill-typed keys are reported as in a spec. The swept blocks stay YAML as written, with their
 * locations: {@link StudyAxes} reads them.
 */
record StudyFile(
        @Param("The study's name: the experiment its trials belong to, and its folder's prefix;"
                + " the study file's name when not written")
        String name,
        @Param(value = "What the study is for", defaultValue = Param.NONE) String description,
        @Param("The base spec every trial starts from, relative to the study file") String base,
        @Param(value = "Dotted keys of the base spec and the value every trial gives them, such as {train.epochs: 3}",
                defaultValue = "{}")
        MapNode set,
        @Param(value = "Dotted keys and their lists of values, swept as a Cartesian product", defaultValue = "{}")
        MapNode grid,
        @Param(value = "Groups of dotted keys whose lists of values move together, one axis per group",
                defaultValue = "[]")
        List<MapNode> zip,
        @Param(value = "Dotted keys and the distributions their values are drawn from, such as"
                + " {optimizer.lr: {log_uniform: [1.0e-4, 1.0e-2]}}; drawn by search", defaultValue = "{}")
        MapNode space,
        @Param(value = "How the trials are drawn from space: {type: random, sobol or tpe, trials: N, seed: S}",
                defaultValue = Param.NONE)
        SearchSettings search,
        @Param(value = "Stops the trials that fall behind at rungs of epochs: {type: successive_halving, metric:"
                + " val/elbo, min_epochs: R, eta: 3}", defaultValue = Param.NONE)
        PruningSettings pruning,
        @Param(value = "Seeds, one more axis, the fastest", defaultValue = Param.NONE, min = 0) List<Long> seeds,
        @Param(value = "The most trials the study may expand to", defaultValue = "" + StudyDefinition.DEFAULT_MAX_RUNS,
                min = 1)
        int maxRuns) {

    StudyFile {
        Names.requireFolderName("name", name);
    }
}
