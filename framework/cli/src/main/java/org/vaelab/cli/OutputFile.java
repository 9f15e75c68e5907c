package org.vaelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.vaelab.spi.InvalidInputException;

/** Checks, before any work, that an output file named on the command line can be written. */
final class OutputFile {

    private OutputFile() {
    }

    /**
     * Returns {@code file} when its folder exists and takes new files, it is not itself a folder and
     * its name ends in one of {@code extensions} ({@code ".csv"}).
     *
     * @throws InvalidInputException naming {@code option} otherwise
     */
    static Path check(String option, Path file, String... extensions) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Arrays.stream(extensions).noneMatch(name::endsWith)) {
            throw new InvalidInputException(option + " " + file + ": the file name must end in "
                    + String.join(" or ", extensions));
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(option + " " + file + ": is a folder; name a file");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(option + " " + file + ": the folder " + folder + " does not exist");
        }
        WritableFolder.check(option + " " + file + ": its folder", folder);
        return file;
    }
}
