package org.vaelab.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Seed inputs for the fuzz tests: the project's own YAML files, read from the repository. */
public final class FuzzSeeds {

    private static final Path ROOT = Path.of(System.getProperty("vaelab.root", "../.."));

    private FuzzSeeds() {
    }

    /** The bytes of every {@code .yaml} file under the given folders of the repository, sorted by path. */
    public static Stream<byte[]> yamlUnder(String... folders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
                walk.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no .yaml seed files under " + List.of(folders) + " in " + ROOT);
        }
        List<byte[]> seeds = new ArrayList<>();
        for (Path file : files) {
            seeds.add(Files.readAllBytes(file));
        }
        return seeds.stream();
    }
}
