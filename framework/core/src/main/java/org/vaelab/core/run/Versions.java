package org.vaelab.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions this build of VAELab was made with, read from a resource Maven fills in. */
public record Versions(String vaelab, String nd4j) {

    /** The versions of the running build. */
    public static Versions current() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/org/vaelab/core/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Versions(properties.getProperty("vaelab", "unknown"), properties.getProperty("nd4j", "unknown"));
    }
}
