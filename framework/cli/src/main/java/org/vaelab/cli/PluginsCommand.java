package org.vaelab.cli;

import java.util.concurrent.Callable;
import org.vaelab.core.plugin.CatalogDescription;
import org.vaelab.core.plugin.PluginLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vae plugins [BLOCK] [TYPE]}: the registered component types, with their options, wrapped to the terminal. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        header = "List the registered component types of each spec block, with their options and defaults.",
        description = "Each heading is the spec key a type is chosen under, such as model.encoder; options are "
                + "wrapped to the terminal's width (piped, each stays on one line for grep).",
        footerHeading = Examples.HEADING, footer = {"  vae plugins", "  vae plugins model.encoder",
            "  vae plugins kl capacity"})
final class PluginsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "BLOCK",
            description = "Only this block: its spec key (model.encoder) or its family's name (encoder).")
    String block;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TYPE", description = "Only this type of the block.")
    String type;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        int width = System.console() == null ? Integer.MAX_VALUE : command.usageMessage().width();
        out.print(CatalogDescription.describe(PluginLoader.load(getClass().getClassLoader()), width, block, type));
        out.flush();
        return 0;
    }
}
