package org.vaelab.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.track.RunStatus;

/**
 * The record of one run, its {@link RunDirectory#PROVENANCE} file: what the run is (its spec's
 * source, folder and hash, its seed), how it was made (versions, git commit, backend, device,
 * threads, machine, training step) and where it stands (id, status, start, end, failure). Every
 * reader and writer of a run's record uses this type; Jackson reads and writes it.
 *
 * <p>The file carries its {@link #FORMAT format}: a VAELab opens a record of its own format or an
 * older one (a record written before formats were numbered is format 1), and refuses a newer one
 * in one line that says which VAELab wrote it. A change that older readers would misread raises the
 * format.
 *
 * @param format the record's format, {@link #FORMAT} when written by this VAELab
 * @param specSource the spec's path as given on the command line
 * @param baseDirectory the folder relative paths in the spec were resolved against
 * @param specSha256 the hash of the resolved spec
 * @param seed the spec's seed
 * @param started when the run (or its first part, for a resumed run) started, ISO-8601
 * @param vaelabVersion VAELab's version
 * @param nd4jVersion ND4J's version
 * @param gitCommit the commit VAELab was run from, {@code -dirty} when files differed; null outside git
 * @param backend ND4J's backend class
 * @param dataType ND4J's default floating-point type
 * @param device what ND4J reports of the device, by key
 * @param threads the thread settings, by environment variable, and the engine's training lanes
 * @param availableProcessors the processors the JVM saw
 * @param java the JVM's name and version
 * @param os the operating system's name, version and architecture
 * @param trainingStep how training steps ran: {@code compiled} or {@code session}
 * @param kl how the KL term was computed: {@code closed_form} (N(0, I) and the diagonal Gaussian)
 *     or {@code monte_carlo} (any other prior or posterior); null in records of format 1
 * @param runId the run's id, shared with its trackers; null until the run starts
 * @param status where the run stands; null until the run starts
 * @param ended when the run ended, ISO-8601; null while it runs
 * @param failure why the run failed; null unless it failed
 * @param stoppedEarly why a finished run ended before its last epoch ({@code train.early_stopping}); null
 *     unless it did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
        @JsonProperty("format") int format,
        @JsonProperty("spec_source") String specSource,
        @JsonProperty("base_directory") String baseDirectory,
        @JsonProperty("spec_sha256") String specSha256,
        @JsonProperty("seed") long seed,
        @JsonProperty("started") String started,
        @JsonProperty("vaelab_version") String vaelabVersion,
        @JsonProperty("nd4j_version") String nd4jVersion,
        @JsonProperty("git_commit") String gitCommit,
        @JsonProperty("backend") String backend,
        @JsonProperty("data_type") String dataType,
        @JsonProperty("device") Map<String, String> device,
        @JsonProperty("threads") Map<String, String> threads,
        @JsonProperty("available_processors") int availableProcessors,
        @JsonProperty("java") String java,
        @JsonProperty("os") String os,
        @JsonProperty("training_step") String trainingStep,
        @JsonProperty("kl") String kl,
        @JsonProperty("run_id") String runId,
        @JsonProperty("status") RunStatus status,
        @JsonProperty("ended") String ended,
        @JsonProperty("failure") String failure,
        @JsonProperty("stopped_early") String stoppedEarly) {

    /** The format this VAELab writes and the newest it reads. */
    public static final int FORMAT = 2;

    /** Format 1: the records written before formats were numbered, which have no {@code format} field. */
    private static final int UNNUMBERED = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RunRecord {
        format = format == 0 ? UNNUMBERED : format;
        device = device == null ? Map.of() : device;
        threads = threads == null ? Map.of() : threads;
    }

    /**
     * The record in {@code runDirectory}.
     *
     * @throws InvalidInputException when it is missing, not a record, or of a newer format
     */
    public static RunRecord read(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve(RunDirectory.PROVENANCE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(runDirectory + " is not a VAELab run directory: it has no "
                    + RunDirectory.PROVENANCE);
        }
        RunRecord record;
        try {
            record = JSON.readValue(file.toFile(), RunRecord.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " is not a run record (" + e.getOriginalMessage() + ")", e);
        }
        if (record.format > FORMAT) {
            throw new InvalidInputException(file + " is a run record of format " + record.format
                    + ", written by VAELab " + record.vaelabVersion + "; this VAELab (" + Versions.current().vaelab()
                    + ") reads formats up to " + FORMAT + ": open the run with that version or a later one");
        }
        return record;
    }

    /** The record as its file holds it. */
    byte[] toJson() throws JsonProcessingException {
        return JSON.writeValueAsBytes(this);
    }

    /** Writes the record into {@code directory}, atomically. */
    void write(RunDirectory directory) throws IOException {
        directory.write(RunDirectory.PROVENANCE, file -> JSON.writeValue(file.toFile(), this));
    }

    /** This record of a run that has started, with id {@code id}, as RUNNING. */
    RunRecord running(String id) {
        return new RunRecord(format, specSource, baseDirectory, specSha256, seed, started, vaelabVersion, nd4jVersion,
                gitCommit, backend, dataType, device, threads, availableProcessors, java, os, trainingStep, kl, id,
                RunStatus.RUNNING, null, null, null);
    }

    /**
     * This record of a run that ended {@code at} with {@code endStatus}, and {@code reason}: why it
     * failed, or for a finished run why it stopped early (null when it trained every epoch).
     */
    RunRecord ended(RunStatus endStatus, Instant at, String reason) {
        boolean finished = endStatus == RunStatus.FINISHED;
        return new RunRecord(format, specSource, baseDirectory, specSha256, seed, started, vaelabVersion, nd4jVersion,
                gitCommit, backend, dataType, device, threads, availableProcessors, java, os, trainingStep, kl, runId,
                endStatus, at.toString(), finished ? null : reason, finished ? reason : null);
    }

    /**
     * Marks the paused run in {@code runDirectory} {@link RunStatus#PRUNED} with {@code reason},
     * keeping when it ended, under the run directory's lock: the study that paused it at a rung
     * ends it there.
     */
    public static void prune(Path runDirectory, String reason) throws IOException {
        RunDirectory directory = RunDirectory.existing(runDirectory);
        try (ProcessLock lock = directory.lock()) {
            RunRecord paused = read(runDirectory);
            paused.ended(RunStatus.PRUNED, paused.ended == null ? Instant.now() : Instant.parse(paused.ended), reason)
                    .write(directory);
        }
    }

    /** The spec's folder, against which its relative paths resolve. */
    public Path specFolder() {
        return Path.of(baseDirectory == null ? "" : baseDirectory);
    }

    /** Whether the run finished. */
    public boolean finished() {
        return status == RunStatus.FINISHED;
    }

    /** How long the run took, once it has ended. */
    public Optional<Duration> duration() {
        return ended == null ? Optional.empty()
                : Optional.of(Duration.between(Instant.parse(started), Instant.parse(ended)));
    }

    /** The git commit VAELab ran from, if it ran from a git checkout. */
    public Optional<String> commit() {
        return Optional.ofNullable(gitCommit);
    }
}
