package org.vaelab.core.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.core.spec.Location;
import org.vaelab.core.spec.Problem;
import org.vaelab.core.spec.Problems;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.spec.SpecLoader;

/**
 * Expands a study into its trials and validates each one before any runs: the base spec with the
 * study-wide assignments, every swept key against it, the number of trials against
 * {@code max_runs}, then every trial's spec. A problem in a trial's value is reported where the
 * study wrote that value, naming the first trial it breaks.
 *
 * <p>Order: the grid keys as written, the first the slowest, then each zip group, then the seeds,
 * the fastest; so trial {@code i} is the same trial on every machine.
 */
public final class StudyPlanner {

    private final SpecLoader loader;

    public StudyPlanner(ComponentCatalog catalog, UnaryOperator<String> environment) {
        this.loader = new SpecLoader(catalog, environment);
    }

    /**
     * The plan of {@code study}, whose trials also take the command line's {@code --set}
     * {@code overrides}; throws a {@link SpecException} naming the study file with every problem.
     */
    public StudyPlan plan(StudyDefinition study, List<String> overrides) {
        Problems problems = new Problems();
        List<String> common = new ArrayList<>(study.fixed());
        common.addAll(overrides);
        common.add("name=" + study.name());
        Map<String, Location> written = new HashMap<>(study.fixedLocations());
        ResolvedSpec base = load(study, common, written, Map.of(), "", problems);
        problems.throwIfAny(study.source());
        SweptKeys.check(study, asMap(ResolvedSpec.plain(base.spec())), study.base().toString(), problems);
        long count = study.axes().stream().mapToLong(axis -> axis.points().size()).reduce(1, Math::multiplyExact);
        ModelSearch search = study.modelSearch();
        long perPoint = search == null ? 1 : count / search.points().size();
        long total = search == null ? count : perPoint * search.settings().trials();
        if (total > study.maxRuns()) {
            problems.add(ErrorId.STUDY_TOO_MANY_RUNS, "max_runs", study.maxRunsLocation(), "the study expands to "
                    + total
                    + " trials, more than max_runs = " + study.maxRuns() + "; sweep fewer values or raise max_runs");
        }
        problems.throwIfAny(study.source());
        List<String> keys = study.sweptKeys().stream().filter(key -> !key.equals(TrialNames.SEED)).toList();
        TrialNames names = new TrialNames(keys, (int) total);
        List<Trial> trials = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Map<String, SweptValue> values = values(study.axes(), index);
            List<String> assignments = new ArrayList<>(common);
            Map<String, Location> locations = new HashMap<>(written);
            Map<String, SweptValue> swept = new HashMap<>();
            values.forEach((key, value) -> {
                assignments.add(key + "=" + value.yaml());
                locations.put(key + "=" + value.yaml(), value.location());
                swept.put(key + "=" + value.yaml(), value);
            });
            SweptValue seed = values.remove(TrialNames.SEED);
            long seedValue = seed == null ? base.spec().seed() : Long.parseLong(seed.yaml());
            String name = names.name(index, values, seedValue);
            ResolvedSpec resolved = load(study, assignments, locations, swept, " (trial " + name + ")", problems);
            if (resolved != null) {
                trials.add(new Trial(index, name, values, assignments, resolved));
            }
        }
        problems.throwIfAny(study.source());
        if (study.pruning() != null) {
            checkPruning(study, trials, problems);
            problems.throwIfAny(study.source());
        }
        StringBuilder identity = new StringBuilder("vaelab study\n").append(study.name());
        // a model search's later trials depend on results: its startup trials and settings identify it
        long identifying = search == null ? count : perPoint * search.settings().startupTrials();
        trials.stream().limit(identifying).forEach(trial -> identity.append('\n').append(trial.sha256()));
        if (search != null) {
            identity.append('\n').append(search.identity());
        }
        if (study.pruning() != null) {
            identity.append("\npruning ").append(study.pruning().yaml());
        }
        return new StudyPlan(study, overrides, trials, SpecLoader.sha256(identity.toString()));
    }

    /**
     * Whether the study's pruning can rank its trials at synchronous rungs: all of one
     * {@code train.epochs}, its first rung before that, and every rung an epoch the trials evaluate
     * (a multiple of {@code eval.every_epochs}, since the rungs are multiples of the first).
     */
    private static void checkPruning(StudyDefinition study, List<Trial> trials, Problems problems) {
        PruningSettings pruning = study.pruning();
        if (study.modelSearch() != null) {
            problems.add(ErrorId.STUDY_BAD_PRUNING, "pruning", study.pruningLocation(), "pruning works with grids and"
                    + " random or sobol searches; a tpe search proposes its trials in rounds of whole trials");
            return;
        }
        List<Integer> epochs = trials.stream().map(trial -> trial.resolved().spec().train().epochs()).distinct()
                .toList();
        if (epochs.size() > 1) {
            problems.add(ErrorId.STUDY_BAD_PRUNING, "pruning", study.pruningLocation(), "pruning compares trials at"
                    + " the same epochs, so every trial needs the same train.epochs; the trials have " + epochs);
            return;
        }
        if (pruning.minEpochs() >= epochs.get(0)) {
            problems.add(ErrorId.STUDY_BAD_PRUNING, "pruning.min_epochs", study.pruningLocation(), "the first rung ("
                    + pruning.minEpochs() + ") must come before the last epoch, train.epochs = " + epochs.get(0));
        }
        trials.stream().map(trial -> trial.resolved().spec().eval().everyEpochs()).distinct()
                .filter(every -> pruning.minEpochs() % every != 0).findFirst()
                .ifPresent(every -> problems.add(ErrorId.STUDY_BAD_PRUNING, "pruning.min_epochs",
                        study.pruningLocation(), "every rung must be an epoch the trials evaluate: min_epochs = "
                        + pruning.minEpochs() + " is not a multiple of eval.every_epochs = " + every));
    }

    /** The values of trial {@code index}: the last axis moves fastest. */
    private static Map<String, SweptValue> values(List<Axis> axes, int index) {
        int[] positions = new int[axes.size()];
        int rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            positions[a] = rest % axes.get(a).points().size();
            rest /= axes.get(a).points().size();
        }
        Map<String, SweptValue> values = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            List<SweptValue> point = axes.get(a).points().get(positions[a]);
            for (int k = 0; k < point.size(); k++) {
                values.put(axes.get(a).keys().get(k), point.get(k));
            }
        }
        return values;
    }

    /**
     * The base spec with {@code assignments}, or null with its problems added: each at the place
     * the study wrote the assignment ({@code locations}; for a swept value, {@code swept}, the place
     * inside it the problem's key was written, such as a drawn {@code sigma_value} inside a
     * likelihood), else at its own place in the base spec.
     */
    private ResolvedSpec load(StudyDefinition study, List<String> assignments, Map<String, Location> locations,
                              Map<String, SweptValue> swept, String trial, Problems problems) {
        try {
            return loader.load(study.base(), assignments);
        } catch (SpecException e) {
            for (Problem problem : e.problems()) {
                Location origin = problem.location();
                String assignment = origin.origin() != null && origin.origin().startsWith("--set ")
                        ? origin.origin().substring("--set ".length()) : "";
                if (swept.containsKey(assignment)) {
                    String key = assignment.substring(0, assignment.indexOf('='));
                    problems.add(problem.id(), problem.path(), swept.get(assignment).locationOf(key, problem.path()),
                            problem.message() + trial);
                } else if (locations.containsKey(assignment)) {
                    problems.add(problem.id(), problem.path(), locations.get(assignment), problem.message() + trial);
                } else {
                    String where = origin.origin() == null ? " (in " + study.base() + ")" : "";
                    problems.add(problem.id(), problem.path(), origin, problem.message() + where + trial);
                }
            }
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object plain) {
        return (Map<String, Object>) plain;
    }
}
