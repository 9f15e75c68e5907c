package org.vaelab.core.study;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A study expanded into its trials, every one validated, in a fixed order.
 *
 * @param study the study as written
 * @param overrides the command line's {@code --set} assignments, applied to every trial
 * @param trials every trial, by index
 * @param sha256 the study's hash: over its name and its trials' spec hashes, so the same study
 *     gives the same hash on every machine, and any change to a trial's spec gives a new one
 */
public record StudyPlan(StudyDefinition study, List<String> overrides, List<Trial> trials, String sha256) {

    public StudyPlan {
        overrides = List.copyOf(overrides);
        trials = List.copyOf(trials);
    }

    /** The study file that runs this plan again when kept in {@code folder} ({@link RecordedStudy}). */
    public String recorded(Path folder) {
        return RecordedStudy.yaml(this, overrides, folder);
    }

    /** The swept keys other than the seed, in the study's order. */
    public List<String> sweptKeys() {
        return study.sweptKeys().stream().filter(key -> !key.equals(TrialNames.SEED)).toList();
    }

    /** The study folder's name under {@code runs/studies/}: the study's name and its hash's prefix. */
    public String folderName() {
        return study.name() + "-" + sha256.substring(0, 8);
    }

    /** {@code plan.csv}: index, trial, each swept key's value, seed, the spec's hash. */
    public String csv() {
        List<String> header = new ArrayList<>(List.of("index", "trial"));
        header.addAll(sweptKeys());
        header.addAll(List.of("seed", "spec_sha256"));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            printer.printRecord(header);
            for (Trial trial : trials) {
                List<Object> row = new ArrayList<>(List.of(trial.index(), trial.name()));
                trial.values().values().forEach(value -> row.add(value.yaml()));
                row.add(trial.seed());
                row.add(trial.sha256());
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The epochs of the pruning's rungs, the last the trials' last epoch; empty without pruning. */
    public List<Integer> rungs() {
        return study.pruning() == null ? List.of()
                : study.pruning().rule().rungs(trials.get(0).resolved().spec().train().epochs());
    }

    /**
     * The plan as {@code vae sweep --dry-run} prints it: a header line with the study's number of
     * trials, one line per trial known (a TPE search's later trials are proposed as it runs), then
     * the pruning's rungs, each with how many trials reach it at most (fewer when trials fail).
     */
    public String describe() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "study %s: %d trials of %s (study hash %s)%n",
                study.name(), SearchRounds.totalTrials(this), study.base(), sha256.substring(0, 8)));
        for (Trial trial : trials) {
            StringBuilder values = new StringBuilder();
            trial.values().forEach((key, value) -> values.append(key).append('=').append(value.yaml()).append(' '));
            out.append(String.format(Locale.ROOT, "  %s  spec %s  %sseed=%d%n", trial.name(),
                    trial.sha256().substring(0, 8), values, trial.seed()));
        }
        if (study.pruning() != null) {
            out.append(String.format(Locale.ROOT, "pruning: successive halving on %s, eta %d; rungs:",
                    study.pruning().metric(), study.pruning().eta()));
            int reaching = trials.size();
            for (int rung : rungs()) {
                out.append(String.format(Locale.ROOT, " epoch %d (%d trials)", rung, reaching));
                reaching = Math.max(1, reaching / study.pruning().eta());
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
