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
 * and submits them with {@code sbatch --parsable}, the summary job after the array
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

    /** Writes both scripts to {@code folder}, submits them, prints the ids; returns the array's job id. */
    String submit(SlurmJobScripts scripts, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(scripts.logFolder());
        Path array = write(folder.resolve(SlurmJobScripts.ARRAY_SCRIPT), scripts.arrayScript());
        Path summary = write(folder.resolve(SlurmJobScripts.SUMMARY_SCRIPT), scripts.summaryScript());
        String arrayId = sbatch(List.of(array.toString()), "the job array");
        String summaryId = sbatch(List.of("--dependency=afterany:" + arrayId, summary.toString()),
                "the summary job (the array " + arrayId + " is submitted; scancel " + arrayId + " to withdraw it)");
        out.printf("submitted job array %s (%d tasks, %s) and the summary job %s, which starts when the array has "
                + "ended%n", arrayId, scripts.shards(), array, summaryId);
        out.printf("follow them: squeue -j %s,%s   (and vae sweep ... --status; logs in %s)%n", arrayId, summaryId,
                scripts.logFolder());
        return arrayId;
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
