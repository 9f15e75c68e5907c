package org.vaelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.run.JournalReplay;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vae sync RUN_DIR}: sends a run's journal to the trackers its spec names. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Replay a run directory's journal into its trackers (MLflow), for runs made while the server was "
                + "away. Safe to repeat: nothing is logged twice.")
final class SyncCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run directories, such as runs/quickstart/20261122-...")
    java.util.List<Path> runDirectories;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        JournalReplay replay = new JournalReplay(PluginLoader.load(getClass().getClassLoader()), System::getenv);
        for (Path directory : runDirectories) {
            int events = replay.sync(directory);
            command.commandLine().getOut().println(directory + ": replayed " + events + " events");
        }
        return 0;
    }
}
