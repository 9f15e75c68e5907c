package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.spec.SpecLoader;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrialRecord;

/** The best trial of a study: the summary names it, marks its row, and writes its spec as best.yaml. */
class StudyBestTrialTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(StudyBestTrialTest.class.getClassLoader());
    private static final UnaryOperator<String> NO_VARIABLES = Map.<String, String>of()::get;

    @TempDir
    Path work;

    @Test
    void theBestIsTheFinishedTrialOfTheHighestTestElboTiesToTheFirstByName() throws IOException {
        StudyPlan plan = plan();
        StudySummary summary = new StudySummary(plan, List.of(
                outcome(plan, 0, RunStatus.FINISHED, -150), outcome(plan, 1, RunStatus.FINISHED, -140),
                outcome(plan, 2, RunStatus.FAILED, -100), outcome(plan, 3, RunStatus.FINISHED, -140)));
        assertEquals(plan.trials().get(1), summary.best().orElseThrow().trial(),
                "trial 2 failed however high its last ELBO; trial 3 ties with trial 1, which comes first by name");
        List<String> marked = summary.table().lines().filter(line -> line.endsWith("<- best")).toList();
        assertEquals(1, marked.size(), summary.table());
        assertTrue(marked.get(0).startsWith(plan.trials().get(1).name()), summary.table());

        Path runs = work.resolve("runs");
        StudyFolder folder = StudyFolder.open(runs, plan);
        assertTrue(folder.writeSummary(summary).contains("best.yaml"));
        Path best = folder.root().resolve("best.yaml");
        assertTrue(Files.readString(best).startsWith("# the best trial of study best (hash "
                + plan.sha256().substring(0, 8) + "): " + plan.trials().get(1).name() + ", test ELBO -140.0,"
                + " the highest of 3 finished trials"), Files.readString(best));
        assertEquals(plan.trials().get(1).sha256(), new SpecLoader(CATALOG, NO_VARIABLES).load(best, List.of())
                .sha256(), "best.yaml is the trial's spec: run, it is the same run");
    }

    @Test
    void withoutAFinishedTrialThereIsNoBestAndNoBestYaml() throws IOException {
        StudyPlan plan = plan();
        StudySummary summary = new StudySummary(plan, List.of(outcome(plan, 0, RunStatus.FAILED, -1),
                new TrialOutcome(plan.trials().get(1), Optional.empty()), outcome(plan, 2, RunStatus.KILLED, -1),
                outcome(plan, 3, RunStatus.RUNNING, -1)));
        assertTrue(summary.best().isEmpty());
        assertFalse(summary.table().contains("<- best"));
        StudyFolder folder = StudyFolder.open(work.resolve("runs"), plan);
        assertFalse(folder.writeSummary(summary).contains("best.yaml"));
        assertFalse(Files.exists(folder.root().resolve("best.yaml")));
    }

    private static TrialOutcome outcome(StudyPlan plan, int index, RunStatus status, double testElbo) {
        Trial trial = plan.trials().get(index);
        return new TrialOutcome(trial, Optional.of(new TrialRecord(trial.sha256(), status,
                Map.of("test/elbo", testElbo), 1.0)));
    }

    private StudyPlan plan() throws IOException {
        Files.copy(BadStudyGoldenTest.folder().resolve("base.yaml"), work.resolve("base.yaml"));
        Path file = Files.writeString(work.resolve("study.yaml"), "name: best\nbase: base.yaml\n"
                + "grid: {kl.beta: [0.5, 1, 2, 4]}\n");
        return new StudyPlanner(CATALOG, NO_VARIABLES).plan(new StudyReader(NO_VARIABLES).read(file), List.of());
    }
}
