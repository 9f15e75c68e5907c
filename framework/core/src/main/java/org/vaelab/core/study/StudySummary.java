package org.vaelab.core.study;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.vaelab.core.artifacts.StudyPoint;
import org.vaelab.core.eval.disentanglement.DisentanglementMetrics;

/**
 * A study's results, one row per trial: {@code summary.csv} and the table {@code vae sweep}
 * prints. Metric values are written exactly as the runs logged them, so two summaries of the same
 * trials are equal but for {@code wall_seconds}.
 *
 * @param plan the study
 * @param outcomes every trial with its run, by index
 */
public record StudySummary(StudyPlan plan, List<TrialOutcome> outcomes) {

    /** The metrics of the summary, each with its column. */
    private static final List<String> METRICS = List.of("val/elbo", "test/elbo", "test/recon", "test/kl",
            "test/iwae_ll", "test/active_units");

    /** The line above the table: what its numbers are and which way is better. */
    private static final String TABLE_HEADING = "nats per example, val ELBO on the validation split, the rest on the"
            + " test split: ELBOs and IWAE (the importance-weighted bound on log p(x)) higher is better, recon and KL"
            + " lower; AU: active units\n";

    public StudySummary {
        outcomes = List.copyOf(outcomes);
    }

    /** How many trials finished. */
    public long finished() {
        return outcomes.stream().filter(TrialOutcome::finished).count();
    }

    /** How many trials were pruned. */
    public long pruned() {
        return outcomes.stream().filter(outcome -> outcome.done() && !outcome.finished()).count();
    }

    /** The trials neither finished nor pruned. */
    public List<TrialOutcome> unfinished() {
        return outcomes.stream().filter(outcome -> !outcome.done()).toList();
    }

    /** The metric the trials are ranked by: the validation ELBO, or the test ELBO without a validation split. */
    public TrialRanking ranking() {
        return TrialRanking.of(outcomes);
    }

    /**
     * The finished trials with a value of the {@link #ranking} metric, best first: the highest value,
     * ties going to the first by name, whatever order or process the trials ran in.
     */
    public List<TrialOutcome> ranked() {
        String metric = ranking().metric();
        return outcomes.stream().filter(TrialOutcome::finished)
                .filter(outcome -> Double.isFinite(outcome.metric(metric)))
                .sorted(Comparator.comparingDouble((TrialOutcome outcome) -> outcome.metric(metric)).reversed()
                        .thenComparing(outcome -> outcome.trial().name()))
                .toList();
    }

    /** The study's result: the first of {@link #ranked}, empty when no trial finished with the ranking metric. */
    public Optional<TrialOutcome> best() {
        return ranked().stream().findFirst();
    }

    /**
     * {@code best.yaml}: the best trial's resolved spec, which {@code vae run} trains again, under a
     * comment that names the trial, the metric that chose it and where its relative paths point;
     * empty when no trial finished.
     */
    public Optional<String> bestSpec() {
        TrialRanking ranking = ranking();
        return best().map(outcome -> String.format(Locale.ROOT, "# the best trial of study %s (hash %s) by %s: %s,"
                + " %s %s, the highest of %d finished trials%s%n# `vae run` this file to train it again;"
                + " relative paths in it are relative to the folder of %s%n%s", plan.study().name(),
                plan.sha256().substring(0, 8), ranking.chosenBy(), outcome.trial().name(), ranking.metric(),
                outcome.metric(ranking.metric()), finished(), testElbo(outcome, "; test/elbo %s"),
                plan.study().base(), outcome.trial().resolved().yaml()));
    }

    /**
     * The line {@code vae sweep} prints after the table: the best trial, the metric that chose it
     * with its value (and its test ELBO, when the validation ELBO chose it), and {@code spec}, its
     * {@code best.yaml}; empty when no trial finished.
     */
    public Optional<String> bestLine(Path spec) {
        TrialRanking ranking = ranking();
        return best().map(outcome -> String.format(Locale.ROOT, "best trial by %s: %s, %s %.2f%s; its spec: %s",
                ranking.chosenBy(), outcome.trial().name(), ranking.title(), outcome.metric(ranking.metric()),
                testElbo(outcome, ", test ELBO %.2f"), spec));
    }

