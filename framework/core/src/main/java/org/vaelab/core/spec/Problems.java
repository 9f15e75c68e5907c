package org.vaelab.core.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading a spec, so all of them are reported at once. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    /**
     * Records a problem, unless one was already recorded for the same value (same path and
     * location): the first problem of a value is its cause, later ones follow from it (an unset
     * variable leaves an empty text, which is then also not a number).
     */
    public void add(ErrorId id, String path, Location location, String message) {
        if (!path.isEmpty() && found.stream().anyMatch(p -> p.path().equals(path) && p.location().equals(location))) {
            return;
        }
        found.add(new Problem(id, path, location, message));
    }

    /** Whether nothing was found. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems in the order they were found. */
    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** Throws a {@link SpecException} for {@code source} if anything was found. */
    public void throwIfAny(String source) {
        if (!found.isEmpty()) {
            throw new SpecException(source, list());
        }
    }
}
