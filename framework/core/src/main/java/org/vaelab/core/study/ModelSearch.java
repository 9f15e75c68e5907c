package org.vaelab.core.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.random.MersenneTwister;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.core.spec.Location;
import org.vaelab.core.spec.Problems;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.SpecNode.MapNode;

/**
 * A search whose points a model proposes from the trials' results ({@code search: {type: tpe}}),
 * in rounds that do not depend on timing: round 0 is the {@code startup_trials} points drawn as a
 * random search draws them; each later round proposes {@code batch} points from the values of every
 * point of the earlier rounds, and waits until all of those ended. So the points are a function of
 * the study file, its seed and the values logged, in trial order, however many trials ran at once,
 * on how many machines, and however often the search was stopped and resumed. Each proposed point
 * draws its randomness from a Mersenne Twister seeded with the search's seed and the point's index.
 *
 * @param settings the search block
 * @param templates the space, by key in the order written
 * @param keyLocations where each key of the space was written
 * @param space the space as written, as one line of YAML: part of the study's identity
 * @param points the points known so far, by index
 */
record ModelSearch(SearchSettings settings, Map<String, SpaceTemplate> templates, List<Location> keyLocations,
                   String space, List<double[]> points) {

    ModelSearch {
        templates = new LinkedHashMap<>(templates);
        keyLocations = List.copyOf(keyLocations);
        points = points.stream().map(double[]::clone).toList();
    }

    /** The keys of a search block that only a model's search reads. */
    private static final List<String> MODEL_KEYS = List.of("startup_trials", "candidates", "gamma", "batch");

    /**
     * Reports each key of the search block {@code written} that only a TPE search reads, written for a
     * search of another type (which draws every point up front and would ignore it).
     */
    static void checkKeys(SearchSettings settings, SpecNode written, Problems problems) {
        if (settings == null || settings.type() == SearchSettings.Method.TPE || !(written instanceof MapNode map)) {
            return;
        }
        for (String key : MODEL_KEYS) {
            MapNode.Entry entry = map.entries().get(key);
            if (entry != null) {
                problems.add(ErrorId.STUDY_BAD_SEARCH, "search." + key, entry.keyLocation(), key + " goes with"
                        + " type: tpe, whose points are proposed from results; a " + settings.type().name()
                        .toLowerCase(Locale.ROOT) + " search draws every point up front. Remove it or use tpe");
            }
        }
    }

    /** The search of {@code settings} over {@code templates}, its startup points known. */
    static ModelSearch start(SearchSettings settings, Map<String, SpaceTemplate> templates,
                             List<Location> keyLocations, String space) {
        int dimensions = templates.values().stream().mapToInt(SpaceTemplate::dimensions).sum();
        double[][] startup = new SearchSettings(SearchSettings.Method.RANDOM,
                Math.min(settings.startupTrials(), settings.trials()), settings.seed()).points(dimensions);
        return new ModelSearch(settings, templates, keyLocations, space, Arrays.asList(startup));
    }

    /**
     * The points known once the points so far have {@code values}, by index: a value, NaN for a point
     * whose trials all ended without one (failed), null (or missing) for one not ended yet. Each
     * round whose earlier points all ended is proposed, until the search has all its trials.
     */
    ModelSearch proposed(List<Double> values) {
        List<double[]> known = new ArrayList<>(points);
        TreeParzenProposer proposer = new TreeParzenProposer(new SpaceCoordinates(templates.values()),
                settings.candidates(), settings.gamma());
        while (known.size() < settings.trials() && values.size() >= known.size()
                && values.subList(0, known.size()).stream().allMatch(value -> value != null)) {
            List<TreeParzenProposer.Observation> observations = new ArrayList<>();
            for (int i = 0; i < known.size(); i++) {
                if (Double.isFinite(values.get(i))) {
                    observations.add(new TreeParzenProposer.Observation(known.get(i), values.get(i)));
                }
            }
            int round = Math.min(settings.batch(), settings.trials() - known.size());
            for (int r = 0; r < round; r++) {
                int index = known.size();
                known.add(proposer.propose(observations, new MersenneTwister(new int[] {(int) settings.seed(),
                    (int) (settings.seed() >>> 32), index})));
            }
        }
        return new ModelSearch(settings, templates, keyLocations, space, known);
    }

    /** Whether every point of the search is known. */
    boolean complete() {
        return points.size() == settings.trials();
    }

    /** The axis of the known points: each gives every key of the space its value. */
    Axis axis() {
        return new Axis(List.copyOf(templates.keySet()), keyLocations, StudyAxes.draw(templates, points));
    }

    /** The space and search as a study file writes them. */
    String yaml() {
        return String.format(Locale.ROOT, "space: %s\nsearch: {type: tpe, trials: %d, seed: %d, startup_trials: %d,"
                + " candidates: %d, gamma: %s, batch: %d}\n", space, settings.trials(), settings.seed(),
                settings.startupTrials(), settings.candidates(), settings.gamma(), settings.batch());
    }

    /** What besides its trials makes the search the search it is, for the study's hash. */
    String identity() {
        return "tpe " + settings + "\nspace " + space;
    }
}
