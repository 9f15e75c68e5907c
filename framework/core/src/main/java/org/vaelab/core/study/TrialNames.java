package org.vaelab.core.study;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names trials {@code t007-beta=2-latent_dim=8-seed=1}: the zero-padded index, each swept key
 * (its last dotted part, or the whole key where two keys share that part) with its value's
 * label, and the seed.
 */
final class TrialNames {

    /** The spec key a study's seeds set. */
    static final String SEED = "seed";

    private final List<String> keys;
    private final String format;

    /** @param keys the swept keys, seed excluded; @param trials how many trials the study has */
    TrialNames(List<String> keys, int trials) {
        this.keys = List.copyOf(keys);
        this.format = "t%0" + Math.max(3, Integer.toString(Math.max(0, trials - 1)).length()) + "d";
    }

    String name(int index, Map<String, SweptValue> values, long seed) {
        StringBuilder name = new StringBuilder(String.format(Locale.ROOT, format, index));
        values.forEach((key, value) -> name.append('-').append(shortKey(key)).append('=').append(value.label()));
        return name.append("-seed=").append(seed).toString();
    }

    private String shortKey(String key) {
        String last = last(key);
        boolean clash = keys.stream().filter(other -> !other.equals(key)).anyMatch(other -> last(other).equals(last));
        return clash ? key : last;
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
