package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;

/**
 * A study whose search is TPE: its startup trials are planned and validated like any, the trials
 * proposed later join the same study (the same hash and folder), the proposals follow the
 * validation ELBO, and the recorded study runs it again.
 */
class TpeStudyTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(TpeStudyTest.class.getClassLoader());
    private static final UnaryOperator<String> NO_VARIABLES = Map.<String, String>of()::get;
    private static final String STUDY = """
            name: tpe
            base: base.yaml
            space:
              optimizer.lr: {log_uniform: [1.0e-4, 1.0e-2]}
              likelihood:
                choice:
                  - {type: laplace}
                  - {type: gaussian, sigma: fixed, sigma_value: {uniform: [0.05, 0.5]}}
            search: {type: tpe, trials: 6, seed: 2, startup_trials: 3, batch: 2}
            seeds: [1, 2]
            """;

    @TempDir
    Path work;

    @Test
    void theStartupTrialsArePlannedAndTheProposedOnesJoinTheSameStudy() throws IOException {
        StudyPlan plan = plan(STUDY);
        assertEquals(3 * 2, plan.trials().size(), "the startup points times the seeds");
        assertEquals(12, SearchRounds.totalTrials(plan));
        assertTrue(plan.trials().get(0).name().startsWith("t000-"), plan.trials().get(0).name());
        assertEquals("trials 6 to 11 are proposed by TPE as results arrive, 4 at a time, each round from the"
                + " validation ELBOs (test ELBOs without a validation split) of every trial of the earlier rounds",
                SearchRounds.laterTrials(plan).orElseThrow());
        ModelSearch search = plan.study().modelSearch();
        StudyPlan extended = new StudyPlanner(CATALOG, NO_VARIABLES).plan(plan.study()
                .withModelSearch(search.proposed(List.of(-3.0, -1.0, Double.NaN))), List.of());
        assertEquals(10, extended.trials().size(), "one round of two points, each with both seeds");
        assertEquals(plan.sha256(), extended.sha256(), "the proposed trials belong to the same study");
        assertEquals(plan.csv(), String.join("\n", extended.csv().lines().limit(7).toList()) + "\n");
        assertEquals(extended.trials().get(6).values(), extended.trials().get(7).values(), "a point with each seed");
        List<Double> reversed = new ArrayList<>(List.of(-1.0, -3.0, Double.NaN));
        assertNotEquals(extended.csv(), new StudyPlanner(CATALOG, NO_VARIABLES).plan(plan.study()
                .withModelSearch(search.proposed(reversed)), List.of()).csv(), "the values steer the proposals");
        assertNotEquals(plan.sha256(), plan(STUDY.replace("seed: 2", "seed: 3")).sha256());
        assertNotEquals(plan.sha256(), plan(STUDY.replace("batch: 2", "batch: 1")).sha256(),
                "the settings of the model are part of the study");
    }

    /**
     * The startup points' validation ELBOs rise with their index while their test ELBOs fall: the
     * round proposed from the runs is the one the validation ELBOs give, and, once the runs have no
     * validation ELBO, the one the test ELBOs give.
     */
    @Test
    void theSearchIsSteeredByTheValidationElboAndByTheTestElboOnlyWithoutAValidationSplit() throws IOException {
        StudyPlan plan = plan(STUDY);
        StudyPlanner planner = new StudyPlanner(CATALOG, NO_VARIABLES);
        ModelSearch search = plan.study().modelSearch();
        List<Double> validation = List.of(-300.0, -200.0, -100.0);
        List<Double> test = List.of(-100.0, -200.0, -300.0);
        String byValidation = planner.plan(plan.study().withModelSearch(search.proposed(validation)), List.of()).csv();
        String byTest = planner.plan(plan.study().withModelSearch(search.proposed(test)), List.of()).csv();
        assertNotEquals(byValidation, byTest, "the two metrics steer the search apart");

        Path runs = work.resolve("runs");
        for (Trial trial : plan.trials()) {
            int point = trial.index() / 2;
            finishedRun(runs, trial, Map.of("val/elbo", validation.get(point), "test/elbo", test.get(point)));
        }
        assertEquals(byValidation, known(plan, runs).csv());

        Path withoutValidation = work.resolve("runs-without-validation");
        for (Trial trial : plan.trials()) {
            finishedRun(withoutValidation, trial, Map.of("test/elbo", test.get(trial.index() / 2)));
        }
        assertEquals(byTest, known(plan, withoutValidation).csv());
    }

    /** {@code plan} with the rounds its runs in {@code runs} allow proposed, by the search of a real sweep. */
    private static StudyPlan known(StudyPlan plan, Path runs) throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new SearchRounds(new StudyRunner(CATALOG, runs, List.of(), quiet), new StudyPlanner(CATALOG,
                NO_VARIABLES), CATALOG, runs, quiet, 1).known(plan);
    }

    /** A run directory of {@code trial} that finished, its last epoch having logged {@code metrics}. */
    private static void finishedRun(Path runs, Trial trial, Map<String, Double> metrics) throws IOException {
        Path run = Files.createDirectories(runs.resolve("tpe").resolve("run-" + trial.index()));
        Files.writeString(run.resolve("provenance.json"), "{\"format\": 2, \"spec_sha256\": \"" + trial.sha256()
                + "\", \"seed\": " + trial.seed() + ", \"status\": \"FINISHED\"}\n");
        StringBuilder csv = new StringBuilder("step,epoch,metric,value\n");
        metrics.forEach((metric, value) -> csv.append("10,1,").append(metric).append(',').append(value).append('\n'));
        Files.writeString(run.resolve("metrics.csv"), csv);
    }

    @Test
    void theRecordedStudyOfATpeSearchIsTheSameStudy() throws IOException {
        StudyPlan ran = plan(STUDY);
        PlannedStudies.assertRecordedStudyIsTheSame(work, ran);
    }

    private StudyPlan plan(String study) throws IOException {
        return PlannedStudies.plan(work, study);
    }
}
