package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process at a time in a run directory: a {@code --resume} of a run still going (held, done
 * but for its end) is refused with one line naming the process that has it, and changes no file;
 * once that process is gone, even by SIGKILL, which lets it release nothing, the resume goes
 * ahead. A journal whose last line the kill cut short is repaired first, so the resumed run's
 * events start on lines of their own.
 */
class RunDirectoryLockTest {

    private static final String SPEC = TestSpecs.TINY_FASHION.replace("name: tiny", "name: locked")
            .replace("epochs: 1", "epochs: 2");
    private static final String CUT_EVENT = "{\"event\":\"metrics\",\"st";

    @TempDir
    Path work;

    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void aResumeOfALiveRunIsRefusedAndOneAfterItsProcessDiedRepairsTheJournalAndFinishes() throws Exception {
        Path spec = TestSpecs.write(work, "locked.yaml", SPEC);
        Path log = work.resolve("first.log");
        Process first = CommandLineRunner.process(log, List.of(), "run", spec.toString(), "--runs-dir",
                work.resolve("runs").toString()).start();
        started.add(first);
        Path run = RunProgress.awaitEpoch(work.resolve("runs/locked"), 1, first, log);
        Path end = RunProgress.holdBefore(run, "provenance.json");
        RunProgress.await(first, log, "its last picture", () -> Files.readString(run.resolve("journal.jsonl"))
                .contains("\"artifact_path\":\"images/training_curves.png\""));
        Map<String, String> before = files(run);

        Path secondLog = work.resolve("second.log");
        Process second = CommandLineRunner.process(secondLog, List.of(), "run", spec.toString(), "--resume",
                run.toString()).start();
        started.add(second);
        assertTrue(second.waitFor(120, TimeUnit.SECONDS), "a resume of a live run ends at once");
        String refusal = Files.readString(secondLog);
        assertEquals(2, second.exitValue(), refusal);
        assertTrue(refusal.contains("error: " + run + " is in use by another vae process (pid " + first.pid()
                + "); wait for it to end, or stop it, before resuming the run; nothing was run\n"), refusal);
        assertEquals(before, files(run), "the refused resume changed nothing");

        RunProgress.kill(first);
        Files.delete(end);
        Files.writeString(run.resolve("journal.jsonl"), CUT_EVENT, StandardOpenOption.APPEND);
        CommandLineRunner.Outcome resumed = CommandLineRunner.vae("run", spec.toString(), "--resume", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("warning: dropped a cut last line of journal.jsonl ("
                + CUT_EVENT.length() + " bytes)"), resumed.out());
        List<String> kinds = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("journal.jsonl"))) {
            JsonNode event = new ObjectMapper().readTree(line);
            kinds.add(event.path("event").asText() + (event.has("status") ? " " + event.path("status").asText() : ""));
        }
        assertEquals(2, kinds.stream().filter("start"::equals).count(), "a start of each process but the refused one: "
                + kinds);
        assertEquals("end FINISHED", kinds.get(kinds.size() - 1));
    }

    /** Every regular file of {@code run} by its path, as hex: the pipe holding the run is no regular file. */
    private static Map<String, String> files(Path run) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(run)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(run.relativize(file).toString(), HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        }
        return files;
    }
}
