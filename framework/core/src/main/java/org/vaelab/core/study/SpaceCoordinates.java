package org.vaelab.core.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The coordinates of a space's unit cube as {@link SpaceTemplate} lays them out, each with what it
 * draws (a real, a whole number among {@code cells}, or one of a choice's options) and the choice
 * options it lies inside, so that a point tells which coordinates are active: those of the keys its
 * choices chose (a conditional key's coordinate is inactive where its option was not chosen).
 */
final class SpaceCoordinates {

    /**
     * One coordinate.
     *
     * @param kind what it draws
     * @param values for a whole number, how many values ({@code high - low + 1}); for a choice, how
     *     many options; 0 for a real
     * @param guards the choices it lies inside: pairs of the choice's coordinate and the option it is in
     */
    record Coordinate(Kind kind, int values, List<int[]> guards) {

        Coordinate {
            guards = List.copyOf(guards);
        }
    }

    /** What a coordinate draws. */
    enum Kind {
        /** A real: uniform, or log-uniform, whose coordinate is linear in the logarithm. */
        REAL,
        /** A whole number: the coordinate's cell. */
        WHOLE,
        /** A choice's option: the coordinate's cell. */
        CHOICE
    }

    private final List<Coordinate> coordinates = new ArrayList<>();

    /** The coordinates of {@code templates}, in the order they take them. */
    SpaceCoordinates(Collection<SpaceTemplate> templates) {
        templates.forEach(template -> add(template, List.of()));
    }

    /** The coordinates. */
    List<Coordinate> list() {
        return List.copyOf(coordinates);
    }

    /** Which coordinates {@code point} uses: those whose choices all chose the option they are in. */
    boolean[] active(double[] point) {
        boolean[] active = new boolean[coordinates.size()];
        for (int d = 0; d < active.length; d++) {
            active[d] = true;
            for (int[] guard : coordinates.get(d).guards()) {
                int options = coordinates.get(guard[0]).values();
                active[d] &= Math.min(options - 1, (int) Math.floor(point[guard[0]] * options)) == guard[1];
            }
        }
        return active;
    }

    private void add(SpaceTemplate template, List<int[]> guards) {
        if (template instanceof SpaceTemplate.Mapping mapping) {
            mapping.values().values().forEach(value -> add(value, guards));
        } else if (template instanceof SpaceTemplate.IntRange range) {
            // a range of more whole numbers than an int counts is modelled in as many cells as an int counts
            int cells = (int) Math.min(Integer.MAX_VALUE, range.high() - range.low() + 1);
            coordinates.add(new Coordinate(Kind.WHOLE, cells, guards));
        } else if (template instanceof SpaceTemplate.Choice choice) {
            int at = coordinates.size();
            coordinates.add(new Coordinate(Kind.CHOICE, choice.options().size(), guards));
            for (int option = 0; option < choice.options().size(); option++) {
                List<int[]> inside = new ArrayList<>(guards);
                inside.add(new int[] {at, option});
                add(choice.options().get(option), inside);
            }
        } else if (template.dimensions() == 1) {
            coordinates.add(new Coordinate(Kind.REAL, 0, guards));
        }
    }
}
