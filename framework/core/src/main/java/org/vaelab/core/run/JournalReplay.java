package org.vaelab.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.spec.SpecLoader;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.track.DatasetInfo;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.Tracker;

/**
 * {@code vae sync RUN_DIR}: replays a run directory's {@code journal.jsonl} into the trackers its
 * resolved spec names, with the original timestamps, so a run made while a server was away reaches
 * it later. Replaying twice adds nothing: trackers find the run by its id and metric points keep
 * their timestamps. A journal without an end (the process was killed) ends with the status in
 * {@code provenance.json}, or FAILED if that still says RUNNING.
 */
public final class JournalReplay {

    private final ComponentCatalog catalog;
    private final UnaryOperator<String> environment;

    /**
     * @param catalog the installed plugins, which create the trackers
     * @param environment the variables the recorded spec refers to ({@code System::getenv})
     */
    public JournalReplay(ComponentCatalog catalog, UnaryOperator<String> environment) {
        this.catalog = catalog;
        this.environment = environment;
    }

    /** Replays {@code runDirectory}; returns how many events were replayed. */
    public int sync(Path runDirectory) throws IOException {
        Path specFile = runDirectory.resolve(ExperimentRunner.SPEC_FILE);
        List<JsonNode> events = read(runDirectory.resolve(Journal.FILE));
        ExperimentSpec spec;
        try {
            spec = new SpecLoader(catalog, environment).load(specFile, List.of()).spec();
        } catch (org.vaelab.core.spec.SpecException e) {
            throw new InvalidInputException(specFile + " is not a valid spec of this VAELab: " + e.getMessage(), e);
        }
        if (spec.tracking().isEmpty()) {
            throw new InvalidInputException(specFile + " names no trackers (tracking: []); nothing to sync");
        }
        List<Tracker> trackers = new ArrayList<>();
        spec.tracking().forEach(component -> trackers.add(catalog.create(Family.TRACKER, component)));
        TrackerGroup group = new TrackerGroup(trackers);
        boolean ended = false;
        for (JsonNode event : events) {
            switch (event.path("event").asText()) {
                case "start" -> group.start(runInfo(event, runDirectory));
                case "metrics" -> group.logMetrics(values(event.path("values")), event.path("step").asLong(),
                        event.path("epoch").asInt(), event.path("timestamp").asLong());
                case "artifact" -> group.logArtifact(runDirectory.resolve(event.path("file").asText()),
                        event.path("artifact_path").asText());
                case "end" -> {
                    group.end(RunStatus.valueOf(event.path("status").asText()));
                    ended = true;
                }
                default -> throw new InvalidInputException(runDirectory.resolve(Journal.FILE) + ": unknown event " + event);
            }
        }
        if (!ended) {
            group.end(statusFromProvenance(runDirectory));
        }
        return events.size();
    }

    private static List<JsonNode> read(Path journal) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(Journal.JSON.readTree(line));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new InvalidInputException(journal + " line " + number + ": not a journal event ("
                            + e.getOriginalMessage() + ")", e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(journal.getParent() + " is not a VAELab run directory: it has no "
                    + Journal.FILE, e);
        }
        if (events.isEmpty() || !"start".equals(events.get(0).path("event").asText())) {
            throw new InvalidInputException(journal + ": the journal does not begin with the run's start");
        }
        return events;
    }

    private static RunInfo runInfo(JsonNode start, Path runDirectory) {
        JsonNode dataset = start.path("dataset");
        return new RunInfo(start.path("run_id").asText(), start.path("experiment").asText(),
                start.path("run_name").asText(), runDirectory, start.path("start_ms").asLong(),
                strings(start.path("params")), strings(start.path("tags")),
                new DatasetInfo(dataset.path("name").asText(), dataset.path("digest").asText(), dataset.path("source").asText()));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Map<String, Double> values(JsonNode object) {
        Map<String, Double> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNumber()
                ? e.getValue().asDouble() : Double.parseDouble(e.getValue().asText())));
        return out;
    }

    private static RunStatus statusFromProvenance(Path runDirectory) throws IOException {
        JsonNode provenance = Journal.JSON.readTree(runDirectory.resolve(OpenRun.PROVENANCE_FILE).toFile());
        RunStatus status = RunStatus.valueOf(provenance.path("status").asText(RunStatus.FAILED.name()));
        return status == RunStatus.RUNNING ? RunStatus.FAILED : status;
    }
}
