package org.vaelab.core.study;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.core.spec.Interpolation;
import org.vaelab.core.spec.Location;
import org.vaelab.core.spec.Problems;
import org.vaelab.core.spec.RecordBinder;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;
import org.vaelab.core.spec.YamlFile;
import org.vaelab.core.spec.YamlTreeReader;

/**
 * Reads a study file, or a command-line study, into a {@link StudyDefinition}. A study file is read
 * as a spec file is (the same size limit, UTF-8 check, YAML reader and {@code ${VAR}} interpolation)
 * and its keys are bound to {@link StudyFile} by the spec's {@link RecordBinder}, so every problem
 * is reported as a spec's are, with its place in the file:
 * <pre>
 * name: beta-latent          # optional; defaults to the file's name
 * base: ../configs/fashion-mlp-bernoulli.yaml   # relative to the study file
 * set: {train.epochs: 3}     # applied to every trial
 * grid: {kl.beta: [0.5, 1, 2], model.latent_dim: [2, 10]}   # Cartesian product
 * zip: [{optimizer.lr: [1.0e-3, 3.0e-4], train.batch_size: [128, 32]}]  # values that move together
 * space:                     # keys drawn by a search, one more axis after the zip groups
 *   optimizer.lr: {log_uniform: [1.0e-4, 1.0e-2]}
 *   likelihood: {choice: [{type: bernoulli}, {type: laplace, scale: {uniform: [0.05, 0.5]}}]}
 * search: {type: sobol, trials: 16, seed: 1}   # or random, or tpe (with startup_trials, candidates, gamma, batch)
 * seeds: [1, 2]              # one more axis, the fastest
 * max_runs: 24               # a guard; default 100
 * pruning: {type: successive_halving, metric: val/elbo, min_epochs: 1, eta: 3}   # stops trials behind
 * </pre>
 */
public final class StudyReader {

    private static final YamlFile STUDY_FILE = new YamlFile("study", "studies", "base and grid, zip, seeds or search");
    /** A study names no components: its keys are plain values and YAML kept as written. */
    private static final ComponentCatalog NO_COMPONENTS = new ComponentCatalog(Map.of());
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[^A-Za-z0-9._-]+");
    /** Where a study's name comes from when the file does not write one. */
    private static final Location FILE_NAME = new Location(0, 0, "the study file's name");
    private static final String NAME = "name";
    private static final String BASE = "base";
    private static final String GRID = "grid";
    private static final String ZIP = "zip";
    private static final String SEEDS = "seeds";
    private static final String SEARCH = "search";
    private static final String MAX_RUNS = "max_runs";
    private static final String PRUNING = "pruning";

    private final UnaryOperator<String> environment;

    /** @param environment looks up environment variables for {@code ${VAR}} in the study file */
    public StudyReader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Reads the study file {@code file}. */
    public StudyDefinition read(Path file) {
        String source = file.toString();
        Problems problems = new Problems();
        String text = STUDY_FILE.read(file, problems);
        problems.throwIfAny(source);
        Optional<SpecNode> tree = STUDY_FILE.parse(text, problems);
        problems.throwIfAny(source);
        SpecNode root = withDefaults(new Interpolation(environment, problems).apply(tree.orElseThrow(), ""), file);
        RecordBinder binder = new RecordBinder(NO_COMPONENTS, problems);
        StudyFile keys = binder.bindRecord(StudyFile.class, root, "", "the study")
                .orElseThrow(() -> new SpecException(source, problems.list()));
        MapNode map = (MapNode) root;
        Path base = base(keys.base(), map.entries().get(BASE).value().location(), file, problems);
        Map<String, Location> fixedLocations = new LinkedHashMap<>();
        List<String> fixed = new ArrayList<>();
        keys.set().entries().forEach((key, entry) -> {
            String assignment = key + "=" + SweptValue.of(entry.value()).yaml();
            fixed.add(assignment);
            fixedLocations.put(assignment, entry.value().location());
        });
        StudyAxes axes = new StudyAxes(binder, problems);
        axes.grid(keys.grid());
        axes.zip(keys.zip());
        if (keys.search() != null || !keys.space().entries().isEmpty()) {
            MapNode.Entry search = map.entries().get(SEARCH);
            axes.search(keys.search(), keys.space(), search == null ? map.location() : search.keyLocation());
            ModelSearch.checkKeys(keys.search(), search == null ? null : search.value(), problems);
        }
        if (keys.seeds() != null) {
            axes.seeds(map.entries().get(SEEDS));
        }
        if (axes.axes().isEmpty() && problems.isEmpty()) {
            problems.add(ErrorId.STUDY_NOTHING_SWEPT, "", map.location(),
                    "a study sweeps at least one key: add grid, zip, seeds, or a search with its space");
        }
        problems.throwIfAny(source);
        MapNode.Entry pruning = map.entries().get(PRUNING);
        return new StudyDefinition(keys.name(), source, base, fixed, fixedLocations, axes.axes(), keys.maxRuns(),
                maxRunsLocation(map), axes.modelSearch(), keys.pruning(),
                pruning == null ? null : pruning.keyLocation());
    }

