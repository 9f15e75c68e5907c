package org.vaelab.plugins.data.csv;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Where each line of a text starts, to turn a character position into the 1-based line number a
 * text editor shows. A line ends at LF, CRLF or a lone CR.
 *
 * @param starts the position of the first character of each line, ascending; {@code starts[0] == 0}
 */
record LineIndex(int[] starts) {

    static LineIndex of(String text) {
        IntStream.Builder starts = IntStream.builder().add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return new LineIndex(starts.build().toArray());
    }

    /** The number of lines; a text ending with a line break has an empty last line. */
    int count() {
        return starts.length;
    }

    /** The position of the first character of line {@code line} (1-based). */
    int start(int line) {
        return starts[line - 1];
    }

    /** The line (1-based) holding the character at {@code position}. */
    int lineOf(long position) {
        int found = Arrays.binarySearch(starts, (int) position);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
