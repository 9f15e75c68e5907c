package org.vaelab.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.vaelab.core.train.Failures;

/**
 * A kind of YAML file the framework reads, such as a spec or a study, and the one way every kind is
 * read: at most {@link #MAX_BYTES}, UTF-8, then parsed by {@link YamlTreeReader} (syntax, depth,
 * duplicate keys). Problems are reported in a spec's terms, naming the kind where it matters.
 *
 * @param noun the kind in messages ({@code spec})
 * @param plural the kind in the plural ({@code specs})
 * @param least what the smallest valid file of the kind holds, for the message about an empty one
 */
public record YamlFile(String noun, String plural, String least) {

    /** Files larger than this are refused before parsing. */
    public static final long MAX_BYTES = 1 << 20;

    /** Spec files. */
    public static final YamlFile SPEC = new YamlFile("spec", "specs", "name, data, model and likelihood");

    /** The text of {@code file}, or an empty text with the reason in {@code problems}. */
    public String read(Path file, Problems problems) {
        Location start = Location.at(1, 1);
        try {
            if (Files.isDirectory(file)) {
                problems.add(ErrorId.SPEC_NOT_A_FILE, "", start, "is a directory; give the path of a .yaml " + noun
                        + " file");
                return "";
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(ErrorId.SPEC_TOO_LARGE, "", start, "the file has " + size + " bytes; " + limit());
                return "";
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                problems.add(ErrorId.SPEC_TOO_LARGE, "", start, "the file has more than " + MAX_BYTES + " bytes; "
                        + limit());
                return "";
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            problems.add(ErrorId.SPEC_FILE_NOT_FOUND, "", start, "no such file");
        } catch (CharacterCodingException e) {
            problems.add(ErrorId.SPEC_NOT_UTF8, "", start, "the file is not UTF-8 text");
        } catch (AccessDeniedException e) {
            problems.add(ErrorId.SPEC_UNREADABLE, "", start, "cannot be read: permission denied");
        } catch (IOException e) {
            problems.add(ErrorId.SPEC_UNREADABLE, "", start, "cannot be read: " + Failures.reason(e));
        }
        return "";
    }

    /** The tree of {@code text}, a file of this kind, or empty with its problems in {@code problems}. */
    public Optional<SpecNode> parse(String text, Problems problems) {
        return new YamlTreeReader(problems, null, emptyMessage()).read(text);
    }

    /** What is said of an empty file of this kind. */
    String emptyMessage() {
        return "the " + noun + " is empty; it needs at least " + least;
    }

    private String limit() {
        return plural + " are limited to " + MAX_BYTES + " bytes";
    }
}
