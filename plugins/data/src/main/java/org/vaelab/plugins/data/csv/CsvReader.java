package org.vaelab.plugins.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.vaelab.plugins.data.UnreadableFile;
import org.vaelab.spi.InvalidInputException;

/**
 * Reads the selected columns of a CSV file (RFC 4180, with any one-character delimiter) with
 * Apache Commons CSV. The file is UTF-8, with or without a byte order mark; lines end with LF or
 * CRLF; empty lines are ignored. Every problem is reported as an {@link InvalidInputException}
 * naming the file, the 1-based line and, for a cell, the column's name and index. An instance
 * reads one file once, collecting its rows.
 */
final class CsvReader {

    /** A decimal number as written in tables: no hexadecimal, no type suffix, no infinity. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** What tables write for a missing number (in any case), besides an empty cell. */
    private static final Set<String> MISSING_NUMBER = Set.of("", "nan", "na");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int LONGEST_CELL_SHOWN = 40;
    /** Bytes of memory a byte of CSV text may take while it is read (see {@link #maxBytes()}). */
    private static final int MEMORY_PER_BYTE = 10;

    private final Path file;
    private final CsvConfig config;
    private final String text;
    private final LineIndex lines;
    private final DoubleStream.Builder values = DoubleStream.builder();
    private final IntStream.Builder labels = IntStream.builder();
    private final Map<String, Integer> classes = new LinkedHashMap<>();
    private int width;
    private String widthSource;
    private ColumnSelection columns;
    private int kept;
    private int dropped;

    private CsvReader(Path file, CsvConfig config, String text) {
        this.file = file;
        this.config = config;
        this.text = text;
        this.lines = LineIndex.of(text);
    }

    /**
     * Reads the feature and label columns {@code config} selects from {@code file}, which is read
     * whole into memory and so refused when longer than {@link #maxBytes()}.
     */
    static CsvRows read(Path file, CsvConfig config) throws IOException {
        return read(file, config, maxBytes());
    }

    /** As {@link #read(Path, CsvConfig)}, refusing files longer than {@code maxBytes}. */
    static CsvRows read(Path file, CsvConfig config, long maxBytes) throws IOException {
        return new CsvReader(file, config, readText(file, maxBytes)).rows();
    }

    /**
     * The longest CSV file read: a tenth of the memory the JVM may use, since the text, its values
     * as numbers and their copies are held at once.
     */
    static long maxBytes() {
        return Math.min(Runtime.getRuntime().maxMemory() / MEMORY_PER_BYTE, Integer.MAX_VALUE - 8);
    }

