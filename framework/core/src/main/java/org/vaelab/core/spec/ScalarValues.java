package org.vaelab.core.spec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Option values of a plugin's own type written as one YAML scalar: a class (not a record or an
 * enum) with a {@code public static T parse(String)} method that reads the scalar's text, throwing
 * {@link IllegalArgumentException} with a message saying what is allowed, and a {@code toString()}
 * that writes the text {@code parse} reads back. Such as the data plugin's split size, a count
 * ({@code 5000}) or a fraction ({@code 0.1}, {@code 1/12}) in one option.
 */
public final class ScalarValues {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d*\\.\\d+([eE][-+]?\\d+)?");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    private ScalarValues() {
    }

    /** Whether options of {@code type} are values of this kind. */
    public static boolean isScalarValue(Class<?> type) {
        return parser(type).isPresent();
    }

    /**
     * {@code text} read as a value of {@code type}.
     *
     * @throws IllegalArgumentException what {@code parse} throws for text it does not take
     */
    public static Object parse(Class<?> type, String text) {
        Method parse = parser(type).orElseThrow(() -> new IllegalArgumentException(type + " has no parse(String)"));
        try {
            return parse.invoke(null, text);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalStateException(type.getName() + ".parse failed on '" + text + "'", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + ".parse is not accessible", e);
        }
    }

    /**
     * {@code value} as the YAML scalar its {@code toString()} spells: a whole number or a decimal as
     * a number, anything else as text.
     */
    public static Object plain(Object value) {
        String text = value.toString();
        if (INTEGER.matcher(text).matches()) {
            return new BigInteger(text);
        }
        if (DECIMAL.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        return text;
    }

    /** The type's name in words, for {@code vae plugins} and messages: {@code SplitSize} is "split size". */
    public static String describe(Class<?> type) {
        return WORD_BOUNDARY.matcher(type.getSimpleName()).replaceAll("$1 $2").toLowerCase(Locale.ROOT);
    }

    private static Optional<Method> parser(Class<?> type) {
        if (type.isPrimitive() || type.isEnum() || type.isRecord() || type.isInterface() || type == String.class) {
            return Optional.empty();
        }
        try {
            Method parse = type.getMethod("parse", String.class);
            return Modifier.isStatic(parse.getModifiers()) && type.isAssignableFrom(parse.getReturnType())
                    ? Optional.of(parse) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
