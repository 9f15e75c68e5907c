package org.vaelab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's folder, {@code runs/<experiment>/<run-name>/}, and the names of the files in it, which
 * every reader and writer of a run takes from here. Files are written {@link AtomicFile atomically},
 * so a crash never leaves a half-written file under its real name.
 */
public final class RunDirectory {

    /** The run's record ({@link RunRecord}): what it is, how it was made and where it stands. */
    public static final String PROVENANCE = "provenance.json";
    /** The spec the run was made from, resolved (defaults filled in, overrides applied). */
    public static final String SPEC = "spec.resolved.yaml";
    /** Every metric, one row per step, epoch and name. */
    public static final String METRICS = "metrics.csv";
    /** How long each epoch and evaluation took. */
    public static final String TIMING = "timing.csv";
    /** What was sent to the trackers, to deliver what a tracker missed ({@code vae sync}). */
    public static final String JOURNAL = "journal.jsonl";
    /** The training state after the last finished epoch, to resume from. */
    public static final String LAST_CHECKPOINT = "checkpoints/last.ckpt";
    /** The training state of the epoch with the best validation ELBO. */
    public static final String BEST_CHECKPOINT = "checkpoints/best.ckpt";
    /** The trained model, as a SameDiff flatbuffers file, for {@code vae eval}, {@code sample} and the rest. */
    public static final String FINAL_MODEL = "checkpoints/final.fb";
    /** Each latent dimension's test KL and posterior-mean variance, and whether it is active. */
    public static final String LATENT_DIMENSIONS = "eval/latent_dimensions.csv";
    /** The file whose lock marks the folder as a live run's. */
    static final String LOCK = ".vae.lock";

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * Creates a new, empty run folder {@code runsRoot/experiment/runName}, adding a numeric suffix
     * when that name is taken.
     */
    public static RunDirectory create(Path runsRoot, String experiment, String runName) throws IOException {
        Path parent = runsRoot.resolve(experiment);
        Files.createDirectories(parent);
        for (int attempt = 0; ; attempt++) {
            Path candidate = parent.resolve(attempt == 0 ? runName : runName + "-" + attempt);
            try {
                return new RunDirectory(Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
    }

    /**
     * An existing run folder, to continue writing to.
     *
     * @throws IllegalArgumentException when {@code root} is not a folder
     */
    public static RunDirectory existing(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a folder");
        }
        return new RunDirectory(root.toAbsolutePath().normalize());
    }

    /**
     * The folder {@code root}, created with its parents if it does not exist, for files that are written again later.
     */
    public static RunDirectory open(Path root) throws IOException {
        return new RunDirectory(Files.createDirectories(root));
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** The folder's name, which is also the run's name. */
    public String runName() {
        return root.getFileName().toString();
    }

    /**
     * Locks the folder for this process for the life of its run, so no second process (a second
     * {@code --resume}, or a resume of a run still going) writes it at once.
     *
     * @throws org.vaelab.spi.InvalidInputException when another process holds it
     */
    public ProcessLock lock() throws IOException {
        return ProcessLock.acquire(root.resolve(LOCK), root.toString(),
                "wait for it to end, or stop it, before resuming the run");
    }

    /** {@code relative} inside the run folder, its parent folders created. */
    public Path file(String relative) throws IOException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException(relative + " is outside the run directory");
        }
        Files.createDirectories(file.getParent());
        return file;
    }

    /** Writes {@code text} to {@code relative} atomically. */
    public Path writeText(String relative, String text) throws IOException {
        return write(relative, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    /** Writes a file with {@code writer} to a temporary name, then moves it to {@code relative}. */
    public Path write(String relative, FileWriter writer) throws IOException {
        return AtomicFile.write(file(relative), writer);
    }

    /** Writes one file's content to a given path. */
    @FunctionalInterface
    public interface FileWriter {
        void writeTo(Path file) throws IOException;
    }
}
