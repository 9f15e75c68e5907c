package org.vaelab.core.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of a spec's YAML tree that remembers where it was written. */
public sealed interface SpecNode {

    /** Where the node starts. */
    Location location();

    /** A word for messages: "a mapping", "a list", "a number", ... */
    String describe();

    /** A mapping, in the order it was written; keys remember their own locations. */
    record MapNode(Location location, Map<String, Entry> entries) implements SpecNode {

        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** One key with its value. */
        public record Entry(Location keyLocation, SpecNode value) {
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        /** This mapping with {@code key} set to {@code value} (added last if new). */
        public MapNode with(String key, Location keyLocation, SpecNode value) {
            Map<String, Entry> copy = new LinkedHashMap<>(entries);
            copy.put(key, new Entry(keyLocation, value));
            return new MapNode(location, copy);
        }
    }

    /** A sequence. */
    record ListNode(Location location, List<SpecNode> items) implements SpecNode {

        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar as YAML typed it, with its text as written. */
    record ScalarNode(Location location, String text, Kind kind) implements SpecNode {

        /** The YAML type of a scalar. */
        public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> text.isEmpty() ? "an empty value" : "the text '" + text + "'";
                case INTEGER, FLOAT -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
                case NULL -> "null";
            };
        }
    }
}
