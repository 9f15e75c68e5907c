package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;

/** Expansion order, names, hashes and the trials' specs of a valid study. */
class StudyPlannerTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(StudyPlannerTest.class.getClassLoader());

    @TempDir
    Path work;

    @Test
    void gridThenZipThenSeedsWithTheLastAxisFastest() throws IOException {
        StudyPlan plan = plan("""
                name: order
                base: base.yaml
                set: {train.epochs: 2}
                grid:
                  kl.beta: [0.5, 2]
                  likelihood: [{type: gaussian, sigma: fixed, sigma_value: 0.1}, {type: laplace}]
                zip:
                  - model.latent_dim: [2, 3]
                    model.encoder.hidden: [[8], [16, 8]]
                seeds: [1, 2]
                """);
        assertEquals(16, plan.trials().size());
        assertEquals(List.of("kl.beta", "likelihood", "model.latent_dim", "model.encoder.hidden"), plan.sweptKeys());
        assertEquals("t000-beta=0.5-likelihood=gaussian-fixed-0.1-latent_dim=2-hidden=8-seed=1",
                plan.trials().get(0).name());
        assertEquals("t001-beta=0.5-likelihood=gaussian-fixed-0.1-latent_dim=2-hidden=8-seed=2",
                plan.trials().get(1).name());
        assertEquals("t002-beta=0.5-likelihood=gaussian-fixed-0.1-latent_dim=3-hidden=16x8-seed=1",
                plan.trials().get(2).name());
        assertEquals("t015-beta=2-likelihood=laplace-latent_dim=3-hidden=16x8-seed=2", plan.trials().get(15).name());
        var last = plan.trials().get(15).resolved().spec();
        assertEquals("order", last.name());
        assertEquals(2, last.seed());
        assertEquals(3, last.model().latentDim());
        assertEquals("laplace", last.likelihood().type());
        assertEquals(2, last.train().epochs());
        assertEquals("2.0", plan.trials().get(15).resolved().params().get("kl.beta"));
        assertEquals("[16, 8]", plan.trials().get(15).resolved().params().get("model.encoder.hidden"));
        assertEquals(16, plan.trials().stream().map(Trial::sha256).distinct().count(), "every trial's spec differs");
    }

    @Test
    void theStudyHashDependsOnTheTrialsNotOnHowTheyWereWritten() throws IOException {
        StudyPlan file = plan("name: same\nbase: base.yaml\ngrid: {kl.beta: [1, 2]}\n");
        StudyPlan reordered = plan("base: base.yaml\ngrid:\n  kl.beta: [1, 2]\nname: same\nmax_runs: 5\n");
        StudyPlan commandLine = new StudyPlanner(CATALOG, Map.<String, String>of()::get).plan(
                new StudyReader(Map.<String, String>of()::get).commandLine(work.resolve("base.yaml"),
                        List.of("kl.beta=1,2"), 100), List.of());
        assertEquals(file.sha256(), reordered.sha256());
        assertEquals("same-" + file.sha256().substring(0, 8), file.folderName());
        assertNotEquals(file.sha256(), plan("name: same\nbase: base.yaml\ngrid: {kl.beta: [1, 4]}\n").sha256());
        assertEquals(List.of("t000-beta=1-seed=3", "t001-beta=2-seed=3"),
                commandLine.trials().stream().map(Trial::name).toList());
        assertEquals("index,trial,kl.beta,seed,spec_sha256\n0,t000-beta=1-seed=3,1,3," + file.trials().get(0).sha256()
                + "\n1,t001-beta=2-seed=3,2,3," + file.trials().get(1).sha256() + "\n", file.csv());
    }

    @Test
    void theRecordedStudyRunsTheSameStudyAgainFromItsFolder() throws IOException {
        StudyReader reader = new StudyReader(Map.<String, String>of()::get);
        StudyPlanner planner = new StudyPlanner(CATALOG, Map.<String, String>of()::get);
        StudyPlan fromFile = plan("name: recorded\nbase: base.yaml\nset: {train.epochs: 2}\ngrid: {kl.beta: [0.5, 2]}\n"
                + "zip: {model.latent_dim: [2, 3]}\nseeds: [1, 2]\n",
                List.of("train.batch_size=16", "model.encoder.hidden=[8]"));
        StudyPlan fromCommandLine = planner.plan(reader.commandLine(work.resolve("base.yaml"),
                List.of("kl.beta=1,2", "likelihood={type: laplace},{type: bernoulli}"), 100), List.of("seed=9"));
        for (StudyPlan ran : List.of(fromFile, fromCommandLine)) {
            Path folder = Files.createDirectories(work.resolve("runs/studies").resolve(ran.folderName()));
            Path recorded = Files.writeString(folder.resolve("study.yaml"), ran.recorded(folder));

            StudyPlan again = planner.plan(reader.read(recorded), List.of());

            assertEquals(ran.sha256(), again.sha256(), Files.readString(recorded));
            assertEquals(ran.trials().stream().map(Trial::name).toList(),
                    again.trials().stream().map(Trial::name).toList());
            assertEquals(ran.study().name(), again.study().name());
        }
    }

    private StudyPlan plan(String study) throws IOException {
        return plan(study, List.of());
    }

    private StudyPlan plan(String study, List<String> overrides) throws IOException {
        Files.copy(BadStudyGoldenTest.folder().resolve("base.yaml"), work.resolve("base.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Path file = Files.writeString(work.resolve("study.yaml"), study);
        return new StudyPlanner(CATALOG, Map.<String, String>of()::get).plan(
                new StudyReader(Map.<String, String>of()::get).read(file), overrides);
    }
}
