package org.vaelab.core.study;

import java.util.List;
import org.vaelab.core.spec.Location;

/**
 * One dimension of a study's expansion: a grid key with its values, a {@code zip} group whose keys
 * move together (the i-th value of every key in one trial), or the seeds.
 *
 * @param keys the dotted spec keys this axis sets
 * @param keyLocations where each key was written
 * @param points the values of one step along the axis, one per key
 */
record Axis(List<String> keys, List<Location> keyLocations, List<List<SweptValue>> points) {

    Axis {
        keys = List.copyOf(keys);
        keyLocations = List.copyOf(keyLocations);
        points = points.stream().map(List::copyOf).toList();
    }

    /** An axis of one key. */
    static Axis of(String key, Location keyLocation, List<SweptValue> values) {
        return new Axis(List.of(key), List.of(keyLocation), values.stream().map(List::of).toList());
    }
}
