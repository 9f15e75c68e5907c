package org.vaelab.core.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/** Key naming and "did you mean" suggestions. */
public final class Names {

    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    private Names() {
    }

    /** The YAML key of a Java record component: {@code latentDim -> latent_dim}. */
    public static String snakeCase(String javaName) {
        return CAMEL_BOUNDARY.matcher(javaName).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The known name closest to {@code typo}, if it is close: at most a third of its letters
     * changed (Levenshtein distance), and at least one letter the same.
     */
    public static Optional<String> closest(String typo, Collection<String> known) {
        int limit = Math.max(1, typo.length() / 3);
        return known.stream()
                .filter(k -> distance(typo.toLowerCase(java.util.Locale.ROOT), k) <= limit)
                .min(Comparator.comparingInt((String k) -> distance(typo, k)).thenComparing(k -> k));
    }

    /** " Did you mean 'x'?" or an empty string. */
    public static String didYouMean(String typo, Collection<String> known) {
        return closest(typo, known).map(k -> " Did you mean '" + k + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
