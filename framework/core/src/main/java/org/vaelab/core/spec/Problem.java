package org.vaelab.core.spec;

/**
 * One thing wrong with a spec, reported with a stable id from the {@link ErrorId} catalogue
 * ({@code spec/UnknownKey}), the dotted path of the value, where it was written, and a message
 * saying what was found and what is allowed.
 */
public record Problem(ErrorId id, String path, Location location, String message) {

    /** The problem on one line, as {@code vae} prints it. */
    public String format() {
        String where = path.isEmpty() ? "(" + location + ")" : path + " (" + location + ")";
        return "[" + id + "] " + where + ": " + message;
    }
}
