package org.vaelab.core.study;

import java.util.ArrayList;
import java.util.List;

/** Splits {@code 0.5,1,[512,256],{type: beta}} at the commas outside brackets, braces and quotes. */
final class ValueList {

    private ValueList() {
    }

    static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(text.substring(start).strip());
        return items;
    }
}
