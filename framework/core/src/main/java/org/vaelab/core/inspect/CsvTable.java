package org.vaelab.core.inspect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.vaelab.core.run.AtomicFile;

/** A table of one row per example written as a CSV file with a header, atomically. */
final class CsvTable {

    private CsvTable() {
    }

    /** Writes {@code header} and rows {@code 0 .. rows - 1}, each the values {@code row} gives, to {@code target}. */
    static void write(Path target, List<String> header, int rows, IntFunction<List<Object>> row) throws IOException {
        AtomicFile.write(target, file -> {
            try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n')
                            .build())) {
                for (int i = 0; i < rows; i++) {
                    printer.printRecord(row.apply(i));
                }
            }
        });
    }

    /** {@code prefix0, prefix1, ..., prefix(count - 1)}. */
    static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }
}
