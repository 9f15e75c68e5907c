package org.vaelab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.track.RunStatus;

/** The run record's file: written and read as the same record, older formats opened, newer ones refused. */
class RunRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aWrittenRecordReadsBackEqualWithEveryFieldUnderItsName() throws IOException {
        RunRecord record = new RunRecord(RunRecord.FORMAT, "configs/quickstart.yaml", "/work/configs", "ab12", 42,
                "2026-12-07T10:00:00Z", "0.1.0", "1.0.0-M2.1", null, "CpuBackend", "FLOAT",
                Map.of("cores", "2"), Map.of("OMP_NUM_THREADS", "1"), 2, "OpenJDK 17", "Linux", "compiled",
                "closed_form", null, null, null, null, null).running("id-1").ended(RunStatus.FAILED,
                Instant.parse("2026-12-07T10:01:30Z"), "diverged");
        RunDirectory directory = RunDirectory.open(folder);
        record.write(directory);

        assertEquals(record, RunRecord.read(folder));
        JsonNode json = JSON.readTree(folder.resolve(RunDirectory.PROVENANCE).toFile());
        assertEquals(RunRecord.FORMAT, json.path("format").asInt());
        assertEquals("FAILED", json.path("status").asText());
        assertEquals("diverged", json.path("failure").asText());
        assertEquals("id-1", json.path("run_id").asText());
        assertEquals("1", json.path("threads").path("OMP_NUM_THREADS").asText());
        assertFalse(json.has("git_commit"), "an absent commit is left out, not written as null");
        assertEquals(Duration.ofSeconds(90), RunRecord.read(folder).duration().orElseThrow());
    }

    @Test
    void aRecordWrittenBeforeFormatsWereNumberedOpensAsFormatOne() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("provenance-unnumbered.json")) {
            Files.write(folder.resolve(RunDirectory.PROVENANCE), in.readAllBytes());
        }
        RunRecord record = RunRecord.read(folder);

        assertEquals(1, record.format());
        assertTrue(record.finished());
        assertEquals("configs/quickstart.yaml", record.specSource());
        assertEquals(42, record.seed());
        assertEquals("1", record.threads().get("OMP_NUM_THREADS"));
        assertTrue(record.duration().orElseThrow().toMillis() > 0);
    }

    @Test
    void aRecordOfANewerFormatIsRefusedInOneLineNamingTheVersionThatWroteIt() throws IOException {
        ObjectNode newer = JSON.createObjectNode().put("format", RunRecord.FORMAT + 1).put("vaelab_version", "9.0.0")
                .put("status", "FINISHED");
        JSON.writeValue(folder.resolve(RunDirectory.PROVENANCE).toFile(), newer);

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> RunRecord.read(folder));

        assertTrue(refused.getMessage().contains("format " + (RunRecord.FORMAT + 1)), refused.getMessage());
        assertTrue(refused.getMessage().contains("VAELab 9.0.0"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
    }

    @Test
    void aFileThatIsNotARecordIsRefusedNamingIt() throws IOException {
        Files.writeString(folder.resolve(RunDirectory.PROVENANCE), "{\"status\": \"DONE\"");

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> RunRecord.read(folder));

        assertTrue(refused.getMessage().startsWith(folder.resolve(RunDirectory.PROVENANCE) + " is not a run record"),
                refused.getMessage());
    }

    @Test
    void aFolderWithoutARecordIsNotARunDirectory() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> RunRecord.read(folder));

        assertTrue(refused.getMessage().contains("has no " + RunDirectory.PROVENANCE), refused.getMessage());
    }
}
