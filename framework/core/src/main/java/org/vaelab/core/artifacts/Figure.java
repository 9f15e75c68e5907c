package org.vaelab.core.artifacts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * One file of a run's figures: where it goes, relative to the run directory (such as
 * {@code images/samples.png}), and how its bytes are written to a given file.
 */
public record Figure(String path, Content content) {

    public Figure {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /** A PNG of {@code image}. */
    static Figure png(String path, BufferedImage image) {
        return new Figure(path, file -> {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Writes the figure's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }
}
