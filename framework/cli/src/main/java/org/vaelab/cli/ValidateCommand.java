package org.vaelab.cli;

import java.util.concurrent.Callable;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.spec.ResolvedSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vae validate SPEC}: checks a spec without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check a spec and print every problem; with --print, show it resolved with all defaults.",
        footerHeading = Examples.HEADING, footer = {"  vae validate configs/quickstart.yaml",
            "  vae validate configs/quickstart.yaml --set kl.beta=4 --print"},
        description = "Check a spec and print every problem; with --print, show it resolved with all defaults.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Mixin
    SpecOptions spec;

    @Option(names = "--print", description = "Print the resolved spec, a spec itself (the verdict as a comment).")
    boolean print;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        ResolvedSpec resolved = spec.load(PluginLoader.load(getClass().getClassLoader()));
        var out = command.commandLine().getOut();
        String verdict = spec.file + ": valid (sha256 " + resolved.sha256() + ")";
        if (print) {
            // a YAML comment, so that what --print writes is itself a spec: vae validate SPEC --print > resolved.yaml
            out.println("# " + verdict);
            out.print(resolved.yaml());
        } else {
            out.println(verdict);
        }
        out.flush();
        return 0;
    }
}
