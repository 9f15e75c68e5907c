package org.vaelab.plugins.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vaelab.testkit.PythonLibraries;

/**
 * The first {@link #TRAIN} training and {@link #TEST} test images of Debian's Fashion-MNIST,
 * written once per build by {@code scripts/fashion-mnist-files} (Pillow and h5py) into
 * {@code target/fashion-files}: PNG folders {@code png/train} and {@code png/test}, one subfolder
 * per label, and {@code fashion-mnist.h5}.
 */
public final class FashionFiles {

    /** Debian's Fashion-MNIST IDX files. */
    public static final Path IDX = Path.of("/usr/share/datasets/fashion-mnist");
    /** How many training images are written. */
    public static final int TRAIN = 300;
    /** How many test images are written. */
    public static final int TEST = 500;

    private static final Path FOLDER = Path.of("target", "fashion-files").toAbsolutePath();
    private static final Path SCRIPT = Path.of(System.getProperty("vaelab.root", "../.."), "scripts",
            "fashion-mnist-files");

    private FashionFiles() {
    }

    /** The folder, written on first use. */
    public static synchronized Path folder() throws IOException {
        Path done = FOLDER.resolve("written");
        if (!Files.exists(done)) {
            Files.createDirectories(FOLDER);
            PythonLibraries.run(FOLDER, Files.readString(SCRIPT), FOLDER.toString(), Integer.toString(TRAIN),
                    Integer.toString(TEST), IDX.toString());
            Files.createFile(done);
        }
        return FOLDER;
    }
}
