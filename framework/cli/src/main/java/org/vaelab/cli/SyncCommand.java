package org.vaelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.run.JournalReplay;
import org.vaelab.spi.track.Delivery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vae sync RUN_DIR}: sends a run's journal to the trackers its spec names, and says per run
 * what arrived: a sync that reached no server fails (exit 1), since the run is not yet where the
 * user wants it, and repeating the sync later is how it gets there.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        header = "Send a run directory's journal to its trackers (MLflow), for runs made while they were away.",
        footerHeading = Examples.HEADING, footer = {"  vae sync runs/quickstart/RUN",
            "  vae sync runs/quickstart/*"},
        description = "Replay a run directory's journal into its trackers (MLflow), for runs made while the server was "
                + "away. Safe to repeat: nothing is logged twice. Exits 1 when some events did not arrive.")
final class SyncCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*",
            description = "Run directories, such as runs/quickstart/20261122-...")
    List<Path> runDirectories;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        JournalReplay replay = new JournalReplay(PluginLoader.load(getClass().getClassLoader()), System::getenv,
                err::println);
        int exit = 0;
        for (Path directory : runDirectories) {
            for (Delivery delivery : replay.sync(directory)) {
                if (delivery.complete()) {
                    out.println(directory + ": sent " + delivery.sent() + " of " + delivery.total() + " events to "
                            + delivery.destination());
                } else {
                    err.println(directory + ": not synced: " + delivery.destination() + ": " + delivery.problem() + " ("
                            + delivery.sent() + " of " + delivery.total() + " events sent); run vae sync again when the"
                            + " server is back");
                    exit = Main.RUN_FAILED;
                }
            }
        }
        return exit;
    }
}
