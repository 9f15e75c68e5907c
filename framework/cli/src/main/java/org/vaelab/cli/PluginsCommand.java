package org.vaelab.cli;

import java.util.concurrent.Callable;
import org.vaelab.core.plugin.CatalogDescription;
import org.vaelab.core.plugin.PluginLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vae plugins}: every registered component type, with its options. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every registered component type per family, with its options and defaults.")
final class PluginsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        out.print(CatalogDescription.describe(PluginLoader.load(getClass().getClassLoader())));
        out.flush();
        return 0;
    }
}
