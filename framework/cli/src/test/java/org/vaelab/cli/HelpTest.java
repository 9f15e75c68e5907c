package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code vae --help} and each command's help say: a whole sentence for every command, examples,
 * a spec's blocks with the types registered for them; and a "did you mean" for a mistyped command,
 * option, block or type.
 */
class HelpTest {

    private static final List<String> COMMANDS = List.of("run", "sweep", "reproduce", "validate", "plugins", "sync",
            "eval", "sample", "encode", "score");

    @Test
    void everyCommandIsListedWithItsWholeSummary() {
        CommandLineRunner.Outcome help = CommandLineRunner.vae("--help");
        assertEquals(0, help.exitCode(), help.err());
        String joined = help.out().replaceAll("\\n {10,}", " ");
        for (String name : COMMANDS) {
            String header = Main.commandLine().getSubcommands().get(name).getCommandSpec().usageMessage().header()[0];
            assertTrue(header.endsWith("."), "a whole sentence: " + header);
            assertTrue(Pattern.compile("\\n  " + name + " +" + Pattern.quote(header) + "\\n").matcher(joined).find(),
                    name + "'s summary in full:\n" + help.out());
        }
    }

    @Test
    void theHelpListsTheSpecsBlocksWithTheirRegisteredTypes() {
        String help = CommandLineRunner.vae("--help").out().replaceAll("\\n {21,}", " ");
        assertTrue(help.contains("A spec's blocks (YAML keys; 'vae plugins KEY' lists a block's types and their "
                + "options):\n  name "), help);
        for (String block : List.of("data", "model.encoder", "model.decoder", "likelihood", "kl", "optimizer",
                "train", "eval", "tracking")) {
            assertTrue(Pattern.compile("\\n  " + Pattern.quote(block) + " +\\S").matcher(help).find(), block + help);
        }
        assertTrue(help.matches("(?s).*\\n  model\\.encoder +Network for q\\(z\\|x\\) "
                + "\\(a block with type: [^)]*\\bmlp\\b.*"), help);
        assertTrue(help.matches("(?s).*\\n  tracking +.*\\(a list of blocks, each with type: [^)]*\\bmlflow\\b.*"),
                help);
        assertTrue(help.matches("(?s).*\\n  seed +.*\\(integer\\)\\n.*"), help);
    }

    @Test
    void everyCommandsHelpEndsWithExamplesOfItself() {
        for (String name : COMMANDS) {
            CommandLineRunner.Outcome help = CommandLineRunner.vae(name, "--help");
            assertEquals(0, help.exitCode(), help.err());
            String examples = help.out().substring(help.out().indexOf("\nExamples"));
            assertTrue(examples.lines().skip(2).allMatch(line -> (line + " ").startsWith("  vae " + name + " ")),
                    name + ":\n" + help.out());
        }
    }

    @Test
    void aMistypedCommandOrOptionGetsTheClosestName() {
        CommandLineRunner.Outcome command = CommandLineRunner.vae("rnu", "configs/quickstart.yaml");
        assertEquals(Main.BAD_INPUT, command.exitCode());
        assertTrue(command.err().startsWith("error: unknown command 'rnu'. Did you mean 'run'? Commands: run, "),
                command.err());
        CommandLineRunner.Outcome option = CommandLineRunner.vae("run", "configs/quickstart.yaml", "--no-progres");
        assertEquals(Main.BAD_INPUT, option.exitCode());
        assertTrue(option.err().contains("Did you mean '--no-progress'?"), option.err());
    }

    @Test
    void pluginsShowsOneBlockOrOneTypeAndRefusesUnknownOnes() {
        CommandLineRunner.Outcome capacity = CommandLineRunner.vae("plugins", "kl", "capacity");
        assertEquals(0, capacity.exitCode(), capacity.err());
        assertEquals(List.of("kl", "  capacity"), capacity.out().lines().skip(1)
                .filter(line -> !line.startsWith("    ")).map(line -> line.replaceAll(":.*", "")).toList());
        CommandLineRunner.Outcome typo = CommandLineRunner.vae("plugins", "model.encodr");
        assertEquals(Main.BAD_INPUT, typo.exitCode());
        assertTrue(typo.err().startsWith("error: vae plugins model.encodr: no block of a spec has that name. Did you "
                + "mean 'model.encoder'?"), typo.err());
    }

    @Test
    void helpIsWrappedToTheTerminalsWidth() {
        assertTrue(Main.commandLine().isUsageHelpAutoWidth());
    }
}
