package org.vaelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.run.TrainedRun;
import picocli.CommandLine.Parameters;

/** The run directory the commands on a trained run open, shared by them. */
final class TrainedRunOptions {

    @Parameters(index = "0", paramLabel = "RUN_DIR",
            description = "A finished run's directory, such as runs/quickstart/20261122-...")
    Path directory;

    private ComponentCatalog catalog;

    /** The installed plugins, loaded once. */
    ComponentCatalog catalog() {
        if (catalog == null) {
            catalog = PluginLoader.load(getClass().getClassLoader());
        }
        return catalog;
    }

    /** The run, opened with the installed plugins. */
    TrainedRun open() throws IOException {
        return TrainedRun.open(directory, catalog(), System::getenv);
    }
}
