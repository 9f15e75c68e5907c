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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaelab.core.spec.ErrorId;
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

    /** Guice's report of two map bindings under one key. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate key \"([^\"]*)\"");

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
            throw conflict(e, modules);
        }
        Map<Family<?>, Map<String, ComponentFactory<?, ?>>> registries = new LinkedHashMap<>();
        for (Family<?> family : Family.ALL) {
            registries.put(family, registry(injector, family));
        }
        return new ComponentCatalog(registries);
    }

    /**
     * What Guice found, in VAELab's words: a type name that two plugins register in one family
     * ({@link ErrorId#PLUGIN_DUPLICATE_TYPE}, naming the family, the type and both plugins with
     * where each came from), or any other failure of a plugin's module ({@link ErrorId#PLUGIN_BROKEN}).
     * Guice's own report, which says at which line each binding was made, is kept as the cause.
     */
    private static PluginException conflict(CreationException e, List<Module> modules) {
        List<String> involved = modules.stream().filter(module -> e.getMessage().contains(module.getClass().getName()))
                .map(module -> module.getClass().getName() + " " + PluginOrigin.of(module.getClass()).describe())
                .distinct().toList();
        Matcher duplicate = DUPLICATE_KEY.matcher(e.getMessage());
        Family<?> family = duplicate.find() ? Family.ALL.stream()
                .filter(f -> e.getMessage().contains(f.productType().getName())).findFirst().orElse(null) : null;
        if (family != null) {
            return new PluginException(ErrorId.PLUGIN_DUPLICATE_TYPE, family.name() + " type '" + duplicate.group(1)
                    + "' is registered by more than one plugin: " + String.join("; ", involved)
                    + "; remove one of them or rename its type", e);
        }
        String modulesInvolved = involved.stream().map(module -> System.lineSeparator() + module)
                .reduce("", String::concat);
        return new PluginException(ErrorId.PLUGIN_BROKEN, "plugins could not be loaded: " + e.getMessage()
                + modulesInvolved, e);
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
