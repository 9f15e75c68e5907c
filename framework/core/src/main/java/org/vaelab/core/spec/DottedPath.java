package org.vaelab.core.spec;

/** Dotted paths of spec values ({@code model.encoder.hidden}). */
final class DottedPath {

    private DottedPath() {
    }

    /** The path of {@code key} inside {@code parent}. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
