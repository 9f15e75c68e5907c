package org.vaelab.core.study;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} deterministic slices of a study, for job arrays: shard {@code index} runs
 * the trials whose index leaves remainder {@code index} when divided by {@code count}, so every
 * shard gets a similar mix of the grid and the shards together run each trial exactly once.
 *
 * @param index this shard, from 0
 * @param count how many shards there are
 */
public record Shard(int index, int count) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    /** The whole study. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is I/N with 0 <= I < N, such as 0/4; found " + index + "/"
                    + count);
        }
    }

    /** Reads {@code I/N}, such as {@code 2/4}. */
    public static Shard parse(String text) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a shard is I/N with 0 <= I < N, such as 0/4; found '" + text + "'");
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** Whether this shard runs {@code trial}. */
    public boolean runs(Trial trial) {
        return runs(trial.index());
    }

    /** Whether this shard runs the trial of index {@code trial}. */
    public boolean runs(int trial) {
        return trial % count == index;
    }

    /** Whether this is the whole study rather than a slice. */
    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
