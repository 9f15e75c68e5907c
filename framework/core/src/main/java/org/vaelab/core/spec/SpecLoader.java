package org.vaelab.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.Dataset;

/**
 * Reads a spec file into a {@link ResolvedSpec}: YAML with locations, {@code --set} overrides,
 * {@code ${VAR:-default}} interpolation (of the file's values and the overrides' alike), binding
 * and validation. Every problem found on the way
 * is reported together in one {@link SpecException}; nothing is returned half-valid.
 */
public final class SpecLoader {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private static final String DATA_KEY = "data";

    private final ComponentCatalog catalog;
    private final UnaryOperator<String> environment;

    /**
     * @param catalog the registered components
     * @param environment looks up environment variables for interpolation ({@code System::getenv})
     */
    public SpecLoader(ComponentCatalog catalog, UnaryOperator<String> environment) {
        this.catalog = catalog;
        this.environment = environment;
    }

    /** Loads and validates {@code file} with the given {@code --set} assignments. */
    public ResolvedSpec load(Path file, List<String> overrides) {
        String source = file.toString();
        Problems problems = new Problems();
        String text = YamlFile.SPEC.read(file, problems);
        problems.throwIfAny(source);
        return parse(text, source, overrides);
    }

    /** Validates spec text; {@code source} names it in messages. */
    public ResolvedSpec parse(String text, String source, List<String> overrides) {
        Problems problems = new Problems();
        Optional<SpecNode> tree = YamlFile.SPEC.parse(text, problems);
        problems.throwIfAny(source);
        Interpolation interpolation = new Interpolation(environment, problems);
        SpecNode node = interpolation.apply(new Overrides(problems).apply(tree.orElseThrow(), overrides), "");
        Optional<ExperimentSpec> spec = new RecordBinder(catalog, problems)
                .bindRecord(ExperimentSpec.class, node, "", "the spec");
        problems.throwIfAny(source);
        return resolve(spec.orElseThrow(), node, interpolation.fromEnvironment(), SpecPlaces.of(source, node));
    }

    /**
     * Reads the {@code data:} block of a YAML file (a whole spec, or a file holding only that
     * block), with interpolation, checked like a spec's: the dataset another command should use.
     */
    public Component<Dataset> loadDataBlock(Path file) {
        String source = file.toString();
        Problems problems = new Problems();
        String text = YamlFile.SPEC.read(file, problems);
        problems.throwIfAny(source);
        Optional<SpecNode> tree = YamlFile.SPEC.parse(text, problems);
        problems.throwIfAny(source);
        Optional<Component<Dataset>> data = Optional.empty();
        if (tree.orElseThrow() instanceof SpecNode.MapNode map && map.entries().containsKey(DATA_KEY)) {
            SpecNode node = new Interpolation(environment, problems)
                    .apply(map.entries().get(DATA_KEY).value(), DATA_KEY);
            data = new RecordBinder(catalog, problems).bindComponent(Family.DATASET, node, DATA_KEY);
        } else {
            problems.add(ErrorId.SPEC_MISSING_KEY, DATA_KEY, tree.orElseThrow().location(),
                    "the file has no data block; write one such as data: {type: mnist, variant: fashion}");
        }
        problems.throwIfAny(source);
        return data.orElseThrow();
    }

    /**
     * The canonical form of a valid spec bound from {@code tree}: its {@link RecordedForm} as YAML;
     * hashed and flattened without its trackers.
     */
    private static ResolvedSpec resolve(ExperimentSpec spec, SpecNode tree, Map<SpecNode, String> fromEnvironment,
                                        SpecPlaces places) {
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = (Map<String, Object>) RecordedForm.of(ResolvedSpec.plain(spec), tree,
                fromEnvironment);
        Map<String, Object> identity = new LinkedHashMap<>(recorded);
        identity.put(ResolvedSpec.TRACKING_KEY, List.of());
        Map<String, Object> logged = new LinkedHashMap<>(recorded);
        logged.remove(ResolvedSpec.TRACKING_KEY);
        return new ResolvedSpec(spec, yaml(recorded), sha256(yaml(identity)), ResolvedSpec.flatten(logged), recorded,
                places);
    }

    private static String yaml(Map<String, Object> recorded) {
        try {
            return YAML.writeValueAsString(recorded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resolved spec is plain data", e);
        }
    }

    /** The SHA-256 of {@code text}'s UTF-8 bytes, as 64 hex digits. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
