package org.vaelab.testkit.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.spec.Component;
import org.vaelab.core.spec.Problem;
import org.vaelab.core.spec.Problems;
import org.vaelab.core.spec.RecordBinder;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.YamlTreeReader;
import org.vaelab.spi.Family;
import org.vaelab.spi.VaePlugin;

/**
 * The plugins on a test's class path (and no installed plugin jars), binding component blocks as a
 * spec's are bound: from YAML through the framework's binder, every problem collected.
 */
final class ClassPathComponents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ComponentCatalog catalog;

    ClassPathComponents(ClassLoader classLoader) {
        this.catalog = PluginLoader.of(ServiceLoader.load(VaePlugin.class, classLoader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    ComponentCatalog catalog() {
        return catalog;
    }

    /** The block {@code {type: TYPE, ...options}} as YAML (JSON is YAML). */
    static String block(String type, Map<String, ?> options) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", type);
        block.putAll(options);
        try {
            return JSON.writeValueAsString(block);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("options that are not YAML values: " + options, e);
        }
    }

    /** The problems of binding {@code yaml} as a block of {@code family} at the spec path {@code family.name()}. */
    List<Problem> problems(Family<?> family, String yaml) {
        Problems problems = new Problems();
        bind(family, yaml, problems);
        return problems.list();
    }

    /**
     * The component {@code yaml} describes, made by its factory.
     *
     * @throws AssertionError naming every problem when the block does not bind
     */
    <T> T create(Family<T> family, String yaml) {
        Problems problems = new Problems();
        Component<T> component = bind(family, yaml, problems)
                .orElseThrow(() -> new AssertionError(yaml + " does not bind: " + problems.list().stream()
                        .map(Problem::format).toList()));
        return catalog.create(family, component);
    }

    private <T> Optional<Component<T>> bind(Family<T> family, String yaml, Problems problems) {
        SpecNode node = new YamlTreeReader(problems, null).read(yaml).orElseThrow(() -> new AssertionError(
                "not YAML: " + yaml + " " + problems.list()));
        return new RecordBinder(catalog, problems).bindComponent(family, node, family.name());
    }
}
