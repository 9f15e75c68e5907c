package org.vaelab.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Family;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/**
 * Finds every {@link VaePlugin} on the class path with {@link ServiceLoader} and builds the one
 * injector of the process. Two plugins registering the same type name in a family fail here,
 * with Guice's message naming both modules.
 */
public final class PluginLoader {

    private PluginLoader() {
    }

    /** The catalog of every plugin visible to {@code classLoader}. */
    public static ComponentCatalog load(ClassLoader classLoader) {
        List<Module> modules = new ArrayList<>();
        modules.add(new FamiliesModule());
        ServiceLoader.load(VaePlugin.class, classLoader).forEach(modules::add);
        return catalog(modules);
    }

    /** The catalog of exactly these plugins (for tests and embedding). */
    public static ComponentCatalog of(List<? extends VaePlugin> plugins) {
        List<Module> modules = new ArrayList<>();
        modules.add(new FamiliesModule());
        modules.addAll(plugins);
        return catalog(modules);
    }

    private static ComponentCatalog catalog(List<Module> modules) {
        Injector injector;
        try {
            injector = Guice.createInjector(Stage.PRODUCTION, modules);
        } catch (CreationException e) {
            throw new PluginException("plugins could not be loaded: " + e.getMessage(), e);
        }
        Map<Family<?>, Map<String, ComponentFactory<?, ?>>> registries = new LinkedHashMap<>();
        for (Family<?> family : Family.ALL) {
            registries.put(family, registry(injector, family));
        }
        return new ComponentCatalog(registries);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ComponentFactory<?, ?>> registry(Injector injector, Family<?> family) {
        Key<?> key = Key.get(Types.mapOf(String.class, family.factoryType().getType()));
        return (Map<String, ComponentFactory<?, ?>>) injector.getInstance(key);
    }

    /** Declares every family's registry, so families no plugin fills are empty rather than missing. */
    private static final class FamiliesModule extends AbstractModule {
        @Override
        protected void configure() {
            Family.ALL.forEach(family -> Registries.of(binder(), family));
        }
    }
}