    /**
     * A study from the command line: {@code base} swept over {@code parameters}, each
     * {@code KEY=V1,V2,...} (values read as YAML; commas inside brackets or braces belong to the value).
     */
    public StudyDefinition commandLine(Path base, List<String> parameters, int maxRuns) {
        Problems problems = new Problems();
        StudyAxes axes = new StudyAxes(new RecordBinder(NO_COMPONENTS, problems), problems);
        for (String parameter : parameters) {
            Location at = new Location(0, 0, "-p " + parameter);
            int equals = parameter.indexOf('=');
            if (equals <= 0 || equals == parameter.length() - 1) {
                problems.add(ErrorId.STUDY_BAD_PARAMETER, "", at, "expected KEY=V1,V2,... such as kl.beta=0.5,1,2");
                continue;
            }
            String key = parameter.substring(0, equals).strip();
            List<SweptValue> values = new ArrayList<>();
            for (String item : ValueList.split(parameter.substring(equals + 1))) {
                new YamlTreeReader(problems, at).read(item).ifPresent(node -> values.add(SweptValue.of(node)));
            }
            axes.add(Axis.of(key, at, values));
        }
        String source = base.toString();
        problems.throwIfAny(source);
        String name = nameOf(base) + "-sweep";
        Location maxRunsAt = new Location(0, 0, "--max-runs " + maxRuns);
        return new StudyDefinition(name, source, base, List.of(), Map.of(), axes.axes(), maxRuns, maxRunsAt, null,
                null, null);
    }

    /**
     * The study's tree as bound: its name the file's when it writes none, and a lone zip group
     * ({@code zip: {a: [..], b: [..]}}) a list of one.
     */
    private static SpecNode withDefaults(SpecNode root, Path file) {
        if (!(root instanceof MapNode map)) {
            return root;
        }
        MapNode named = map.entries().containsKey(NAME) ? map
                : map.with(NAME, FILE_NAME, new ScalarNode(FILE_NAME, nameOf(file), ScalarNode.Kind.STRING));
        MapNode.Entry zip = named.entries().get(ZIP);
        if (zip != null && zip.value() instanceof MapNode group) {
            return named.with(ZIP, zip.keyLocation(), new ListNode(group.location(), List.of(group)));
        }
        return named;
    }

    /** The base spec, {@code written} relative to the study file's folder; reported when it is no file. */
    private static Path base(String written, Location at, Path file, Problems problems) {
        Path folder = file.toAbsolutePath().getParent();
        Path base;
        try {
            base = folder.resolve(written).normalize();
        } catch (InvalidPathException e) {
            problems.add(ErrorId.STUDY_BASE_NOT_FOUND, BASE, at, "'" + written + "' is not a path (" + e.getReason()
                    + ")");
            return folder;
        }
        if (!Files.isRegularFile(base)) {
            problems.add(ErrorId.STUDY_BASE_NOT_FOUND, BASE, at, "no spec file " + written + " (looked for " + base
                    + ")");
        }
        return base;
    }

    /** Where the limit on trials was written, else the grid's key, else the study's start. */
    private static Location maxRunsLocation(MapNode map) {
        if (map.entries().containsKey(MAX_RUNS)) {
            return map.entries().get(MAX_RUNS).value().location();
        }
        return map.entries().containsKey(GRID) ? map.entries().get(GRID).keyLocation() : map.location();
    }

    /** The name of {@code file} without its extension, each run of characters a name may not hold made '_'. */
    private static String nameOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return UNSAFE_IN_NAME.matcher(dot > 0 ? name.substring(0, dot) : name).replaceAll("_");
    }
}
