package org.vaelab.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaelab.core.artifacts.Figure;
import org.vaelab.core.artifacts.StudyCharts;
import org.vaelab.core.run.RunDirectory;

/**
 * A study's folder, {@code runs/studies/NAME-HASH8/}: {@code study.yaml} (the study as written),
 * {@code plan.csv}, {@code summary.csv}, {@code best.yaml} (the best trial's spec), {@code plots/},
 * each trial's output in {@code logs/} and the lock of each trial a sweep is running in
 * {@code locks/}. Every file but the logs is written atomically.
 */
public final class StudyFolder {

    static final String STUDY_FILE = "study.yaml";
    static final String PLAN_FILE = "plan.csv";
    static final String SUMMARY_FILE = "summary.csv";
    static final String BEST_SPEC_FILE = "best.yaml";

    private final RunDirectory directory;

    private StudyFolder(RunDirectory directory) {
        this.directory = directory;
    }

    /** The folder of {@code plan} under {@code runsRoot}, created if new. */
    public static StudyFolder open(Path runsRoot, StudyPlan plan) throws IOException {
        return new StudyFolder(RunDirectory.open(runsRoot.resolve("studies").resolve(plan.folderName())));
    }

    /** The folder. */
    public Path root() {
        return directory.root();
    }

    /** Writes the study and its plan; returns their paths relative to the folder. */
    public List<String> writePlan(StudyPlan plan) throws IOException {
        directory.writeText(STUDY_FILE, plan.recorded(directory.root()));
        directory.writeText(PLAN_FILE, plan.csv());
        return List.of(STUDY_FILE, PLAN_FILE);
    }

    /** Writes the summary table, the best trial's spec and the plots; returns their paths relative to the folder. */
    public List<String> writeSummary(StudySummary summary) throws IOException {
        List<String> written = new ArrayList<>();
        directory.writeText(SUMMARY_FILE, summary.csv());
        written.add(SUMMARY_FILE);
        Optional<String> best = summary.bestSpec();
        if (best.isPresent()) {
            directory.writeText(BEST_SPEC_FILE, best.get());
            written.add(BEST_SPEC_FILE);
        }
        for (Figure figure : StudyCharts.render(summary.plan().sweptKeys(), summary.points())) {
            directory.write(figure.path(), figure.content()::writeTo);
            written.add(figure.path());
        }
        return written;
    }

    /**
     * Locks {@code trials} for this process until the returned locks are closed.
     *
     * @throws org.vaelab.spi.InvalidInputException when another process is running one of them
     */
    public TrialLocks lock(List<Trial> trials) throws IOException {
        return TrialLocks.acquire(this, trials);
    }

    /** The file whose lock marks {@code trial} as being run. */
    Path lockFile(Trial trial) throws IOException {
        return directory.file("locks/" + trial.name() + ".lock");
    }

    /** Where the output of {@code trial}'s process goes. */
    public Path logFile(Trial trial) throws IOException {
        return directory.file("logs/" + trial.name() + ".log");
    }
}
