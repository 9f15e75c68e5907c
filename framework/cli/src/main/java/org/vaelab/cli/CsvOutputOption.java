package org.vaelab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o FILE.csv}: the table a command writes. */
final class CsvOutputOption {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path file;

    /** The file, once checked to be writable (see {@link OutputFile}). */
    Path checked() {
        return OutputFile.check("--output", file, ".csv");
    }
}
