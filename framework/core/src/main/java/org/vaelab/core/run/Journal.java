package org.vaelab.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrainedModel;

/**
 * {@code journal.jsonl}: every tracker event of a run, one JSON object per line, appended and
 * flushed before any remote tracker is told, so a run's record survives any tracker failure and
 * can be replayed later ({@code vae sync}). Metric values keep full double precision.
 */
final class Journal implements AutoCloseable {

    /** Reads and writes journal lines; NaN and infinities are written as the strings "NaN", "Infinity". */
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final BufferedWriter writer;

    Journal(Path root) throws IOException {
        this.root = root;
        this.writer = Files.newBufferedWriter(root.resolve(RunDirectory.JOURNAL), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Drops the last line of {@code root}'s journal when a crash cut it short (it has no line end,
     * or is not a JSON object), so events appended next start on a line of their own; returns how
     * many bytes were dropped.
     */
    static int dropCutLastLine(Path root) throws IOException {
        Path file = root.resolve(RunDirectory.JOURNAL);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        boolean ended = end > 0 && bytes[end - 1] == '\n';
        int start = lastLineStart(bytes, ended ? end - 1 : end);
        if (start == end || ended && isEvent(new String(bytes, start, end - 1 - start, StandardCharsets.UTF_8))) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(start);
        }
        return end - start;
    }

    private static int lastLineStart(byte[] bytes, int end) {
        int start = end;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        return start;
    }

    private static boolean isEvent(String line) {
        try {
            return JSON.readTree(line).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    void start(RunInfo run) throws IOException {
        Map<String, Object> event = event("start");
        event.put("run_id", run.runId());
        event.put("experiment", run.experiment());
        event.put("run_name", run.runName());
        event.put("start_ms", run.startMillis());
        event.put("params", run.params());
        event.put("tags", run.tags());
        event.put("dataset", Map.of("name", run.dataset().name(), "digest", run.dataset().digest(),
                "source", run.dataset().source(), "splits", run.dataset().splits()));
        append(event);
    }

    void metrics(Map<String, Double> values, long step, int epoch, long timestampMillis) throws IOException {
        Map<String, Object> event = event("metrics");
        event.put("step", step);
        event.put("epoch", epoch);
        event.put("timestamp", timestampMillis);
        event.put("values", values);
        append(event);
    }

    void artifact(Path file, String artifactPath) throws IOException {
        Map<String, Object> event = event("artifact");
        event.put("file", root.relativize(file).toString());
        event.put("artifact_path", artifactPath);
        append(event);
    }

    void image(Path file, String key, long step, long timestampMillis) throws IOException {
        Map<String, Object> event = event("image");
        event.put("file", root.relativize(file).toString());
        event.put("key", key);
        event.put("step", step);
        event.put("timestamp", timestampMillis);
        append(event);
    }

    void model(TrainedModel model) throws IOException {
        Map<String, Object> event = event("model");
        event.put("name", model.name());
        Map<String, String> files = new TreeMap<>();
        model.files().forEach((path, file) -> files.put(path, root.relativize(file).toString()));
        event.put("files", files);
        event.put("metrics", new TreeMap<>(model.metrics()));
        event.put("step", model.step());
        append(event);
    }

    void end(RunStatus status, long timestampMillis) throws IOException {
        Map<String, Object> event = event("end");
        event.put("status", status.name());
        event.put("timestamp", timestampMillis);
        append(event);
    }

    private static Map<String, Object> event(String kind) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", kind);
        return event;
    }

    private void append(Map<String, Object> event) throws IOException {
        writer.write(JSON.writeValueAsString(event));
        writer.newLine();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
