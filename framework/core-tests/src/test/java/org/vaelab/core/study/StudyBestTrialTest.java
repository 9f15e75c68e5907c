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
import org.vaelab.spi.track.StudyResults;
import org.vaelab.spi.track.TrialRecord;

/**
 * The best trial of a study: the summary names it and the metric that chose it (the validation
 * ELBO, or the test ELBO when no trial has a validation split), marks its row, and writes its spec
 * as best.yaml.
 */
class StudyBestTrialTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(StudyBestTrialTest.class.getClassLoader());
    private static final UnaryOperator<String> NO_VARIABLES = Map.<String, String>of()::get;

    @TempDir
    Path work;

    @Test
    void theBestIsTheFinishedTrialOfTheHighestValidationElboNotTheHighestTestElbo() throws IOException {
        StudyPlan plan = plan();
        StudySummary summary = new StudySummary(plan, List.of(
                outcome(plan, 0, RunStatus.FINISHED, -138, -150), outcome(plan, 1, RunStatus.FINISHED, -145, -139),
                outcome(plan, 2, RunStatus.FAILED, -100, -100), outcome(plan, 3, RunStatus.FINISHED, -150, -138)));
        assertEquals(TrialRanking.VALIDATION, summary.ranking());
        assertEquals(List.of(plan.trials().get(0), plan.trials().get(1), plan.trials().get(3)),
                summary.ranked().stream().map(TrialOutcome::trial).toList(),
                "by validation ELBO; trial 3 has the highest test ELBO of the finished trials and ranks last");
        List<String> marked = summary.table().lines().filter(line -> line.endsWith("<- best")).toList();
        assertEquals(1, marked.size(), summary.table());
        assertTrue(marked.get(0).startsWith(plan.trials().get(0).name()), summary.table());
        assertTrue(marked.get(0).contains("-138.00   -150.00"), "its val ELBO, then its test ELBO: " + marked);
        assertEquals("best trial by validation ELBO: " + plan.trials().get(0).name() + ", validation ELBO -138.00,"
                + " test ELBO -150.00; its spec: best.yaml", summary.bestLine(Path.of("best.yaml")).orElseThrow());
        assertTrue(summary.bestSpec().orElseThrow().startsWith("# the best trial of study best (hash "
                + plan.sha256().substring(0, 8) + ") by validation ELBO: " + plan.trials().get(0).name()
                + ", val/elbo -138.0, the highest of 3 finished trials; test/elbo -150.0\n"),
                summary.bestSpec().orElseThrow());
        StudyResults results = StudyReport.of(summary);
        assertEquals("val/elbo", results.rankedBy());
        assertEquals(plan.trials().get(0).name(), results.best().orElseThrow().name());
        assertEquals(Map.of("val/elbo", -138.0, "test/elbo", -150.0), results.best().orElseThrow().metrics());
        assertTrue(results.description().contains("Best by validation ELBO (higher is better): **"
                + plan.trials().get(0).name() + "**, -138.00 nats (`val/elbo`)."), results.description());
        assertTrue(results.trialDescriptions().get(plan.trials().get(3).sha256()).endsWith("; validation ELBO"
                + " -150.00 nats, rank 3 of 3 by it (higher is better); test ELBO -138.00 nats"),
                results.trialDescriptions().toString());
    }

    @Test
    void withoutAValidationSplitTheTestElboRanksTiesGoToTheFirstByNameAndEveryNamingSaysSo() throws IOException {
        StudyPlan plan = plan();
        StudySummary summary = new StudySummary(plan, List.of(
                outcome(plan, 0, RunStatus.FINISHED, -150), outcome(plan, 1, RunStatus.FINISHED, -140),
                outcome(plan, 2, RunStatus.FAILED, -100), outcome(plan, 3, RunStatus.FINISHED, -140)));
        assertEquals(TrialRanking.TEST, summary.ranking());
        assertEquals(plan.trials().get(1), summary.best().orElseThrow().trial(),
                "trial 2 failed however high its last ELBO; trial 3 ties with trial 1, which comes first by name");
        assertEquals("best trial by test ELBO (no validation split: chosen on the test split): "
                + plan.trials().get(1).name() + ", test ELBO -140.00; its spec: best.yaml",
                summary.bestLine(Path.of("best.yaml")).orElseThrow());
        StudyResults results = StudyReport.of(summary);
        assertEquals("test/elbo", results.rankedBy());
        assertTrue(results.description().contains("Best by test ELBO (no validation split: chosen on the test"
                + " split) (higher is better): **" + plan.trials().get(1).name() + "**"), results.description());
        List<String> marked = summary.table().lines().filter(line -> line.endsWith("<- best")).toList();
        assertEquals(1, marked.size(), summary.table());
        assertTrue(marked.get(0).startsWith(plan.trials().get(1).name()), summary.table());

        Path runs = work.resolve("runs");
        StudyFolder folder = StudyFolder.open(runs, plan);
        assertTrue(folder.writeSummary(summary).contains("best.yaml"));
        Path best = folder.root().resolve("best.yaml");
        assertTrue(Files.readString(best).startsWith("# the best trial of study best (hash "
                + plan.sha256().substring(0, 8) + ") by test ELBO (no validation split: chosen on the test split): "
                + plan.trials().get(1).name() + ", test/elbo -140.0, the highest of 3 finished trials\n"),
                Files.readString(best));
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

    private static TrialOutcome outcome(StudyPlan plan, int index, RunStatus status, double valElbo,
                                        double testElbo) {
        Trial trial = plan.trials().get(index);
        return new TrialOutcome(trial, Optional.of(new TrialRecord(trial.sha256(), status,
                Map.of("val/elbo", valElbo, "test/elbo", testElbo), 1.0)));
    }

    private StudyPlan plan() throws IOException {
        Files.copy(BadStudyGoldenTest.folder().resolve("base.yaml"), work.resolve("base.yaml"));
        Path file = Files.writeString(work.resolve("study.yaml"), "name: best\nbase: base.yaml\n"
                + "grid: {kl.beta: [0.5, 1, 2, 4]}\n");
        return new StudyPlanner(CATALOG, NO_VARIABLES).plan(new StudyReader(NO_VARIABLES).read(file), List.of());
    }
}
