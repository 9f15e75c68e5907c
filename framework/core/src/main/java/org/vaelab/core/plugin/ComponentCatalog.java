package org.vaelab.core.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vaelab.core.spec.Component;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Family;

/** Every registered component factory, by family and type name. */
public final class ComponentCatalog {

    private final Map<Family<?>, SortedMap<String, ComponentFactory<?, ?>>> factories;

    /** @param factories the registry of each family; families missing here have no types */
    public ComponentCatalog(Map<Family<?>, Map<String, ComponentFactory<?, ?>>> factories) {
        Map<Family<?>, SortedMap<String, ComponentFactory<?, ?>>> copy = new LinkedHashMap<>();
        for (Family<?> family : Family.ALL) {
            copy.put(family, new TreeMap<>(factories.getOrDefault(family, Map.of())));
        }
        this.factories = copy;
    }

    /** The factories of {@code family}, sorted by type name. */
    public SortedMap<String, ComponentFactory<?, ?>> factories(Family<?> family) {
        return Collections.unmodifiableSortedMap(factories.get(family));
    }

    /** The factory registered as {@code type} in {@code family}. */
    public Optional<ComponentFactory<?, ?>> factory(Family<?> family, String type) {
        return Optional.ofNullable(factories.get(family).get(type));
    }

    /** Makes the component a spec describes. */
    public <T> T create(Family<T> family, Component<T> component) {
        ComponentFactory<?, ?> factory = factory(family, component.type())
                .orElseThrow(() -> new IllegalStateException("no " + family + " '" + component.type()
                        + "' registered"));
        return family.productType().cast(createUnchecked(factory, component.config()));
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> Object createUnchecked(ComponentFactory<C, ?> factory, Record config) {
        return factory.create(factory.configType().cast(config));
    }
}
