package org.vaelab.core.plugin;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.jar.JarFile;
import org.vaelab.spi.SpiVersion;

/**
 * Where a plugin class was loaded from: its jar (or class folder) and, for a jar, the SPI version
 * its manifest names.
 *
 * @param location the jar or folder, when the class loader tells
 * @param spiVersion the manifest's {@value SpiVersion#MANIFEST_ATTRIBUTE}, when there is one
 */
record PluginOrigin(Optional<Path> location, Optional<String> spiVersion) {

    /** The origin of {@code type}. */
    static PluginOrigin of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return new PluginOrigin(Optional.empty(), Optional.empty());
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new PluginOrigin(Optional.empty(), Optional.empty());
        }
        Optional<String> version = Optional.empty();
        if (Files.isRegularFile(location)) {
            try (JarFile jar = new JarFile(location.toFile())) {
                version = Optional.ofNullable(jar.getManifest())
                        .map(manifest -> manifest.getMainAttributes().getValue(SpiVersion.MANIFEST_ATTRIBUTE));
            } catch (IOException e) {
                version = Optional.empty();
            }
        }
        return new PluginOrigin(Optional.of(location), version);
    }

    /** {@code from PATH (SPI x.y.z)}, or what of it is known. */
    String describe() {
        return "from " + location.map(Path::toString).orElse("an unknown location")
                + spiVersion.map(version -> " (SPI " + version + ")").orElse("");
    }
}
