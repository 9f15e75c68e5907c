package org.vaelab.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this SPI, in semantic versioning: a plugin built for the same major version
 * works with this VAELab; one built for another major version is refused when it is loaded. A
 * plugin jar names the version it was built for in its manifest, {@code VAELab-SPI-Version}.
 *
 * @param major changes that break plugins
 * @param minor additions that keep existing plugins working
 * @param patch fixes
 */
public record SpiVersion(int major, int minor, int patch) {

    /** The manifest attribute that names the SPI version a plugin jar was built for. */
    public static final String MANIFEST_ATTRIBUTE = "VAELab-SPI-Version";

    /** This SPI's version. */
    public static SpiVersion current() {
        try (InputStream in = SpiVersion.class.getResourceAsStream("spi-version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return parse(properties.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code major.minor.patch}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static SpiVersion parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not a version major.minor.patch");
        }
        try {
            return new SpiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a version major.minor.patch", e);
        }
    }

    /** Whether a plugin built for {@code pluginVersion} works with this version: the same major version. */
    public boolean accepts(SpiVersion pluginVersion) {
        return major == pluginVersion.major;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
