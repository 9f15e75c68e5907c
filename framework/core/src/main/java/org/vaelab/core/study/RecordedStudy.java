package org.vaelab.core.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.vaelab.core.spec.Overrides;

/**
 * The study a sweep ran, as the study file its folder keeps ({@code study.yaml}): run again with
 * {@code vae sweep runs/studies/NAME-HASH/study.yaml}, it is the same study, with the same hash and
 * trials, whether it came from a study file or from {@code vae sweep BASE -p ...}. It writes down
 * what the sweep used rather than what was typed: the name, the base relative to the study's
 * folder, every assignment applied to all trials (the study's {@code set} and the command line's
 * {@code --set}, credentials in URIs masked as in a recorded spec), and the axes in expansion order
 * (a model search as its space and search, since its later points are proposed from results).
 */
final class RecordedStudy {

    private RecordedStudy() {
    }

    /** The study file of {@code plan}, ran with {@code overrides}, to be kept in {@code folder}. */
    static String yaml(StudyPlan plan, List<String> overrides, Path folder) {
        StudyDefinition study = plan.study();
        StringBuilder out = new StringBuilder("# the study `vae sweep` ran (study hash ")
                .append(plan.sha256(), 0, 8).append("); `vae sweep` this file to run it again\n");
        out.append("name: ").append(study.name()).append('\n');
        out.append("base: ").append(folder.toAbsolutePath().normalize()
                .relativize(study.base().toAbsolutePath().normalize())).append('\n');
        List<String> fixed = new ArrayList<>(study.fixed());
        fixed.addAll(overrides);
        if (!fixed.isEmpty()) {
            out.append("set:\n");
            fixed.forEach(assignment -> {
                String shown = Overrides.shown(assignment);
                int equals = shown.indexOf('=');
                out.append("  ").append(shown, 0, equals).append(": ").append(shown.substring(equals + 1)).append('\n');
            });
        }
        // the expansion order is grid keys, zip groups, seeds: the leading one-key axes are written
        // as the grid and every later axis as a zip group (a group of one key is a grid key), so
        // the order, and with it every trial's index and the study's hash, is kept
        List<Axis> axes = study.axes();
        Axis last = axes.isEmpty() ? null : axes.get(axes.size() - 1);
        boolean seeds = last != null && last.keys().equals(List.of(TrialNames.SEED));
        List<Axis> swept = seeds ? axes.subList(0, axes.size() - 1) : axes;
        if (study.modelSearch() != null) {
            out.append(study.modelSearch().yaml());
            swept = List.of();
        }
        int gridAxes = 0;
        while (gridAxes < swept.size() && swept.get(gridAxes).keys().size() == 1) {
            gridAxes++;
        }
        List<Axis> grid = swept.subList(0, gridAxes);
        List<Axis> zip = swept.subList(gridAxes, swept.size());
        if (!grid.isEmpty()) {
            out.append("grid:\n");
            grid.forEach(axis -> out.append("  ").append(axis.keys().get(0)).append(": ").append(values(axis, 0))
                    .append('\n'));
        }
        if (!zip.isEmpty()) {
            out.append("zip:\n");
            for (Axis axis : zip) {
                List<String> columns = new ArrayList<>();
                for (int key = 0; key < axis.keys().size(); key++) {
                    columns.add(axis.keys().get(key) + ": " + values(axis, key));
                }
                out.append("  - {").append(String.join(", ", columns)).append("}\n");
            }
        }
        if (seeds) {
            out.append("seeds: ").append(values(last, 0)).append('\n');
        }
        if (study.pruning() != null) {
            out.append("pruning: ").append(study.pruning().yaml()).append('\n');
        }
        return out.append("max_runs: ").append(study.maxRuns()).append('\n').toString();
    }

    /** The values of the axis's {@code key}-th key, as a flow list. */
    private static String values(Axis axis, int key) {
        return axis.points().stream().map(point -> point.get(key).yaml()).collect(Collectors.joining(", ", "[", "]"));
    }
}
