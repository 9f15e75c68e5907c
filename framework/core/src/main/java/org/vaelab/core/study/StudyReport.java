package org.vaelab.core.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vaelab.spi.track.StudyResults;

/**
 * A study's results as its parent run in a tracker shows them ({@link StudyResults}): the best
 * trial (the finished one with the highest value of the study's {@link TrialRanking} metric, which
 * the results name), per-value means of the validation ELBO and the test metrics for each swept
 * key, a one-line description of each trial, and the summary table in markdown.
 */
public final class StudyReport {

    /** The metrics the parent run shows, in their order in the table. */
    static final List<String> METRICS = List.of("val/elbo", "test/elbo", "test/iwae_ll", "test/recon", "test/kl",
            "test/active_units");

    private StudyReport() {
    }

    /** The results of {@code summary}'s study. */
    public static StudyResults of(StudySummary summary) {
        List<TrialOutcome> ranked = summary.ranked();
        Optional<TrialOutcome> best = summary.best();
        Map<String, Double> metrics = new LinkedHashMap<>();
        best.ifPresent(outcome -> logged(outcome).forEach((key, value) -> metrics.put("best/" + key, value)));
        metrics.putAll(perValueMeans(summary));
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (TrialOutcome outcome : summary.outcomes()) {
            descriptions.put(outcome.trial().sha256(), describe(summary, outcome, ranked));
        }
        return new StudyResults(markdown(summary, best), metrics,
                best.map(outcome -> new StudyResults.BestTrial(outcome.trial().name(), outcome.trial().sha256(),
                        logged(outcome))), descriptions, (int) summary.finished(), summary.ranking().metric());
    }

    /**
     * For each swept key and each of its values, the mean of every metric of {@link #METRICS} over
     * the finished trials giving the key that value: {@code sweep/KEY/VALUE/test/elbo}.
     */
    private static Map<String, Double> perValueMeans(StudySummary summary) {
        Map<String, List<TrialOutcome>> groups = new LinkedHashMap<>();
        for (TrialOutcome outcome : summary.outcomes()) {
            if (outcome.finished()) {
                outcome.trial().values().forEach((key, value) -> groups.computeIfAbsent(
                        "sweep/" + key + "/" + metricSafe(value.label()), group -> new ArrayList<>()).add(outcome));
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        groups.forEach((group, outcomes) -> {
            for (String metric : METRICS) {
                double mean = outcomes.stream().mapToDouble(outcome -> outcome.metric(metric)).average()
                        .orElse(Double.NaN);
                if (!Double.isNaN(mean)) {
                    means.put(group + "/" + metric, mean);
                }
            }
        });
        return means;
    }

    /** A label as a piece of a metric name, which MLflow allows letters, digits, {@code _ - .} and space in. */
    private static String metricSafe(String label) {
        return label.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** The values of {@link #METRICS} that {@code outcome} logged. */
    private static Map<String, Double> logged(TrialOutcome outcome) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String metric : METRICS) {
            double value = outcome.metric(metric);
            if (!Double.isNaN(value)) {
                metrics.put(metric, value);
            }
        }
        return metrics;
    }

    /**
     * {@code Trial 2 of 3 of study beta: kl.beta=2, seed 1; validation ELBO -249.80 nats, rank 1 of 3 by it
     * (higher is better); test ELBO -250.12 nats}.
     */
    private static String describe(StudySummary summary, TrialOutcome outcome, List<TrialOutcome> ranked) {
        StudyPlan plan = summary.plan();
        String values = outcome.trial().values().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().yaml()).collect(Collectors.joining(", "));
        String head = String.format(Locale.ROOT, "Trial %d of %d of study %s: %sseed %d", outcome.trial().index() + 1,
                plan.trials().size(), plan.study().name(), values.isEmpty() ? "" : values + ", ",
                outcome.trial().seed());
        int rank = ranked.indexOf(outcome);
        if (rank < 0) {
            return head + "; " + outcome.status();
        }
        TrialRanking ranking = summary.ranking();
        String ranks = String.format(Locale.ROOT, "; %s %.2f nats, rank %d of %d by it (higher is better)",
                ranking.title(), outcome.metric(ranking.metric()), rank + 1, ranked.size());
        return head + (ranking == TrialRanking.TEST ? ranks
                : ranks + String.format(Locale.ROOT, "; test ELBO %.2f nats", outcome.metric("test/elbo")));
    }

    /** The study in a sentence, then one table row per trial, the best in bold. */
    private static String markdown(StudySummary summary, Optional<TrialOutcome> best) {
        StudyPlan plan = summary.plan();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "VAELab study **%s** (hash %s, from `%s`): %d of %d trials finished.", plan.study().name(),
                plan.sha256().substring(0, 8), plan.study().source(), summary.finished(), plan.trials().size()));
        TrialRanking ranking = summary.ranking();
        best.ifPresent(outcome -> out.append(String.format(Locale.ROOT,
                " Best by %s (higher is better): **%s**, %.2f nats (`%s`).", ranking.chosenBy(),
                outcome.trial().name(), outcome.metric(ranking.metric()), ranking.metric())));
        out.append("\n\n| trial | ");
        plan.sweptKeys().forEach(key -> out.append(key).append(" | "));
        out.append("seed | status | ").append(String.join(" | ", METRICS)).append(" | wall s |\n|");
        out.append(" --- |".repeat(plan.sweptKeys().size() + 3)).append(" ---: |".repeat(METRICS.size() + 1))
                .append('\n');
        for (TrialOutcome outcome : summary.outcomes()) {
            String name = best.filter(outcome::equals).isPresent() ? "**" + outcome.trial().name() + "**"
                    : outcome.trial().name();
            out.append("| ").append(name).append(" | ");
            outcome.trial().values().values().forEach(value -> out.append('`').append(value.yaml()).append("` | "));
            out.append(outcome.trial().seed()).append(" | ").append(outcome.status()).append(" | ");
            for (String metric : METRICS) {
                out.append(cell(outcome.metric(metric))).append(" | ");
            }
            out.append(cell(outcome.record().map(record -> record.wallSeconds()).orElse(Double.NaN))).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
