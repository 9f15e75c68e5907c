package org.vaelab.plugins.data.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.testkit.DocumentedDefaults;

/** Shared helpers: configurations from documented defaults, and loading files a test writes. */
final class CsvTesting {

    /** The name of the file {@link #write} writes. */
    static final String FILE = "data.csv";

    private CsvTesting() {
    }

    /** The documented defaults for {@code path}, with the given options (by record component name). */
    static CsvConfig config(String path, Map<String, ?> options) throws ReflectiveOperationException {
        Map<String, Object> given = new HashMap<>(options);
        given.put("path", path);
        return DocumentedDefaults.of(CsvConfig.class, given);
    }

    /** Writes {@code content} as UTF-8 into {@link #FILE} in {@code folder}. */
    static Path write(Path folder, String content) throws IOException {
        return Files.write(folder.resolve(FILE), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Loads {@code path} (relative to {@code base}) with the given options. */
    static CsvData read(Path base, String path, Map<String, ?> options, long seed)
            throws IOException, ReflectiveOperationException {
        CsvDataset dataset = new CsvDataset(config(path, options));
        return dataset.read(new LoadContext(base, seed));
    }

    /** Writes {@code content} into {@code folder} and loads it with the given options and seed 1. */
    static CsvData read(Path folder, String content, Map<String, ?> options)
            throws IOException, ReflectiveOperationException {
        write(folder, content);
        return read(folder, FILE, options, 1);
    }
}
