package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.train.ElboTerms;
import org.vaelab.core.train.Evaluator;
import org.vaelab.core.train.Trainer;
import org.vaelab.spi.Family;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.Tracker;

/**
 * Runs one resolved spec: assembles it (all input checks happen here, before anything is
 * written), then creates the run directory, trains with per-epoch evaluation, and writes the
 * checkpoint and pictures. A failed run is marked FAILED (a stopped one KILLED) in
 * {@code provenance.json} and keeps every metric already written.
 */
public final class ExperimentRunner {

    static final String SPEC_FILE = "spec.resolved.yaml";
    static final String CHECKPOINT_FILE = "checkpoints/final.fb";
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ComponentCatalog catalog;

    public ExperimentRunner(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    /** Runs {@code resolved} to the end. */
    public RunResult run(ResolvedSpec resolved, RunOptions options) throws IOException {
        ExperimentSpec spec = resolved.spec();
        long started = System.nanoTime();
        Assembly model = Assembly.of(spec, catalog, options);
        Instant now = Instant.now();
        RunDirectory directory = RunDirectory.create(options.runsRoot(), spec.name(),
                RUN_TIME.format(now) + "-" + resolved.sha256().substring(0, 8));
        directory.writeText(SPEC_FILE, resolved.yaml());
        List<Tracker> trackers = new ArrayList<>();
        trackers.add(new LocalRunTracker(directory));
        spec.tracking().forEach(component -> trackers.add(catalog.create(Family.TRACKER, component)));
        Map<String, Object> provenance = Provenance.describe(resolved, options.specSource(), options.baseDirectory(), now);
        RunInfo info = new RunInfo(UUID.randomUUID().toString(), spec.name(), runName(spec, options, resolved), directory.root(),
                now.toEpochMilli(), resolved.params(), tags(resolved, provenance, options), DatasetIdentity.of(spec.data(), model.data()));
        try (OpenRun run = OpenRun.start(directory, provenance, new TrackerGroup(trackers), info)) {
            for (Map.Entry<String, String> fitted : model.data().fitted().entrySet()) {
                String path = "data/" + fitted.getKey();
                run.tracker().logArtifact(directory.writeText(path, fitted.getValue()), path);
            }
            options.out().printf(Locale.ROOT, "run %s%n%s%n", directory.root(), describe(model, spec));
            Trainer trainer = new Trainer(model.graph(), model.optimizer(), model.parts().schedule(),
                    spec.train().batchSize(), model.streams());
            ElboTerms test = train(trainer, model, spec, options, run.tracker());
            Path checkpoint = directory.write(CHECKPOINT_FILE, file -> model.graph().sameDiff().save(file.toFile(), false));
            run.tracker().logArtifact(checkpoint, CHECKPOINT_FILE);
            FinalEvaluation evaluation = FinalEvaluation.of(model, spec.eval());
            log(run.tracker(), evaluation.metrics(), trainer.globalStep(), spec.train().epochs());
            options.out().println(describe(evaluation, spec));
            writePictures(model, evaluation, directory, run.tracker(), options);
            run.end(RunStatus.FINISHED);
            double seconds = (System.nanoTime() - started) / 1e9;
            options.out().printf(Locale.ROOT, "done in %.1f s: test -ELBO %.2f nats per example; files in %s%n",
                    seconds, -test.elbo(), directory.root());
            return new RunResult(directory.root(), test, seconds);
        }
    }

    /**
     * The name given as a tag, else the spec's name and the {@code --set} values that make this run
     * differ from it; then the spec hash's prefix.
     */
    private static String runName(ExperimentSpec spec, RunOptions options, ResolvedSpec resolved) {
        StringBuilder name = new StringBuilder(options.tags().getOrDefault(RunOptions.RUN_NAME_TAG, spec.name()));
        if (!options.tags().containsKey(RunOptions.RUN_NAME_TAG)) {
            options.overrides().forEach(assignment -> name.append(' ').append(assignment));
        }
        return name.append(" (").append(resolved.sha256(), 0, 8).append(')').toString();
    }

    private static Map<String, String> tags(ResolvedSpec resolved, Map<String, Object> provenance, RunOptions options) {
        Map<String, String> tags = new LinkedHashMap<>(options.tags());
        tags.put("vaelab.spec_sha256", resolved.sha256());
        tags.put("vaelab.spec_source", String.valueOf(provenance.get("spec_source")));
        tags.put("vaelab.version", String.valueOf(provenance.get("vaelab_version")));
        tags.put("vaelab.backend", String.valueOf(provenance.get("backend")));
        if (provenance.containsKey("git_commit")) {
            tags.put("vaelab.git_commit", String.valueOf(provenance.get("git_commit")));
        }
        return tags;
    }

    /**
     * Draws the figures; a failure to draw (a missing font, say) is reported and leaves the run,
     * its metrics and its checkpoint as they are.
     */
    private static void writePictures(Assembly model, FinalEvaluation evaluation, RunDirectory directory,
                                      TrackerGroup tracker, RunOptions options) throws IOException {
        List<String> pictures;
        try {
            pictures = Pictures.write(model, evaluation.klPerDimension(), directory);
        } catch (IOException | RuntimeException | java.awt.AWTError e) {
            options.out().println("warning: the figures could not be drawn (" + e + "); the run's results are kept");
            return;
        }
        for (String picture : pictures) {
            tracker.logArtifact(directory.root().resolve(picture), picture);
        }
    }

    private static String describe(FinalEvaluation evaluation, ExperimentSpec spec) {
        String units = String.format(Locale.ROOT, "active units %d of %d", evaluation.latent().activeUnits(),
                spec.model().latentDim());
        return evaluation.logLikelihood().isEmpty() ? units : String.format(Locale.ROOT,
                "test log p(x) >= %.2f nats (importance-weighted, K = %d, %d examples); %s",
                evaluation.logLikelihood().getAsDouble(), spec.eval().iwaeSamples(), evaluation.iwaeExamples(), units);
    }

    private ElboTerms train(Trainer trainer, Assembly model, ExperimentSpec spec, RunOptions options, TrackerGroup tracker)
            throws IOException {
        Evaluator evaluator = new Evaluator(model.graph(), spec.eval().batchSize());
        TrainingHorizon horizon = trainer.horizon(model.data(), spec.train().epochs());
        ElboTerms test = null;
        for (int epoch = 1; epoch <= spec.train().epochs(); epoch++) {
            long epochStart = System.nanoTime();
            MetricWindow window = new MetricWindow();
            MetricWindow epochMeans = new MetricWindow();
            int currentEpoch = epoch;
            try (ProgressBar bar = progressBar(options, epoch, spec.train().epochs(), horizon.stepsPerEpoch())) {
                trainer.trainEpoch(model.data(), horizon, (step, values) -> {
                    if (!Double.isFinite(values.loss())) {
                        throw new TrainingDivergedException("the training loss became " + values.loss() + " at step " + step
                                + " (epoch " + currentEpoch + "); try a smaller learning rate");
                    }
                    window.add(values);
                    epochMeans.add(values);
                    if (step % spec.train().logEverySteps() == 0) {
                        log(tracker, window.drain(), step, currentEpoch);
                    }
                    if (bar != null) {
                        bar.step();
                        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.2f", values.loss()));
                    }
                });
            }
            double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
            if (!window.isEmpty()) {
                log(tracker, window.drain(), trainer.globalStep(), epoch);
            }
            Map<String, Double> epochMetrics = new LinkedHashMap<>();
            epochMetrics.put("time/epoch_seconds", trainSeconds);
            epochMetrics.put("time/images_per_second", model.data().train().size() / trainSeconds);
            String line = String.format(Locale.ROOT, "epoch %d/%d  train loss %.2f  %.1f s (%.0f img/s)", epoch,
                    spec.train().epochs(), epochMeans.meanLoss(), trainSeconds, model.data().train().size() / trainSeconds);
            if (epoch % spec.eval().everyEpochs() == 0 || epoch == spec.train().epochs()) {
                ElboTerms validation = evaluator.evaluate(model.data().validation(), model.streams().nextEvaluation());
                test = evaluator.evaluate(model.data().test(), model.streams().nextEvaluation());
                put(epochMetrics, "val", validation);
                put(epochMetrics, "test", test);
                line += String.format(Locale.ROOT, "  val -ELBO %.2f  test -ELBO %.2f (recon %.2f + KL %.2f)",
                        -validation.elbo(), -test.elbo(), test.reconLoss(), test.kl());
            }
            log(tracker, epochMetrics, trainer.globalStep(), epoch);
            options.out().println(line);
        }
        return test;
    }

    private static void put(Map<String, Double> metrics, String split, ElboTerms terms) {
        metrics.put(split + "/elbo", terms.elbo());
        metrics.put(split + "/recon", terms.reconLoss());
        metrics.put(split + "/kl", terms.kl());
        metrics.put(split + "/mse", terms.mse());
        terms.bce().ifPresent(bce -> metrics.put(split + "/bce", bce));
    }

    private static void log(TrackerGroup tracker, Map<String, Double> metrics, long step, int epoch) {
        try {
            tracker.logMetrics(metrics, step, epoch);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ProgressBar progressBar(RunOptions options, int epoch, int epochs, long steps) {
        if (!options.progressBar()) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + epochs).setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).clearDisplayOnFinish().build();
    }

    private static String describe(Assembly model, ExperimentSpec spec) {
        return String.format(Locale.ROOT, "data %s: %d train / %d validation / %d test, shape %s; model %s-%s, "
                        + "latent %d, %s likelihood, %,d parameters",
                spec.data().type(), model.data().train().size(), model.data().validation().size(), model.data().test().size(),
                model.data().shape().dims(), spec.model().encoder().type(), spec.model().decoder().type(),
                spec.model().latentDim(), spec.likelihood().type(), model.graph().parameterCount());
    }

}
