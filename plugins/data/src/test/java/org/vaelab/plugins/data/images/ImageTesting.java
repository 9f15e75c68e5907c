package org.vaelab.plugins.data.images;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.testkit.DocumentedDefaults;

/** Loads image folders as the registered {@code images} type does, from documented defaults and given options. */
final class ImageTesting {

    private ImageTesting() {
    }

    /** The documented defaults for {@code path}, with the given options (by record component name). */
    static ImagesConfig config(String path, Map<String, ?> options) throws ReflectiveOperationException {
        Map<String, Object> given = new HashMap<>(options);
        given.put("path", path);
        return DocumentedDefaults.of(ImagesConfig.class, given);
    }

    /** Loads {@code path} (relative to {@code base}) with the given options and seed 1. */
    static DataSplits load(Path base, String path, Map<String, ?> options)
            throws IOException, ReflectiveOperationException {
        return new ImagesDataset(config(path, options)).load(new LoadContext(base, 1));
    }
}
