package org.vaelab.core.plugin;

/** Wraps help text to a terminal's width at spaces, each continuation line indented like the first's text. */
final class TextWrap {

    private TextWrap() {
    }

    /**
     * {@code text} after {@code first}, broken at spaces so that no line is wider than {@code width}
     * (a word longer than a line stands alone). Continuation lines are indented by {@code first}'s
     * width, or, where {@code first} takes more than half the width, by its own indent and four more,
     * and the text then starts on the second line if its first word does not fit beside {@code first}.
     */
    static String wrap(String first, String text, int width) {
        String leading = first.substring(0, first.length() - first.stripLeading().length());
        String indent = first.length() <= width / 2 ? " ".repeat(first.length()) : leading + "    ";
        StringBuilder out = new StringBuilder(first);
        int lineStart = 0;
        boolean lineEmpty = true;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            int lineLength = out.length() - lineStart;
            if (lineLength + (lineEmpty ? 0 : 1) + word.length() > width && lineLength > indent.length()) {
                out.setLength(lineStart + out.substring(lineStart).stripTrailing().length());
                out.append(System.lineSeparator());
                lineStart = out.length();
                out.append(indent);
                lineEmpty = true;
            }
            out.append(lineEmpty ? "" : " ").append(word);
            lineEmpty = false;
        }
        return out.append(System.lineSeparator()).toString();
    }
}
