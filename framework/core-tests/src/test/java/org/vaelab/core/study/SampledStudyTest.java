package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;

/** A study whose trials a search draws from a space: ordinary trials, the same ones on every run. */
class SampledStudyTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(SampledStudyTest.class.getClassLoader());
    private static final UnaryOperator<String> NO_VARIABLES = Map.<String, String>of()::get;
    private static final String SPACE = """
            base: base.yaml
            grid: {train.batch_size: [16, 32]}
            space:
              optimizer.lr: {log_uniform: [1.0e-4, 1.0e-2]}
              model.latent_dim: {int: [2, 5]}
              likelihood:
                choice:
                  - {type: laplace}
                  - {type: gaussian, sigma: fixed, sigma_value: {uniform: [0.05, 0.5]}}
            seeds: [1, 2]
            """;

    @TempDir
    Path work;

    @Test
    void drawnTrialsAreOrdinaryTrialsWithinTheSpaceAndConditionalKeysOnlyWhereChosen() throws IOException {
        StudyPlan plan = plan("name: drawn\n" + SPACE + "search: {type: sobol, trials: 6, seed: 4}\n");
        assertEquals(2 * 6 * 2, plan.trials().size(), "the grid times the drawn points times the seeds");
        assertEquals(List.of("train.batch_size", "optimizer.lr", "model.latent_dim", "likelihood"), plan.sweptKeys());
        assertEquals(24, plan.trials().stream().map(Trial::sha256).distinct().count());
        int gaussians = 0;
        for (Trial trial : plan.trials()) {
            Map<String, String> params = trial.resolved().params();
            double lr = Double.parseDouble(params.get("optimizer.lr"));
            int latent = Integer.parseInt(params.get("model.latent_dim"));
            assertTrue(lr >= 1e-4 && lr <= 1e-2 && latent >= 2 && latent <= 5, trial.name());
            assertEquals(trial.values().get("optimizer.lr").yaml(), SpaceTemplate.real(null, lr).text());
            if (params.get("likelihood.type").equals("gaussian")) {
                gaussians++;
                double sigma = Double.parseDouble(params.get("likelihood.sigma_value"));
                assertTrue(sigma >= 0.05 && sigma <= 0.5, trial.name());
                assertTrue(trial.name().contains("-likelihood=gaussian-fixed-"), trial.name());
            } else {
                assertFalse(params.containsKey("likelihood.sigma_value"), trial.name());
            }
        }
        assertTrue(gaussians > 0 && gaussians < 24, "both options are drawn");
        Trial first = plan.trials().get(0);
        Trial secondSeed = plan.trials().get(1);
        assertEquals(first.values(), secondSeed.values(), "the seeds repeat each drawn point");
        assertTrue(plan.describe().contains(first.name()), plan.describe());
    }

    @Test
    void theSameFileAndSeedDrawTheSameTrialsAndAnotherSeedOthers() throws IOException {
        StudyPlan sobol = plan("name: same\n" + SPACE + "search: {type: sobol, trials: 4, seed: 4}\n");
        assertEquals(sobol.csv(), plan("name: same\n" + SPACE + "search: {type: sobol, trials: 4, seed: 4}\n").csv());
        assertNotEquals(sobol.sha256(), plan("name: same\n" + SPACE + "search: {type: sobol, trials: 4, seed: 5}\n")
                .sha256());
        StudyPlan random = plan("name: same\n" + SPACE + "search: {type: random, trials: 4, seed: 4}\n");
        assertNotEquals(sobol.sha256(), random.sha256());
        List<String> fewer = plan("name: same\n" + SPACE + "search: {type: random, trials: 3, seed: 4}\n").trials()
                .stream().map(trial -> trial.values().toString()).toList();
        List<String> more = random.trials().stream().map(trial -> trial.values().toString()).toList();
        assertEquals(fewer.subList(0, 4), more.subList(0, 4), "the first trials of a longer search are the same");
    }

    @Test
    void theRecordedStudyOfASearchIsTheSameStudy() throws IOException {
        StudyPlan ran = plan("name: recorded\n" + SPACE + "search: {type: random, trials: 3, seed: 9}\n");
        PlannedStudies.assertRecordedStudyIsTheSame(work, ran);
    }

    private StudyPlan plan(String study) throws IOException {
        return PlannedStudies.plan(work, study);
    }
}
