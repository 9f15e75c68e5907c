package org.vaelab.plugins.data.npy;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.vaelab.plugins.data.UnreadableFile;
import org.vaelab.spi.InvalidInputException;

/**
 * A file of NumPy arrays as a spec names it: one {@code .npy} array, or an {@code .npz} archive
 * (what {@code numpy.savez} and {@code numpy.savez_compressed} write: a zip file holding one
 * {@code KEY.npy} per array, stored or deflated), told apart by their first bytes, not their names.
 */
final class ArrayFile implements Closeable {

    private static final int BUFFER = 1 << 16;
    private static final String NPY = ".npy";

    private final Path path;
    private final ZipFile archive;
    private final List<String> keys;

    private ArrayFile(Path path, ZipFile archive, List<String> keys) {
        this.path = path;
        this.archive = archive;
        this.keys = keys;
    }

    /**
     * Opens {@code path}.
     *
     * @param option the spec's key that named the file, for messages ({@code data.path})
     * @throws InvalidInputException when it is missing, unreadable, or neither a {@code .npy} file
     *     nor a zip archive
     */
    static ArrayFile open(Path path, String option) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(path)) {
            start = in.readNBytes(4);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(path + " not found (" + option + "); it should be a NumPy .npy or .npz "
                    + "file, as numpy.save or numpy.savez write", e);
        } catch (IOException e) {
            throw UnreadableFile.explain(path, "a NumPy .npy or .npz file", e).orElseThrow(() -> e);
        }
        if (start.length == 4 && start[0] == 'P' && start[1] == 'K') {
            return openArchive(path);
        }
        return new ArrayFile(path, null, List.of());
    }

    private static ArrayFile openArchive(Path path) throws IOException {
        ZipFile archive;
        try {
            archive = new ZipFile(path.toFile());
        } catch (ZipException | EOFException e) {
            // ZipFile reports a central directory that ends early as an EOFException, not a ZipException
            throw new InvalidInputException(path + " is not a readable .npz archive: the zip file is corrupt or "
                    + "truncated (" + UnreadableFile.reason(e) + ")", e);
        }
        List<String> keys = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = archive.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.endsWith(NPY)) {
                keys.add(name.substring(0, name.length() - NPY.length()));
            }
        }
        return new ArrayFile(path, archive, Collections.unmodifiableList(keys));
    }

    /** Whether the file is an {@code .npz} archive. */
    boolean isArchive() {
        return archive != null;
    }

    /** The names of the archive's arrays, in its order; empty for a {@code .npy} file. */
    List<String> keys() {
        return keys;
    }

    /** The file. */
    Path path() {
        return path;
    }

    /**
     * The array {@code key} names: the file's own for a {@code .npy} file (with a null key), an
     * archive's array of that name, or, with a null key, the archive's only array.
     *
     * @param option the spec's key that named the array, for messages ({@code data.key})
     * @throws InvalidInputException when there is no such array, naming those there are
     */
    String source(String key, String option) {
        if (archive == null) {
            if (key != null) {
                throw new InvalidInputException(option + " '" + key + "' names an array of an .npz archive, but " + path
                        + " is a single .npy array; leave " + option + " out");
            }
            return path.toString();
        }
        if (key == null) {
            if (keys.size() != 1) {
                throw new InvalidInputException(path + " holds " + (keys.isEmpty() ? "no arrays"
                        : keys.size() + " arrays (" + String.join(", ", keys) + ")") + "; set " + option
                        + " to the one to use");
            }
            return sourceOf(keys.get(0));
        }
        if (!keys.contains(key)) {
            throw new InvalidInputException(option + ": " + path + " holds no array '" + key + "'; its arrays are "
                    + (keys.isEmpty() ? "none" : String.join(", ", keys)));
        }
        return sourceOf(key);
    }

    private String sourceOf(String key) {
        return path + "['" + key + "']";
    }

    /**
     * Reads the array {@link #source} names with {@code reader}, which gets the stream just after the
     * header. A zip entry that is corrupt or cut short is bad input naming the array.
     */
    <T> T read(String key, String option, ArrayRead<T> reader) throws IOException {
        String source = source(key, option);
        String entry = archive == null ? null : (key == null ? keys.get(0) : key) + NPY;
        ZipEntry zipped = archive == null ? null : archive.getEntry(entry);
        try (InputStream in = archive == null
                ? new BufferedInputStream(Files.newInputStream(path), BUFFER)
                : new BufferedInputStream(archive.getInputStream(zipped), BUFFER)) {
            NpyHeader header = NpyReader.header(in, source);
            long size = archive == null ? Files.size(path) : zipped.getSize();
            return reader.read(header, in, source, size < 0 ? -1 : Math.max(0, size - header.dataOffset()));
        } catch (ZipException | EOFException e) {
            throw new InvalidInputException(source + " is corrupt or truncated in the .npz archive ("
                    + UnreadableFile.reason(e) + ")", e);
        } catch (IOException e) {
            throw UnreadableFile.explain(path, "a NumPy .npy or .npz file", e).orElseThrow(() -> e);
        }
    }

    /** Reads one array once its header is known. */
    @FunctionalInterface
    interface ArrayRead<T> {
        /**
         * @param header the array's header
         * @param data the stream just after the header
         * @param source the array, for messages
         * @param available the bytes of data after the header, -1 when unknown
         */
        T read(NpyHeader header, InputStream data, String source, long available) throws IOException;
    }

    @Override
    public void close() throws IOException {
        if (archive != null) {
            archive.close();
        }
    }
}
