package org.vaelab.core.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.vaelab.core.spec.Interpolation;
import org.vaelab.core.spec.Location;
import org.vaelab.core.spec.Names;
import org.vaelab.core.spec.Problems;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;
import org.vaelab.core.spec.YamlTreeReader;

/**
 * Reads a study file, or a command-line study, into a {@link StudyDefinition}, reporting every
 * problem with its place in the file, in the same format as a spec's problems:
 * <pre>
 * name: beta-latent          # optional; defaults to the file's name
 * base: ../configs/fashion-mlp-bernoulli.yaml   # relative to the study file
 * set: {train.epochs: 3}     # applied to every trial
 * grid: {kl.beta: [0.5, 1, 2], model.latent_dim: [2, 10]}   # Cartesian product
 * zip: [{optimizer.lr: [1.0e-3, 3.0e-4], train.batch_size: [128, 32]}]  # values that move together
 * seeds: [1, 2]              # one more axis, the fastest
 * max_runs: 24               # a guard; default 100
 * </pre>
 */
public final class StudyReader {

    private static final List<String> KEYS = List.of("name", "description", "base", "set", "grid", "zip", "seeds",
            "max_runs");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final String SEED = "seed";

    private final UnaryOperator<String> environment;

    /** @param environment looks up environment variables for {@code ${VAR}} in the study file */
    public StudyReader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Reads the study file {@code file}. */
    public StudyDefinition read(Path file) {
        String source = file.toString();
        Problems problems = new Problems();
        String text = "";
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("study/Unreadable", "", Location.at(1, 1), "cannot read the study file: " + e);
        }
        problems.throwIfAny(source);
        Optional<SpecNode> tree = new YamlTreeReader(problems, null).read(text);
        problems.throwIfAny(source);
        SpecNode root = new Interpolation(environment, problems).apply(tree.orElseThrow(), "");
        if (!(root instanceof MapNode)) {
            problems.add("study/NotAMapping", "", root.location(), "a study is a mapping with base and grid, zip or seeds;"
                    + " found " + root.describe());
            problems.throwIfAny(source);
        }
        StudyDefinition study = definition((MapNode) root, file, source, text, problems);
        problems.throwIfAny(source);
        return study;
    }

    /**
     * A study from the command line: {@code base} swept over {@code parameters}, each
     * {@code KEY=V1,V2,...} (values read as YAML; commas inside brackets or braces belong to the value).
     */
    public StudyDefinition commandLine(Path base, List<String> parameters, int maxRuns) {
        Problems problems = new Problems();
        List<Axis> axes = new ArrayList<>();
        StringBuilder grid = new StringBuilder();
        for (String parameter : parameters) {
            Location at = new Location(0, 0, "-p " + parameter);
            int equals = parameter.indexOf('=');
            if (equals <= 0 || equals == parameter.length() - 1) {
                problems.add("study/BadParameter", "", at, "expected KEY=V1,V2,... such as kl.beta=0.5,1,2");
                continue;
            }
            String key = parameter.substring(0, equals).strip();
            List<SweptValue> values = new ArrayList<>();
            for (String item : ValueList.split(parameter.substring(equals + 1))) {
                new YamlTreeReader(problems, at).read(item).ifPresent(node -> values.add(SweptValue.of(node)));
            }
            axes.add(Axis.of(key, at, values));
            grid.append("  ").append(key).append(": ")
                    .append(values.stream().map(SweptValue::yaml).toList().toString()).append('\n');
        }
        checkDistinct(axes, problems);
        String source = base.toString();
        problems.throwIfAny(source);
        String name = UNSAFE_IN_NAME.matcher(stem(base)).replaceAll("_") + "-sweep";
        String text = "name: " + name + "\nbase: " + base.toAbsolutePath().normalize() + "\ngrid:\n" + grid
                + "max_runs: " + maxRuns + "\n";
        Location maxRunsAt = new Location(0, 0, "--max-runs " + maxRuns);
        return new StudyDefinition(name, source, text, base, List.of(), Map.of(), axes, maxRuns, maxRunsAt);
    }

    private StudyDefinition definition(MapNode map, Path file, String source, String text, Problems problems) {
        for (Map.Entry<String, MapNode.Entry> entry : map.entries().entrySet()) {
            if (!KEYS.contains(entry.getKey())) {
                problems.add("study/UnknownKey", entry.getKey(), entry.getValue().keyLocation(), "unknown key of a study."
                        + Names.didYouMean(entry.getKey(), KEYS) + " Known: " + String.join(", ", KEYS));
            }
        }
        String name = text(map, "name", problems).orElse(UNSAFE_IN_NAME.matcher(stem(file)).replaceAll("_"));
        if (!SAFE_NAME.matcher(name).matches()) {
            Location at = map.entries().containsKey("name") ? map.entries().get("name").value().location() : map.location();
            problems.add("study/BadValue", "name", at, "must be 1 to 100 letters,"
                    + " digits, '.', '_' or '-', starting with a letter or digit (it names a folder), found '" + name + "'");
        }
        Path base = base(map, file, problems);
        Map<String, Location> fixedLocations = new LinkedHashMap<>();
        List<String> fixed = new ArrayList<>();
        mapping(map, "set", problems).ifPresent(set -> set.entries().forEach((key, entry) -> {
            String assignment = key + "=" + SweptValue.of(entry.value()).yaml();
            fixed.add(assignment);
            fixedLocations.put(assignment, entry.value().location());
        }));
        List<Axis> axes = new ArrayList<>();
        mapping(map, "grid", problems).ifPresent(grid -> grid.entries().forEach((key, entry) ->
                values(entry.value(), "grid." + key, problems).ifPresent(values -> axes.add(
                        Axis.of(key, entry.keyLocation(), values)))));
        zips(map, problems, axes);
        seeds(map, problems).ifPresent(axes::add);
        checkDistinct(axes, problems);
        if (axes.isEmpty() && problems.isEmpty()) {
            problems.add("study/NothingSwept", "", map.location(), "a study sweeps at least one key: add grid, zip or seeds");
        }
        int maxRuns = StudyDefinition.DEFAULT_MAX_RUNS;
        Location maxRunsAt = map.entries().containsKey("grid") ? map.entries().get("grid").keyLocation() : map.location();
        MapNode.Entry limit = map.entries().get("max_runs");
        if (limit != null) {
            maxRunsAt = limit.value().location();
            if (limit.value() instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.INTEGER
                    && scalar.text().matches("\\d{1,9}") && Integer.parseInt(scalar.text()) >= 1) {
                maxRuns = Integer.parseInt(scalar.text());
            } else {
                problems.add("study/BadValue", "max_runs", maxRunsAt, "must be a whole number >= 1, found "
                        + limit.value().describe());
            }
        }
        return new StudyDefinition(name, source, text, base, fixed, fixedLocations, axes, maxRuns, maxRunsAt);
    }

    private static Path base(MapNode map, Path file, Problems problems) {
        MapNode.Entry entry = map.entries().get("base");
        if (entry == null) {
            problems.add("study/MissingKey", "base", map.location(), "a study names its base spec: base: ../configs/NAME.yaml"
                    + " (relative to the study file)");
            return null;
        }
        Optional<String> text = text(map, "base", problems);
        if (text.isEmpty()) {
            return null;
        }
        Path folder = file.toAbsolutePath().getParent();
        Path base = folder.resolve(text.get()).normalize();
        if (!Files.isRegularFile(base)) {
            problems.add("study/BaseNotFound", "base", entry.value().location(), "no spec file " + text.get()
                    + " (looked for " + base + ")");
        }
        return base;
    }

    private static Optional<String> text(MapNode map, String key, Problems problems) {
        MapNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.value() instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.STRING && !scalar.text().isBlank()) {
            return Optional.of(scalar.text());
        }
        problems.add("study/BadValue", key, entry.value().location(), "must be a text, found " + entry.value().describe());
        return Optional.empty();
    }

    private static Optional<MapNode> mapping(MapNode map, String key, Problems problems) {
        MapNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.value() instanceof MapNode child) {
            return Optional.of(child);
        }
        problems.add("study/BadValue", key, entry.value().location(), "must be a mapping of dotted keys, such as"
                + " {kl.beta: [1, 4]}, found " + entry.value().describe());
        return Optional.empty();
    }

    /** A non-empty list of values. */
    private static Optional<List<SweptValue>> values(SpecNode node, String path, Problems problems) {
        if (node instanceof ListNode list && !list.items().isEmpty()) {
            return Optional.of(list.items().stream().map(SweptValue::of).toList());
        }
        problems.add("study/BadValue", path, node.location(), "must be a non-empty list of values, such as [1, 4],"
                + " found " + node.describe());
        return Optional.empty();
    }

    private static void zips(MapNode map, Problems problems, List<Axis> axes) {
        MapNode.Entry entry = map.entries().get("zip");
        if (entry == null) {
            return;
        }
        List<SpecNode> groups = entry.value() instanceof ListNode list ? list.items() : List.of(entry.value());
        for (int g = 0; g < groups.size(); g++) {
            if (!(groups.get(g) instanceof MapNode group) || group.entries().isEmpty()) {
                problems.add("study/BadValue", "zip." + g, groups.get(g).location(), "must be a mapping of keys to lists"
                        + " of equal length, such as {kl.beta: [1, 4], seed: [1, 2]}, found " + groups.get(g).describe());
                continue;
            }
            List<String> keys = new ArrayList<>();
            List<Location> locations = new ArrayList<>();
            List<List<SweptValue>> columns = new ArrayList<>();
            for (Map.Entry<String, MapNode.Entry> column : group.entries().entrySet()) {
                String path = "zip." + g + "." + column.getKey();
                Optional<List<SweptValue>> values = values(column.getValue().value(), path, problems);
                if (values.isEmpty()) {
                    continue;
                }
                if (!columns.isEmpty() && values.get().size() != columns.get(0).size()) {
                    problems.add("study/BadValue", path, column.getValue().value().location(), "zipped keys move together,"
                            + " so their lists must be of equal length: " + values.get().size() + " values here, "
                            + columns.get(0).size() + " for " + keys.get(0));
                    continue;
                }
                keys.add(column.getKey());
                locations.add(column.getValue().keyLocation());
                columns.add(values.get());
            }
            if (!columns.isEmpty()) {
                List<List<SweptValue>> points = new ArrayList<>();
                for (int i = 0; i < columns.get(0).size(); i++) {
                    int row = i;
                    points.add(columns.stream().map(column -> column.get(row)).toList());
                }
                axes.add(new Axis(keys, locations, points));
            }
        }
    }

    private static Optional<Axis> seeds(MapNode map, Problems problems) {
        MapNode.Entry entry = map.entries().get("seeds");
        if (entry == null) {
            return Optional.empty();
        }
        Optional<List<SweptValue>> values = values(entry.value(), "seeds", problems);
        for (SweptValue value : values.orElse(List.of())) {
            if (!(value.node() instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.INTEGER
                    && !scalar.text().startsWith("-"))) {
                problems.add("study/BadValue", "seeds", value.location(), "seeds are whole numbers >= 0, found "
                        + value.node().describe());
                return Optional.empty();
            }
        }
        return values.map(list -> Axis.of(SEED, entry.keyLocation(), list));
    }

    private static void checkDistinct(List<Axis> axes, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (Axis axis : axes) {
            for (int i = 0; i < axis.keys().size(); i++) {
                if (!seen.add(axis.keys().get(i))) {
                    problems.add("study/DuplicateKey", axis.keys().get(i), axis.keyLocations().get(i),
                            "swept twice; give each key its values in one place");
                }
            }
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
