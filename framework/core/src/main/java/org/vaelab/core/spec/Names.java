package org.vaelab.core.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vaelab.spi.InvalidConfigException;

/** Key naming, the rule for names that name folders, and "did you mean" suggestions. */
public final class Names {

    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Names() {
    }

    /** The YAML key of a Java record component: {@code latentDim -> latent_dim}. */
    public static String snakeCase(String javaName) {
        return CAMEL_BOUNDARY.matcher(javaName).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Checks {@code name}, the value of {@code key} in a record's compact constructor, against the
     * rule for names that name a folder (an experiment's, a study's).
     *
     * @throws InvalidConfigException if it breaks the rule, saying what is allowed
     */
    public static void requireFolderName(String key, String name) {
        if (!FOLDER_NAME.matcher(name).matches()) {
            throw new InvalidConfigException(key, "must be 1 to 100 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit (it names a folder), found '" + name + "'");
        }
    }

    /**
     * The known name closest to {@code typo}, if it is close: at most a third of its letters
     * changed (edit distance, where swapping two neighbouring letters is one change), and at least
     * one letter the same.
     */
    public static Optional<String> closest(String typo, Collection<String> known) {
        String lower = typo.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, typo.length() / 3);
        return known.stream()
                .filter(k -> distance(lower, k) <= limit && distance(lower, k) < Math.max(lower.length(), k.length()))
                .min(Comparator.comparingInt((String k) -> distance(lower, k)).thenComparing(k -> k));
    }

    /** " Did you mean 'x'?" or an empty string. */
    public static String didYouMean(String typo, Collection<String> known) {
        return closest(typo, known).map(k -> " Did you mean '" + k + "'?").orElse("");
    }

    /** Optimal string alignment distance: Levenshtein plus transposition of neighbouring letters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                d[i][j] = Math.min(substitution, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
