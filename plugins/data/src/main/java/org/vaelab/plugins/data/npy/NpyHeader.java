package org.vaelab.plugins.data.npy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vaelab.spi.InvalidInputException;

/**
 * The header of a {@code .npy} file: the Python dictionary literal that NumPy writes after the
 * magic string and the header length ("A Simple File Format for NumPy Arrays", NEP 1, and
 * {@code numpy.lib.format}), such as {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}.
 *
 * @param type the element type, or null for one this reader does not read
 * @param typeName NumPy's name of the element type, such as {@code float32} or {@code complex128}
 * @param order the byte order of multi-byte elements
 * @param shape the array's dimensions, outermost first; empty for a 0-d array
 * @param fortranOrder whether the elements are in column-major (Fortran) order
 * @param dataOffset the number of bytes before the data: magic string, version, length and header
 */
record NpyHeader(NpyType type, String typeName, ByteOrder order, long[] shape, boolean fortranOrder,
                 long dataOffset) {

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    /** This header, its data starting {@code offset} bytes into the file. */
    NpyHeader at(long offset) {
        return new NpyHeader(type, typeName, order, shape, fortranOrder, offset);
    }

    /** The number of elements: the product of the dimensions (1 for a 0-d array). */
    long count() {
        long count = 1;
        for (long dim : shape) {
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    /** The shape as NumPy prints it: {@code (60000, 28, 28)}, {@code (5,)}, {@code ()}. */
    String describeShape() {
        return describe(shape);
    }

    /** {@code shape} as NumPy prints a shape. */
    static String describe(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * Reads the header dictionary.
     *
     * @param source the array, for messages ({@code data.npz[x_train]})
     * @throws InvalidInputException when it is not a dictionary of exactly {@code descr},
     *     {@code fortran_order} and {@code shape} ({@code descr} naming a plain type; a type this
     *     reader does not read gives a null {@link #type()})
     */
    static NpyHeader parse(String text, String source) {
        Object parsed;
        try {
            Literal literal = new Literal(text);
            parsed = literal.value();
            literal.end();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(source + ": the .npy header is not the dictionary NumPy writes ("
                    + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> dictionary) || !dictionary.keySet().equals(KEYS)) {
            throw new InvalidInputException(source + ": the .npy header must be a dictionary of exactly 'descr', "
                    + "'fortran_order' and 'shape', found " + abbreviated(text.strip()));
        }
        if (!(dictionary.get("fortran_order") instanceof Boolean fortranOrder)) {
            throw new InvalidInputException(source + ": the .npy header's 'fortran_order' must be True or False, "
                    + "found " + dictionary.get("fortran_order"));
        }
        return withType(dictionary.get("descr"), shape(dictionary.get("shape"), source), fortranOrder, source);
    }

    private static NpyHeader withType(Object descr, long[] shape, boolean fortranOrder, String source) {
        if (!(descr instanceof String text)) {
            throw new InvalidInputException(source + ": holds a structured array (fields " + descr
                    + "); only plain arrays of numbers are read: save each field as its own array");
        }
        int start = 0;
        ByteOrder byteOrder = ByteOrder.nativeOrder();
        if (!text.isEmpty() && "<>|=".indexOf(text.charAt(0)) >= 0) {
            byteOrder = text.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN
                    : text.charAt(0) == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.nativeOrder();
            start = 1;
        }
        if (text.length() > start && text.charAt(start) == 'O') {
            return new NpyHeader(null, NpyType.describe('O', 0), byteOrder, shape, fortranOrder, 0);
        }
        if (text.length() < start + 2 || !text.substring(start + 1).matches("\\d{1,4}")) {
            throw new InvalidInputException(source + ": the .npy header's 'descr' '" + text + "' is not a NumPy type "
                    + "such as '<f4' or '|u1'" + (text.contains("[") ? " (dates and times are not read)" : ""));
        }
        char kind = text.charAt(start);
        int size = Integer.parseInt(text.substring(start + 1));
        return new NpyHeader(NpyType.of(kind, size), NpyType.describe(kind, size), byteOrder, shape, fortranOrder,
                0);
    }

    private static long[] shape(Object value, String source) {
        if (!(value instanceof List<?> dims)) {
            throw new InvalidInputException(source + ": the .npy header's 'shape' must be a tuple of sizes, found "
                    + value);
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long dim) || dim < 0) {
                throw new InvalidInputException(source + ": the .npy header's 'shape' must be a tuple of sizes of 0 or "
                        + "more, found " + dims.get(i) + " in " + dims);
            }
            shape[i] = dim;
        }
        return shape;
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /**
     * The part of Python's literal syntax NumPy's headers use: a dictionary of strings to strings,
     * {@code True}, {@code False}, {@code None}, integers (with Python 2's {@code L} suffix), and
     * tuples or lists of those, with optional trailing commas.
     */
    private static final class Literal {
        private static final int MAX_DEPTH = 32;

        private final String text;
        private int at;
        private int depth;

        Literal(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw new IllegalArgumentException("it ends where a value should be");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> dictionary();
                case '(' -> sequence(')');
                case '[' -> sequence(']');
                case '\'', '"' -> string(c);
                default -> c == '-' || Character.isDigit(c) ? integer() : word();
            };
        }

        void end() {
            skipSpace();
            if (at < text.length()) {
                throw new IllegalArgumentException("unexpected '" + text.charAt(at) + "' after the dictionary");
            }
        }

        private Map<String, Object> dictionary() {
            enter();
            at++;
            Map<String, Object> entries = new LinkedHashMap<>();
            while (!closes('}')) {
                Object key = value();
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException("a key is not a string: " + key);
                }
                expect(':');
                if (entries.put(name, value()) != null) {
                    throw new IllegalArgumentException("the key '" + name + "' appears twice");
                }
                if (closes('}')) {
                    break;
                }
                expect(',');
            }
            depth--;
            return entries;
        }

        private List<Object> sequence(char close) {
            enter();
            at++;
            List<Object> items = new ArrayList<>();
            while (!closes(close)) {
                items.add(value());
                if (closes(close)) {
                    break;
                }
                expect(',');
            }
            depth--;
            return items;
        }

        /** Whether the next character closes the container; consumes it if so. */
        private boolean closes(char close) {
            skipSpace();
            if (at >= text.length()) {
                throw new IllegalArgumentException("it ends before '" + close + "'");
            }
            if (text.charAt(at) == close) {
                at++;
                return true;
            }
            return false;
        }

        private String string(char quote) {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length() && text.charAt(at) != quote) {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    c = text.charAt(at++);
                }
                value.append(c);
            }
            if (at >= text.length()) {
                throw new IllegalArgumentException("a string is not closed");
            }
            at++;
            return value.toString();
        }

        private Long integer() {
            int start = at;
            if (text.charAt(at) == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            String digits = text.substring(start, at);
            if (at < text.length() && (text.charAt(at) == 'L' || text.charAt(at) == 'l')) {
                at++;
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + digits + "' is not a size", e);
            }
        }

        private Object word() {
            int start = at;
            while (at < text.length() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            String word = text.substring(start, at);
            return switch (word) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> "None"; // only ever a value NumPy's keys do not take, refused by what reads it
                default -> throw new IllegalArgumentException("unexpected '"
                        + (word.isEmpty() ? String.valueOf(text.charAt(at)) : word) + "'");
            };
        }

        private void expect(char c) {
            skipSpace();
            if (at >= text.length() || text.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at character " + at);
            }
            at++;
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("nested more than " + MAX_DEPTH + " levels");
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