    /** {@code outcome}'s test ELBO in {@code format}, when the validation ELBO ranks; else nothing, as it ranks. */
    private String testElbo(TrialOutcome outcome, String format) {
        return ranking() == TrialRanking.VALIDATION
                ? String.format(Locale.ROOT, format, outcome.metric("test/elbo")) : "";
    }

    /**
     * {@code summary.csv}: index, trial, swept values, seed, status, the validation ELBO, the test
     * metrics (and the disentanglement scores, when a trial logged them), wall seconds.
     */
    public String csv() {
        List<String> header = new ArrayList<>(List.of("index", "trial"));
        header.addAll(plan.sweptKeys());
        header.addAll(List.of("seed", "status"));
        List<String> metrics = new ArrayList<>(METRICS);
        metrics.addAll(disentanglementNames());
        metrics.forEach(metric -> header.add(metric.replace('/', '_')));
        header.add("wall_seconds");
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            printer.printRecord(header);
            for (TrialOutcome outcome : outcomes) {
                List<Object> row = new ArrayList<>(List.of(outcome.trial().index(), outcome.trial().name()));
                outcome.trial().values().values().forEach(value -> row.add(value.yaml()));
                row.add(outcome.trial().seed());
                row.add(outcome.status());
                metrics.forEach(metric -> row.add(cell(outcome.metric(metric))));
                row.add(cell(outcome.record().map(r -> Math.round(r.wallSeconds() * 10) / 10.0).orElse(Double.NaN)));
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The summary as a table for the terminal, ELBO terms to two decimals, with the signs of
     * {@code summary.csv} and the trackers: the ELBOs and the importance-weighted log p(x) higher is
     * better, the reconstruction loss and the KL lower; the best trial's row marked.
     */
    public String table() {
        Optional<Trial> best = best().map(TrialOutcome::trial);
        int width = outcomes.stream().mapToInt(o -> o.trial().name().length()).max().orElse(5);
        StringBuilder out = new StringBuilder(TABLE_HEADING).append(String.format(Locale.ROOT,
                "%-" + width + "s  %-8s %9s %9s %9s %8s %9s %4s %8s%n",
                "trial", "status", "val ELBO", "ELBO", "recon", "KL", "IWAE", "AU", "wall s"));
        for (TrialOutcome outcome : outcomes) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %-8s %9.2f %9.2f %9.2f %8.2f %9.2f %4.0f %8.1f",
                    outcome.trial().name(), outcome.status(), outcome.metric("val/elbo"), outcome.metric("test/elbo"),
                    outcome.metric("test/recon"),
                    outcome.metric("test/kl"), outcome.metric("test/iwae_ll"), outcome.metric("test/active_units"),
                    outcome.record().map(r -> r.wallSeconds()).orElse(Double.NaN)).replace("NaN", "  -"))
                    .append(best.filter(outcome.trial()::equals).isPresent() ? "  <- best" : "")
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    /**
     * The finished and the pruned trials as points of the study's plots, each value by its short
     * label (as in trial names); a pruned trial's metrics are its last, logged at the rung where it stopped.
     */
    public List<StudyPoint> points() {
        List<StudyPoint> points = new ArrayList<>();
        for (TrialOutcome outcome : outcomes) {
            if (outcome.done()) {
                Map<String, String> values = new LinkedHashMap<>();
                outcome.trial().values().forEach((key, value) -> values.put(key, value.label()));
                Map<String, Double> scores = new LinkedHashMap<>();
                disentanglementNames().stream().filter(DisentanglementMetrics::isScore)
                        .forEach(name -> scores.put(name, outcome.metric(name)));
                scores.values().removeIf(value -> value.isNaN());
                points.add(new StudyPoint(values, outcome.metric("test/elbo"), outcome.metric("test/recon"),
                        outcome.metric("test/kl"), scores, !outcome.finished()));
            }
        }
        return points;
    }

    /** The disentanglement metrics any trial logged, in name order. */
    private List<String> disentanglementNames() {
        return outcomes.stream().flatMap(o -> o.record().stream()).flatMap(r -> r.metrics().keySet().stream())
                .filter(DisentanglementMetrics::names).distinct().sorted().toList();
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
