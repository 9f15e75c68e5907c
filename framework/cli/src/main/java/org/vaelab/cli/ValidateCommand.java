package org.vaelab.cli;

import java.util.concurrent.Callable;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.spec.ResolvedSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vae validate SPEC}: checks a spec without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a spec and print every problem; with --print, show it resolved with all defaults.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Mixin
    SpecOptions spec;

    @Option(names = "--print", description = "Print the resolved spec.")
    boolean print;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        ResolvedSpec resolved = spec.load(PluginLoader.load(getClass().getClassLoader()));
        var out = command.commandLine().getOut();
        out.println(spec.file + ": valid (sha256 " + resolved.sha256() + ")");
        if (print) {
            out.print(resolved.yaml());
        }
        out.flush();
        return 0;
    }
}
