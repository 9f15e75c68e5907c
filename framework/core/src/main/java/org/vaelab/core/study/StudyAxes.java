package org.vaelab.core.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.core.spec.Location;
import org.vaelab.core.spec.Problems;
import org.vaelab.core.spec.RecordBinder;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;

/**
 * Collects a study's axes from its grid, zip groups, sampled search and seeds as written, and reports what binding
 * the study file cannot see: a key given no values, zipped lists of unequal length, a key swept twice.
 */
final class StudyAxes {

    private final RecordBinder binder;
    private final Problems problems;
    private final List<Axis> axes = new ArrayList<>();
    private ModelSearch modelSearch;

    StudyAxes(RecordBinder binder, Problems problems) {
        this.binder = binder;
        this.problems = problems;
    }

    /** An axis of its own for each key of {@code grid}. */
    void grid(MapNode grid) {
        grid.entries().forEach((key, entry) -> values(entry.value(), "grid." + key)
                .ifPresent(values -> add(Axis.of(key, entry.keyLocation(), values))));
    }

    /** One axis for each group of {@code zip}, its keys moving together. */
    void zip(List<MapNode> groups) {
        for (int g = 0; g < groups.size(); g++) {
            zipGroup(groups.get(g), "zip[" + g + "]");
        }
    }

    private void zipGroup(MapNode group, String path) {
        if (group.entries().isEmpty()) {
            problems.add(ErrorId.STUDY_BAD_VALUE, path, group.location(),
                    "a zip group maps keys to lists of equal length,"
                    + " such as {kl.beta: [1, 4], seed: [1, 2]}; found an empty mapping");
            return;
        }
        List<String> keys = new ArrayList<>();
        List<Location> locations = new ArrayList<>();
        List<List<SweptValue>> columns = new ArrayList<>();
        for (Map.Entry<String, MapNode.Entry> column : group.entries().entrySet()) {
            String columnPath = path + "." + column.getKey();
            Optional<List<SweptValue>> values = values(column.getValue().value(), columnPath);
            if (values.isPresent() && !columns.isEmpty() && values.get().size() != columns.get(0).size()) {
                problems.add(ErrorId.STUDY_BAD_VALUE, columnPath, column.getValue().value().location(),
                        "zipped keys move together, so their lists must be of equal length: " + values.get().size()
                                + " values here, " + columns.get(0).size() + " for " + keys.get(0));
            } else if (values.isPresent()) {
                keys.add(column.getKey());
                locations.add(column.getValue().keyLocation());
                columns.add(values.get());
            }
        }
        if (!columns.isEmpty()) {
            add(new Axis(keys, locations, rows(columns)));
        }
    }

    /**
     * One axis for a sampled search: its points drawn by {@code settings} from {@code space}, each
     * giving every key of the space its value. {@code searchAt} is where the study wrote its search
     * (or began), for the problems of a search without a space and a space without a search.
     */
    void search(SearchSettings settings, MapNode space, Location searchAt) {
        if (settings == null) {
            problems.add(ErrorId.STUDY_BAD_SEARCH, "space", space.location(), "a space is drawn from by a search:"
                    + " add search: {type: sobol, trials: 16, seed: 1} (or random)");
            return;
        }
        if (space.entries().isEmpty()) {
            problems.add(ErrorId.STUDY_BAD_SEARCH, "search", searchAt, "a search draws its trials from a space:"
                    + " add space: {optimizer.lr: {log_uniform: [1.0e-4, 1.0e-2]}} or another key");
            return;
        }
        Map<String, SpaceTemplate> templates = new SpaceReader(problems).read(space);
        if (templates.size() != space.entries().size()) {
            return;
        }
        int dimensions = templates.values().stream().mapToInt(SpaceTemplate::dimensions).sum();
        if (settings.type() == SearchSettings.Method.SOBOL && dimensions > SearchSettings.SOBOL_MAX_DIMENSIONS) {
            problems.add(ErrorId.STUDY_BAD_SEARCH, "search.type", searchAt, "a Sobol sequence covers at most "
                    + SearchSettings.SOBOL_MAX_DIMENSIONS + " distributions, the space has " + dimensions
                    + "; use random");
            return;
        }
        List<Location> keyLocations = space.entries().values().stream().map(MapNode.Entry::keyLocation).toList();
        if (settings.type() == SearchSettings.Method.TPE) {
            if (!axes.isEmpty()) {
                problems.add(ErrorId.STUDY_BAD_SEARCH, "search.type", searchAt, "a tpe search proposes its trials"
                        + " from the results of the others, so it is the study's only axis besides seeds; found "
                        + String.join(", ", keys()) + " swept too. Put those keys in the space");
                return;
            }
            modelSearch = ModelSearch.start(settings, templates, keyLocations, SweptValue.of(space).yaml());
            add(modelSearch.axis());
            return;
        }
        add(new Axis(List.copyOf(templates.keySet()), keyLocations,
                draw(templates, Arrays.asList(settings.points(dimensions)))));
    }

    /** The search a model proposes the points of, or null for none. */
    ModelSearch modelSearch() {
        return modelSearch;
    }

    /** The values {@code templates} give each of {@code points}, in the order of the keys. */
    static List<List<SweptValue>> draw(Map<String, SpaceTemplate> templates, List<double[]> points) {
        List<List<SweptValue>> drawn = new ArrayList<>();
        for (double[] point : points) {
            List<SweptValue> values = new ArrayList<>();
            int from = 0;
            for (SpaceTemplate template : templates.values()) {
                values.add(SweptValue.of(template.draw(point, from)));
                from += template.dimensions();
            }
            drawn.add(values);
        }
        return drawn;
    }

    /** The seeds' axis, {@code seeds} being the study's entry of that key. */
    void seeds(MapNode.Entry seeds) {
        values(seeds.value(), "seeds").ifPresent(values -> add(Axis.of(TrialNames.SEED, seeds.keyLocation(), values)));
    }

    /** Adds {@code axis}, reporting each of its keys already swept. */
    void add(Axis axis) {
        Set<String> swept = new HashSet<>(keys());
        for (int i = 0; i < axis.keys().size(); i++) {
            if (swept.contains(axis.keys().get(i))) {
                problems.add(ErrorId.STUDY_DUPLICATE_KEY, axis.keys().get(i), axis.keyLocations().get(i),
                        "swept twice; give each key its values in one place");
            }
        }
        axes.add(axis);
    }

    /** The axes in the order added. */
    List<Axis> axes() {
        return List.copyOf(axes);
    }

    private List<String> keys() {
        return axes.stream().flatMap(axis -> axis.keys().stream()).toList();
    }

    /** The values a key is swept over: a non-empty list, each item as written. */
    private Optional<List<SweptValue>> values(SpecNode node, String path) {
        Optional<ListNode> list = binder.bindValue(ListNode.class, node, path);
        if (list.isPresent() && list.get().items().isEmpty()) {
            problems.add(ErrorId.STUDY_BAD_VALUE, path, node.location(),
                    "a swept key needs at least one value, such as [1, 4]; found an empty list");
            return Optional.empty();
        }
        return list.map(values -> values.items().stream().map(SweptValue::of).toList());
    }

    /** The points of a zip group: the i-th value of every column. */
    private static List<List<SweptValue>> rows(List<List<SweptValue>> columns) {
        List<List<SweptValue>> points = new ArrayList<>();
        for (int i = 0; i < columns.get(0).size(); i++) {
            int row = i;
            points.add(columns.stream().map(column -> column.get(row)).toList());
        }
        return points;
    }
}
