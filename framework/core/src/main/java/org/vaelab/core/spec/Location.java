package org.vaelab.core.spec;

/**
 * Where a value came from: a line and column of the spec file (1-based), or a command-line
 * override, or a built-in default.
 */
public record Location(int line, int column, String origin) {

    /** A value that came from a {@code Param} default, not from the user. */
    public static final Location DEFAULT = new Location(0, 0, "default");

    /** A position in the spec file. */
    public static Location at(int line, int column) {
        return new Location(line, column, null);
    }

    /**
     * A value given on the command line as {@code --set assignment}; credentials in a URI of the
     * assignment are masked, as in a recorded spec, since messages quote the location.
     */
    public static Location override(String assignment) {
        return new Location(0, 0, "--set " + RecordedForm.maskUserInfo(assignment));
    }

    @Override
    public String toString() {
        return origin == null ? "line " + line + ", col " + column : origin;
    }
}