    private static String readText(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLong(file, String.valueOf(size), maxBytes);
            }
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLong(file, "more than " + maxBytes, maxBytes);
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " not found (data.path is relative to the spec's folder)", e);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + " is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw UnreadableFile.explain(file, "a CSV file", e).orElseThrow(() -> e);
        }
    }

    private static InvalidInputException tooLong(Path file, String length, long maxBytes) {
        return new InvalidInputException(file + " has " + length + " bytes; a CSV file is read into memory whole, and"
                + " this process's memory (at most " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB) allows CSV"
                + " files of up to " + maxBytes
                + " bytes: allow it more memory (VAE_JAVA_OPTS=-Xmx8g) or use a shorter file");
    }

    private CsvRows rows() throws IOException {
        int start = firstCharacter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(config.delimiter().charAt(0)).build();
        StringReader reader = new StringReader(text);
        reader.skip(start);
        try (CSVParser parser = new CSVParser(reader, format, start, 1)) {
            try {
                return collect(parser.iterator());
            } catch (UncheckedIOException e) {
                throw new InvalidInputException(file + ": malformed CSV near line " + parser.getCurrentLineNumber()
                        + ": " + oneLine(UnreadableFile.reason(e.getCause())) + "; check the quotes", e);
            }
        }
    }

    /** Where parsing starts: after {@code skip_lines} lines and after a byte order mark. */
    private int firstCharacter() {
        if (config.skipLines() >= lines.count()) {
            throw new InvalidInputException(file + " has " + lines.count() + " line(s), all skipped by skip_lines ("
                    + config.skipLines() + ")");
        }
        int start = lines.start(config.skipLines() + 1);
        return start < text.length() && text.charAt(start) == BYTE_ORDER_MARK ? start + 1 : start;
    }

    private CsvRows collect(Iterator<CSVRecord> records) {
        if (!records.hasNext()) {
            throw new InvalidInputException(file + " is empty" + afterSkipped()
                    + (config.header() ? ": expected a header line and rows of data" : ": expected rows of data"));
        }
        CSVRecord first = records.next();
        width = first.size();
        widthSource = (config.header() ? "the header on line " : "line ") + lineOf(first);
        List<String> header = config.header() ? first.stream().map(String::strip).toList() : null;
        columns = ColumnSelection.resolve(header, width, config, file + " (" + widthSource + ")");
        if (!config.header()) {
            add(first);
        }
        while (records.hasNext() && (config.maxRows() == 0 || kept < config.maxRows())) {
            add(records.next());
        }
        if (kept == 0) {
            throw new InvalidInputException(file + " has no rows of data" + afterSkipped()
                    + (dropped > 0 ? ": all " + dropped + " have missing values (missing: drop_rows)" : ""));
        }
        return new CsvRows(columns.featureNames(), values.build().toArray(),
                columns.label() < 0 ? null : labels.build().toArray(), List.copyOf(classes.keySet()));
    }

    /** Adds a record's values and label, or counts it as dropped. */
    private void add(CSVRecord record) {
        int line = lineOf(record);
        if (record.size() != width) {
            throw new InvalidInputException(file + ", line " + line + ": " + record.size() + " field(s), expected "
                    + width + " as on " + widthSource);
        }
        double[] row = features(record, line);
        String label = columns.label() < 0 ? null : record.get(columns.label()).strip();
        if (label != null && label.isEmpty()) {
            refuseUnlessDropping(line, columns.label(), label);
            row = null;
        }
        if (row == null) {
            dropped++;
            return;
        }
        for (double value : row) {
            values.accept(value);
        }
        if (label != null) {
            classes.putIfAbsent(label, classes.size());
            labels.accept(classes.get(label));
        }
        kept++;
    }

    /** The selected feature values of a record, or null if one is missing and such rows are dropped. */
    private double[] features(CSVRecord record, int line) {
        double[] row = new double[columns.features().length];
        for (int j = 0; j < row.length; j++) {
            int column = columns.features()[j];
            String cell = record.get(column).strip();
            if (MISSING_NUMBER.contains(cell.toLowerCase(Locale.ROOT))) {
                refuseUnlessDropping(line, column, cell);
                return null;
            } else if (!NUMBER.matcher(cell).matches()) {
                throw new InvalidInputException(where(line, column) + ": " + shown(cell) + " is not a number"
                        + (!config.header() && record.getRecordNumber() == 1 ? "; is line " + line
                                + " a header? then set header: true" : ""));
            } else {
                row[j] = Double.parseDouble(cell);
                if (Math.abs(row[j]) > Float.MAX_VALUE) {
                    throw new InvalidInputException(where(line, column) + ": " + shown(cell) + " is too large: the "
                            + "model trains in 32-bit floating point, whose numbers lie within +-" + Float.MAX_VALUE);
                }
            }
        }
        return row;
    }

    /** Throws about a missing cell unless rows with missing cells are dropped. */
    private void refuseUnlessDropping(int line, int column, String cell) {
        if (config.missing() == MissingCells.ERROR) {
            throw new InvalidInputException(where(line, column) + ": "
                    + (cell.isEmpty() ? "empty cell" : "missing value " + shown(cell))
                    + "; fill it in, or set missing: drop_rows to leave such rows out");
        }
    }

    private String where(int line, int column) {
        return file + ", line " + line + ", " + columns.describe(column);
    }

    /**
     * The line a record starts on. Commons CSV gives the position after the previous record, so
     * the empty lines it skipped are stepped over here.
     */
    private int lineOf(CSVRecord record) {
        int position = (int) record.getCharacterPosition();
        while (position < text.length() && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
            position++;
        }
        return lines.lineOf(position);
    }

    private String afterSkipped() {
        return config.skipLines() > 0 ? " after the " + config.skipLines() + " line(s) of skip_lines" : "";
    }

    /** A cell for a one-line message: quoted, line breaks shown as \n, long ones cut short. */
    private static String shown(String cell) {
        String flat = oneLine(cell);
        return "'" + (flat.length() > LONGEST_CELL_SHOWN ? flat.substring(0, LONGEST_CELL_SHOWN) + "..." : flat) + "'";
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replace("\r", "").replace("\n", "\\n");
    }
}
