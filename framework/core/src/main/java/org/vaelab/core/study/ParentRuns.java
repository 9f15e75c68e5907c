package org.vaelab.core.study;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.run.RunOptions;
import org.vaelab.spi.Family;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.StudyInfo;
import org.vaelab.spi.track.StudyResults;
import org.vaelab.spi.track.StudyRun;
import org.vaelab.spi.track.Tracker;
import org.vaelab.spi.track.TrialRecord;

/**
 * The study's parent run in each tracker of its trials' spec that has parent runs (MLflow), found
 * by the study's hash or created. A tracker that cannot be reached is reported once and left out:
 * the trials still run and record themselves locally.
 */
public final class ParentRuns {

    /** Tag of a study's parent run and of its trial runs: the study's hash. */
    public static final String STUDY_TAG = "vaelab.study_sha256";

    private final List<StudyRun> runs;

    private ParentRuns(List<StudyRun> runs) {
        this.runs = List.copyOf(runs);
    }

    /** Opens the parent run of {@code plan} in every tracker of its first trial's spec. */
    public static ParentRuns open(StudyPlan plan, ComponentCatalog catalog, PrintStream out) {
        String name = plan.study().name();
        StudyInfo info = new StudyInfo(name, name + " (study " + plan.sha256().substring(0, 8) + ")", plan.sha256(),
                params(plan), Map.of(STUDY_TAG, plan.sha256(), "vaelab.study", name,
                        "vaelab.study_source", plan.study().source()));
        List<StudyRun> runs = new ArrayList<>();
        for (var component : plan.trials().get(0).resolved().spec().tracking()) {
            Tracker tracker = catalog.create(Family.TRACKER, component);
            try {
                Optional<StudyRun> run = tracker.openStudy(info);
                run.ifPresent(runs::add);
                run.flatMap(StudyRun::link).ifPresent(link -> out.println("study parent run in " + component.type()
                        + ": " + link));
            } catch (IOException e) {
                out.println("warning: tracker " + component.type() + ": the study's parent run could not be opened ("
                        + e.getMessage() + "); the trials run without it");
            }
        }
        return new ParentRuns(runs);
    }

    /** The tags that make a trial run a child of these parent runs, with the study's own. */
    public Map<String, String> childTags(StudyPlan plan, Trial trial) {
        Map<String, String> tags = new LinkedHashMap<>();
        runs.forEach(run -> tags.putAll(run.childTags()));
        tags.put(STUDY_TAG, plan.sha256());
        tags.put("vaelab.study", plan.study().name());
        tags.put("vaelab.trial", trial.name());
        tags.put(RunOptions.RUN_NAME_TAG, trial.name());
        tags.put("vaelab.trial_index", Integer.toString(trial.index()));
        return tags;
    }

    /** Every trial run the trackers recorded for the study. */
    List<TrialRecord> trials() throws IOException {
        List<TrialRecord> trials = new ArrayList<>();
        for (StudyRun run : runs) {
            trials.addAll(run.trials());
        }
        return trials;
    }

    /** Shows the trial runs of spec hash {@code specSha256} as pruned in every tracker. */
    void prune(String specSha256) throws IOException {
        for (StudyRun run : runs) {
            run.prune(specSha256);
        }
    }

    /** Keeps files of the study folder (paths relative to it) with every parent run. */
    public void logArtifacts(Path folder, List<String> paths) throws IOException {
        for (StudyRun run : runs) {
            for (String path : paths) {
                run.logArtifact(folder.resolve(path), path);
            }
        }
    }

    /** Shows the study's results with every parent run. */
    public void summarize(StudyResults results) throws IOException {
        for (StudyRun run : runs) {
            run.summarize(results);
        }
    }

    /** Where a person sees each parent run. */
    public List<String> links() {
        return runs.stream().flatMap(run -> run.link().stream()).toList();
    }

    /** Ends every parent run. */
    public void end(RunStatus status) throws IOException {
        for (StudyRun run : runs) {
            run.end(status);
        }
    }

    private static Map<String, String> params(StudyPlan plan) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("study.base", plan.study().base().toString());
        params.put("study.trials", Integer.toString(SearchRounds.totalTrials(plan)));
        for (Axis axis : plan.study().axes()) {
            for (int k = 0; k < axis.keys().size(); k++) {
                int key = k;
                params.put("study.sweep." + axis.keys().get(k),
                        axis.points().stream().map(point -> point.get(key).yaml()).toList().toString());
            }
        }
        return params;
    }
}
