package org.vaelab.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaelab.core.study.SlurmJobScripts;
import org.vaelab.spi.InvalidInputException;

/**
 * {@code vae sweep STUDY --launcher slurm}: writes the study's {@link SlurmJobScripts} into its folder
 * and submits them with {@code sbatch --parsable}, the job array once or, with pruning, once per
 * rung, each after the one before, and the summary job after the last
 * ({@code --dependency=afterany}), then prints the job ids and how to follow them. {@code sbatch} is
 * looked for on {@code PATH} before anything is written.
 */
final class SlurmLauncher {

    private final Path sbatch;
    private final PrintStream out;

    private SlurmLauncher(Path sbatch, PrintStream out) {
        this.sbatch = sbatch;
        this.out = out;
    }

    /**
     * The launcher with the {@code sbatch} that {@code environment}'s {@code PATH} names.
     *
     * @throws InvalidInputException when no directory on the path has an executable {@code sbatch}
     */
    static SlurmLauncher onPath(Map<String, String> environment, PrintStream out) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "sbatch");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new SlurmLauncher(candidate, out);
            }
        }
        throw new InvalidInputException("--launcher slurm: sbatch is not on PATH (" + path + "); run vae sweep where "
                + "Slurm's commands are installed (a login node), or put their folder on PATH");
    }

    /**
     * Writes both scripts to {@code folder}, submits the array {@code scripts.arrays()} times, each
     * after the one before, then the summary job; prints the ids.
     */
    void submit(SlurmJobScripts scripts, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(scripts.logFolder());
        Path array = write(folder.resolve(SlurmJobScripts.ARRAY_SCRIPT), scripts.arrayScript());
        Path summary = write(folder.resolve(SlurmJobScripts.SUMMARY_SCRIPT), scripts.summaryScript());
        List<String> arrayIds = new ArrayList<>();
        for (int k = 0; k < scripts.arrays(); k++) {
            List<String> arguments = new ArrayList<>();
            if (!arrayIds.isEmpty()) {
                arguments.add("--dependency=afterany:" + arrayIds.get(arrayIds.size() - 1));
            }
            arguments.add(array.toString());
            arrayIds.add(sbatch(arguments, arrayIds.isEmpty() ? "the job array" : "job array " + (k + 1) + " of "
                    + scripts.arrays() + " (" + withdraw(arrayIds) + ")"));
        }
        String last = arrayIds.get(arrayIds.size() - 1);
        String summaryId = sbatch(List.of("--dependency=afterany:" + last, summary.toString()),
                "the summary job (" + withdraw(arrayIds) + ")");
        String arrays = String.join(", ", arrayIds);
        if (arrayIds.size() == 1) {
            out.printf("submitted job array %s (%d tasks, %s) and the summary job %s, which starts when the array has "
                    + "ended%n", arrays, scripts.shards(), array, summaryId);
        } else {
            out.printf("submitted job arrays %s (one per rung of the pruning, each of %d tasks and starting when"
                    + " the one before has ended, %s) and the summary job %s, which starts when the last array has"
                    + " ended%n",
                    arrays, scripts.shards(), array, summaryId);
        }
        out.printf("follow them: squeue -j %s,%s   (and vae sweep ... --status; logs in %s)%n",
                String.join(",", arrayIds), summaryId, scripts.logFolder());
    }

    /** What a failed submission says of the arrays submitted before it. */
    private static String withdraw(List<String> arrayIds) {
        String ids = String.join(" ", arrayIds);
        return (arrayIds.size() == 1 ? "the array " : "the arrays ") + ids + " submitted; scancel " + ids
                + " to withdraw " + (arrayIds.size() == 1 ? "it" : "them");
    }

    private static Path write(Path file, String script) throws IOException {
        Files.writeString(file, script, StandardCharsets.UTF_8);
        if (!file.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + file + " executable");
        }
        return file;
    }

    /** Runs {@code sbatch --parsable ARGUMENTS}; returns the job id it prints. */
    private String sbatch(List<String> arguments, String what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(sbatch.toString(), "--parsable"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || !printed.matches("\\d+(;.*)?")) {
            throw new InvalidInputException("--launcher slurm: sbatch did not accept " + what + ": "
                    + (errors.isEmpty() ? printed : errors).replace('\n', ' '));
        }
        return printed.split(";", 2)[0];
    }
}
