package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.artifacts.StudyPoint;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrialRecord;

/** A study's summary: the columns of trials that logged disentanglement scores, and the points of its plots. */
class StudySummaryTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(StudySummaryTest.class.getClassLoader());

    @TempDir
    Path work;

    @Test
    void disentanglementScoresGetColumnsAndOnlyTheUnitScoresReachThePlots() throws IOException {
        StudyPlan plan = plan("grid: {kl.beta: [1, 4]}\n");
        List<TrialOutcome> outcomes = new ArrayList<>();
        outcomes.add(new TrialOutcome(plan.trials().get(0), Optional.of(new TrialRecord("a", RunStatus.FINISHED,
                Map.of("test/elbo", -120.0, "disent/mig", 0.25, "disent/gaussian_tc", 3.5), 10))));
        outcomes.add(new TrialOutcome(plan.trials().get(1), Optional.empty()));
        StudySummary summary = new StudySummary(plan, outcomes);

        List<String> lines = summary.csv().lines().toList();
        assertEquals("index,trial,kl.beta,seed,status,val_elbo,test_elbo,test_recon,test_kl,test_iwae_ll,"
                + "test_active_units,disent_gaussian_tc,disent_mig,wall_seconds", lines.get(0));
        assertEquals(",,,,,3.5,0.25,10.0", lines.get(1).substring(lines.get(1).indexOf("-120.0") + 6));
        assertEquals("1,t001-beta=4-seed=3,4,3,NOT_RUN,,,,,,,,,", lines.get(2));
        List<StudyPoint> points = summary.points();
        assertEquals(1, points.size());
        assertEquals(Map.of("disent/mig", 0.25), points.get(0).disentanglement(), "nats are not a score");
    }

    @Test
    void prunedTrialsArePlotPointsFlaggedAtTheirLastValuesAndNeverTheBest() throws IOException {
        StudyPlan plan = plan("grid: {kl.beta: [1, 2, 4]}\n");
        StudySummary summary = new StudySummary(plan, List.of(
                outcome(plan, 0, RunStatus.FINISHED, -150, -151), outcome(plan, 1, RunStatus.PRUNED, -140, -139),
                outcome(plan, 2, RunStatus.FAILED, -130, -129)));
        assertEquals(plan.trials().get(0), summary.best().orElseThrow().trial(), "the finished trial, the only one");
        List<StudyPoint> points = summary.points();
        assertEquals(List.of("1", "2"), points.stream().map(p -> p.values().get("kl.beta")).toList(),
                "the finished and the pruned trial; the failed one is not plotted");
        assertEquals(List.of(false, true), points.stream().map(StudyPoint::pruned).toList());
        assertEquals(-139, points.get(1).elbo(), "the pruned trial's test ELBO, logged at its rung");
    }

    private static TrialOutcome outcome(StudyPlan plan, int index, RunStatus status, double valElbo,
                                        double testElbo) {
        Trial trial = plan.trials().get(index);
        return new TrialOutcome(trial, Optional.of(new TrialRecord(trial.sha256(), status,
                Map.of("val/elbo", valElbo, "test/elbo", testElbo, "test/recon", -testElbo - 5, "test/kl", 5.0), 1)));
    }

    private StudyPlan plan(String axes) throws IOException {
        Files.copy(BadStudyGoldenTest.folder().resolve("base.yaml"), work.resolve("base.yaml"));
        Path file = Files.writeString(work.resolve("study.yaml"), "name: betas\nbase: base.yaml\n" + axes);
        return new StudyPlanner(CATALOG, Map.<String, String>of()::get).plan(
                new StudyReader(Map.<String, String>of()::get).read(file), List.of());
    }
}
