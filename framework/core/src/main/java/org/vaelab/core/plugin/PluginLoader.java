package org.vaelab.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Types;
import java.nio.file.Path;
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
 * Finds every {@link VaePlugin} on the class path with {@link ServiceLoader}, and in the plugin
 * jars installed beside it ({@link PluginJars}), and builds the one injector of the process. Two
 * plugins registering the same type name in a family fail here, with Guice's message naming both
 * modules and the jars they come from.
 */
public final class PluginLoader {

    private PluginLoader() {
    }

    /**
     * The catalog of every plugin visible to {@code classLoader} and of the plugin jars named by
     * {@code VAELAB_PLUGIN_PATH} (or in {@code ~/.vaelab/plugins}).
     */
    public static ComponentCatalog load(ClassLoader classLoader) {
        List<Module> modules = new ArrayList<>();
        modules.add(new FamiliesModule());
        ServiceLoader.load(VaePlugin.class, classLoader).forEach(modules::add);
        modules.addAll(PluginJars.load(PluginJars.find(System.getenv(PluginJars.PATH_VARIABLE),
                Path.of(System.getProperty("user.home"))), classLoader));
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
            StringBuilder message = new StringBuilder("plugins could not be loaded: ").append(e.getMessage());
            for (Module module : modules) {
                if (e.getMessage().contains(module.getClass().getName())) {
                    message.append(System.lineSeparator()).append(module.getClass().getName()).append(' ')
                            .append(PluginOrigin.of(module.getClass()).describe());
                }
            }
            throw new PluginException(message.toString(), e);
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
