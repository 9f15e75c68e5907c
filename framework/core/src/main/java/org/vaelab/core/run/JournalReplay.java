package org.vaelab.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.spec.SpecLoader;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.track.DatasetInfo;
import org.vaelab.spi.track.DatasetSplit;
import org.vaelab.spi.track.Delivery;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.Tracker;
import org.vaelab.spi.track.TrainedModel;

/**
 * {@code vae sync RUN_DIR}: replays a run directory's {@code journal.jsonl} into the trackers its
 * resolved spec names, with the original timestamps, so a run made while a server was away reaches
 * it later. Replaying twice adds nothing: trackers find the run by its id and metric points keep
 * their timestamps. A journal without an end (the process was killed) ends with the status in
 * {@code provenance.json}, or FAILED if that still says RUNNING. A last line that is not a whole
 * event was cut by a crash in the middle of an append: it is skipped with a warning, since nothing
 * after it can be missing; a bad line anywhere else means the journal was changed, and is refused.
 */
public final class JournalReplay {

    private final ComponentCatalog catalog;
    private final UnaryOperator<String> environment;
    private final Consumer<String> warnings;

    /**
     * @param catalog the installed plugins, which create the trackers
     * @param environment the variables the recorded spec refers to ({@code System::getenv})
     * @param warnings where a line about a journal that is read in part goes
     */
    public JournalReplay(ComponentCatalog catalog, UnaryOperator<String> environment, Consumer<String> warnings) {
        this.catalog = catalog;
        this.environment = environment;
        this.warnings = warnings;
    }

    /**
     * Replays {@code runDirectory}; returns what each tracker of its spec delivered, so a caller
     * can tell a replay that reached the server from one that reached nothing.
     */
    public List<Delivery> sync(Path runDirectory) throws IOException {
        Path specFile = runDirectory.resolve(RunDirectory.SPEC);
        List<JsonNode> events = read(runDirectory.resolve(RunDirectory.JOURNAL));
        ExperimentSpec spec;
        try {
            spec = new SpecLoader(catalog, environment).load(specFile, List.of()).spec();
        } catch (SpecException e) {
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
                case "image" -> group.logImage(runDirectory.resolve(event.path("file").asText()),
                        event.path("key").asText(), event.path("step").asLong(), event.path("timestamp").asLong());
                case "model" -> group.logModel(model(event, runDirectory));
                case "end" -> {
                    group.end(RunStatus.valueOf(event.path("status").asText()));
                    ended = true;
                }
                default -> throw new InvalidInputException(runDirectory.resolve(RunDirectory.JOURNAL)
                        + ": unknown event " + event);
            }
        }
        if (!ended) {
            group.end(statusFromProvenance(runDirectory));
        }
        return group.deliveries();
    }

    private List<JsonNode> read(Path journal) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(journal);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(journal.getParent() + " is not a VAELab run directory: it has no "
                    + RunDirectory.JOURNAL, e);
        }
        List<String> lines = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lines.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
            lengths.add(end - start);
            start = end + 1;
        }
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        List<JsonNode> events = new ArrayList<>();
        for (int index = 0; index <= last; index++) {
            String line = lines.get(index);
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(Journal.JSON.readTree(line));
            } catch (JsonProcessingException e) {
                if (index == last) {
                    warnings.accept("warning: " + journal + ": skipped a cut last line ("
                            + lengths.get(index) + " bytes)");
                    continue;
                }
                throw new InvalidInputException(journal + " line " + (index + 1) + ": not a journal event ("
                        + e.getOriginalMessage() + ")", e);
            }
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
                new DatasetInfo(dataset.path("name").asText(), dataset.path("digest").asText(),
                        dataset.path("source").asText(), splits(dataset.path("splits"))));
    }

    /** The splits a journal's start event lists; none in a journal written before SPI 2.2. */
    private static List<DatasetSplit> splits(JsonNode splits) {
        List<DatasetSplit> out = new ArrayList<>();
        for (JsonNode split : splits) {
            out.add(new DatasetSplit(split.path("context").asText(), split.path("digest").asText(),
                    split.path("schema").asText(), split.path("profile").asText()));
        }
        return out;
    }

    private static TrainedModel model(JsonNode event, Path runDirectory) {
        Map<String, Path> files = new LinkedHashMap<>();
        strings(event.path("files")).forEach((path, file) -> files.put(path, runDirectory.resolve(file)));
        return new TrainedModel(event.path("name").asText(), files, values(event.path("metrics")),
                event.path("step").asLong());
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
        RunStatus status = RunRecord.read(runDirectory).status();
        return status == null || status == RunStatus.RUNNING ? RunStatus.FAILED : status;
    }
}
