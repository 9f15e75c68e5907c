package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * proposed later join the same study (the same hash and folder), and the recorded study runs it again.
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
        assertEquals("trials 6 to 11 are proposed by TPE as results arrive, 4 at a time, each round from the test"
                + " ELBOs of every trial of the earlier rounds", SearchRounds.laterTrials(plan).orElseThrow());
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

    @Test
    void theRecordedStudyOfATpeSearchIsTheSameStudy() throws IOException {
        StudyPlan ran = plan(STUDY);
        PlannedStudies.assertRecordedStudyIsTheSame(work, ran);
    }

    private StudyPlan plan(String study) throws IOException {
        return PlannedStudies.plan(work, study);
    }
}
