package org.vaelab.core.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value of a loaded spec was written, by dotted path, so that a problem found after
 * the spec was bound (once the data is loaded) is reported as a spec problem is: with its id, its
 * path and its line and column, or the {@code --set} that gave it.
 *
 * @param source the spec's file, as messages name it
 * @param locations the location of every value written in the spec (or set on the command line)
 */
public record SpecPlaces(String source, Map<String, Location> locations) {

    public SpecPlaces {
        locations = Map.copyOf(locations);
    }

    /** The places of every value in {@code tree}, the spec as written, overrides applied. */
    static SpecPlaces of(String source, SpecNode tree) {
        Map<String, Location> locations = new LinkedHashMap<>();
        collect(tree, "", locations);
        return new SpecPlaces(source, locations);
    }

    private static void collect(SpecNode node, String path, Map<String, Location> locations) {
        locations.put(path, node.location());
        if (node instanceof SpecNode.MapNode map) {
            map.entries().forEach((key, entry) -> collect(entry.value(), DottedPath.child(path, key), locations));
        } else if (node instanceof SpecNode.ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                collect(list.items().get(i), path + "[" + i + "]", locations);
            }
        }
    }

    /** Where {@code path} was written, or {@link Location#DEFAULT} for a value the spec left to its default. */
    public Location of(String path) {
        return locations.getOrDefault(path, Location.DEFAULT);
    }

    /** A spec problem about the value at {@code path}, at its place, as an exception that stops the run. */
    public SpecException problem(ErrorId id, String path, String message) {
        return new SpecException(source, List.of(new Problem(id, path, of(path), message)));
    }
}
