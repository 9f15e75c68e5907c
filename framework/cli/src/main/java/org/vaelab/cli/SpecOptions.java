package org.vaelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.spec.SpecLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The spec file and its {@code --set} overrides, shared by the commands that read a spec. */
final class SpecOptions {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The experiment spec (YAML).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a spec value, such as --set kl.beta=4 or --set model.encoder.hidden=[512,256].")
    List<String> overrides = new ArrayList<>();

    ResolvedSpec load(ComponentCatalog catalog) {
        return new SpecLoader(catalog, System::getenv).load(file, overrides);
    }

    /** The folder relative paths in the spec are resolved against. */
    Path baseDirectory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
