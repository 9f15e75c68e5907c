package org.vaelab.core.plugin;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.spi.SpiVersion;
import org.vaelab.spi.VaePlugin;

/**
 * Plugin jars installed outside the class path, loaded without rebuilding VAELab: each entry of
 * {@code VAELAB_PLUGIN_PATH} (a jar, or a folder whose {@code *.jar} files are plugins; entries
 * separated by the platform's path separator), or, when it is unset, the jars in
 * {@code ~/.vaelab/plugins}. Each jar gets its own class loader over the class path's, must name
 * the SPI version it was built for in its manifest ({@value SpiVersion#MANIFEST_ATTRIBUTE}), and is
 * refused when that version's major differs from this VAELab's.
 */
final class PluginJars {

    static final String PATH_VARIABLE = "VAELAB_PLUGIN_PATH";

    private PluginJars() {
    }

    /**
     * The plugin jars named by {@code pluginPath} (the variable's value, null when unset), else those in {@code home}'s
     * {@code .vaelab/plugins}.
     */
    static List<Path> find(String pluginPath, Path home) {
        List<Path> entries = new ArrayList<>();
        if (pluginPath == null || pluginPath.isBlank()) {
            entries.add(home.resolve(".vaelab").resolve("plugins"));
        } else {
            for (String entry : pluginPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry));
                }
            }
        }
        List<Path> jars = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.list(entry)) {
                    files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(entry)) {
                jars.add(entry);
            } else if (pluginPath != null && !pluginPath.isBlank()) {
                throw new PluginException(ErrorId.PLUGIN_UNUSABLE_JAR, PATH_VARIABLE + " names " + entry
                        + ", which is neither a jar nor a folder");
            }
        }
        return jars;
    }

    /** The plugins each jar declares in {@code META-INF/services/org.vaelab.spi.VaePlugin}. */
    static List<VaePlugin> load(List<Path> jars, ClassLoader parent) {
        List<VaePlugin> plugins = new ArrayList<>();
        SpiVersion current = SpiVersion.current();
        for (Path jar : jars) {
            SpiVersion built = builtFor(jar);
            if (!current.accepts(built)) {
                throw new PluginException(ErrorId.PLUGIN_UNUSABLE_JAR, "plugin " + jar + " was built for VAELab SPI "
                        + built
                        + "; this VAELab has SPI " + current + " and loads plugins of major version " + current.major()
                        + " only: rebuild the plugin against vaelab-spi " + current + " or remove it");
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {url(jar)}, parent);
            int found = 0;
            for (ServiceLoader.Provider<VaePlugin> provider : ServiceLoader.load(VaePlugin.class, loader).stream()
                    .toList()) {
                if (provider.type().getClassLoader() == loader) {
                    plugins.add(provider.get());
                    found++;
                }
            }
            if (found == 0) {
                throw new PluginException(ErrorId.PLUGIN_UNUSABLE_JAR, "plugin " + jar
                        + " declares no plugin: list its VaePlugin classes in "
                        + "META-INF/services/" + VaePlugin.class.getName());
            }
        }
        return plugins;
    }

    /** The SPI version {@code jar}'s manifest names. */
    private static SpiVersion builtFor(Path jar) {
        String attribute;
        try (JarFile file = new JarFile(jar.toFile())) {
            attribute = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue(SpiVersion.MANIFEST_ATTRIBUTE);
        } catch (IOException e) {
            throw new PluginException(ErrorId.PLUGIN_UNUSABLE_JAR, "plugin " + jar + " is not a readable jar ("
                    + e.getMessage() + ")", e);
        }
        if (attribute == null) {
            throw new PluginException(ErrorId.PLUGIN_UNUSABLE_JAR, "plugin " + jar
                    + " does not say which VAELab SPI it was built for: its manifest needs "
                    + SpiVersion.MANIFEST_ATTRIBUTE + ": " + SpiVersion.current() + " (see docs/plugins.md)");
        }
        try {
            return SpiVersion.parse(attribute);
        } catch (IllegalArgumentException e) {
            throw new PluginException(ErrorId.PLUGIN_UNUSABLE_JAR, "plugin " + jar + ": manifest "
                    + SpiVersion.MANIFEST_ATTRIBUTE + ": "
                    + e.getMessage(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
