package org.vaelab.core.run;

import java.awt.AWTError;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.EarlyStoppingSpec;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.spec.LearningRateScheduleSpec;
import org.vaelab.core.spec.Overrides;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.train.ElboTerms;
import org.vaelab.core.train.Failures;
import org.vaelab.core.train.Trainer;
import org.vaelab.core.train.TrainingFailedException;
import org.vaelab.core.train.TrainingStep;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.Tracker;
import org.vaelab.spi.track.TrainedModel;

/**
 * Runs one resolved spec: assembles it (all input checks happen here, before anything is
 * written), then creates the run directory (or reopens a stopped run's to resume it), trains with
 * per-epoch evaluation and checkpoints ({@link TrainingLoop}), and writes the final model,
 * evaluation and pictures. A failed run is marked FAILED (a stopped one KILLED) in
 * {@code provenance.json} and keeps every metric already written.
 */
public final class ExperimentRunner {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final ComponentCatalog catalog;

    public ExperimentRunner(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Runs {@code resolved} to the end, or, with {@link RunOptions#resume()}, continues the stopped
     * run of the same spec from its last checkpoint in its own directory.
     */
    public RunResult run(ResolvedSpec resolved, RunOptions options) throws IOException {
        ExperimentSpec spec = resolved.spec();
        long started = System.nanoTime();
        Assembly model = Assembly.of(resolved, catalog, options);
        TrainingStep step = TrainingStep.of(model.graph());
        Trainer trainer = new Trainer(model.graph(), step, model.optimizer(), model.parts().schedule(),
                spec.train().batchSize(), model.streams(),
                TrainingHorizon.of(model.data().train().size(), spec.train().batchSize(), spec.train().epochs()));
        Training training = new Training(resolved, options, model, step, trainer, started);
        if (options.resume() == null) {
            Instant now = Instant.now();
            RunDirectory directory = RunDirectory.create(options.runsRoot(), spec.name(),
                    RUN_TIME.format(now) + "-" + resolved.sha256().substring(0, 8));
            try (ProcessLock lock = directory.lock()) {
                return run(training, directory, null, now);
            }
        }
        Resumption resumption = Resumption.open(options.resume(), resolved);
        try (ProcessLock lock = resumption.lock()) {
            restore(trainer, resumption);
            return run(training, resumption.directory(), resumption, Instant.now());
        }
    }

    /** What a run trains, and how it was asked for. */
    private record Training(ResolvedSpec resolved, RunOptions options, Assembly model, TrainingStep step,
            Trainer trainer, long started) {
    }

    /**
     * The run itself, once its directory is locked by this process (and, for a resumption, its checkpoint restored).
     */
    private RunResult run(Training training, RunDirectory directory, Resumption resumption,
            Instant now) throws IOException {
        ResolvedSpec resolved = training.resolved();
        RunOptions options = training.options();
        Assembly model = training.model();
        Trainer trainer = training.trainer();
        ExperimentSpec spec = resolved.spec();
        List<Tracker> trackers = new ArrayList<>();
        trackers.add(new LocalRunTracker(directory));
        spec.tracking().forEach(component -> trackers.add(catalog.create(Family.TRACKER, component)));
        RunRecord record = Provenance.describe(resolved, options.specSource(), options.baseDirectory(), now,
                training.step().kind(), model.graph().latentTerms().klMethod());
        String runId = resumption == null ? UUID.randomUUID().toString() : resumption.runId();
        RunInfo info = new RunInfo(runId, spec.name(), runName(spec, options, resolved), directory.root(),
                now.toEpochMilli(), resolved.params(), tags(resolved, record, options),
                DatasetIdentity.of(resolved, model.dataName(), model.data()));
        try (OpenRun run = start(directory, resolved, resumption, record, new TrackerGroup(trackers), info,
                commandLine(options), options.out())) {
            try {
                for (Map.Entry<String, String> fitted : model.data().fitted().entrySet()) {
                    String path = "data/" + fitted.getKey();
                    run.tracker().logArtifact(directory.writeText(path, fitted.getValue()), path);
                }
                options.out().printf(Locale.ROOT, "run %s%n%s, %s training step%n", directory.root(),
                        describe(model, spec), training.step().kind());
                run.tracker().links().forEach(link -> options.out().println("run in tracker: " + link));
                if (!model.graph().latentTerms().klClosedForm()) {
                    options.out().println("KL(q(z|x) || p(z)) estimated by Monte Carlo, E_q[log q(z|x) - log p(z)] "
                            + "over the samples of z: model.prior " + spec.model().priorType() + " and "
                            + "model.posterior " + spec.model().posteriorType() + " have no closed form");
                }
                if (model.data().validation().size() == 0) {
                    options.out().println("no validation split: no validation metrics, and "
                            + RunDirectory.BEST_CHECKPOINT + " is not written (" + RunDirectory.LAST_CHECKPOINT
                            + " is)");
                }
                if (model.data().shape().isDequantized()) {
                    options.out().printf(Locale.ROOT, "dequantized data of %d levels: bits per dimension = "
                            + "-ELBO / (%d ln 2) + log2(%d), an upper bound for the discrete data%n",
                            model.data().shape().levels(), model.data().shape().size(), model.data().shape().levels());
                }
                double bestValidationElbo = Double.NaN;
                if (resumption != null) {
                    bestValidationElbo = resumption.checkpoint().bestValidationElbo();
                    options.out().printf(Locale.ROOT, "resuming after epoch %d (step %d)%n", trainer.epochsDone(),
                            trainer.globalStep());
                }
                TrainingLoop.Ended ended = new TrainingLoop(model, spec, options, run.tracker(), directory)
                        .run(trainer, bestValidationElbo, earlyStopping(spec, resumption, directory),
                                plateau(spec, trainer, resumption, directory));
                if (ended.paused(spec.train().epochs())) {
                    String reason = String.format(Locale.ROOT, "paused after epoch %d of %d (--until-epoch)",
                            ended.epoch(), spec.train().epochs());
                    run.end(RunStatus.KILLED, reason);
                    options.out().printf(Locale.ROOT, "%s; --resume %s continues it%n", reason, directory.root());
                    double seconds = (System.nanoTime() - training.started()) / 1e9;
                    return new RunResult(directory.root(), ended.test(), seconds);
                }
                ElboTerms test = ended.test();
                finish(model, spec, new ModelPackage(info, record, spec, model.data().shape(), catalog), ended,
                        directory, run, options);
                run.end(RunStatus.FINISHED, ended.stoppedEarly());
                double seconds = (System.nanoTime() - training.started()) / 1e9;
                String bits = model.data().shape().bitsPerDimension(test.elbo()).stream()
                        .mapToObj(value -> String.format(Locale.ROOT, " (%.4f bits per dimension)", value))
                        .findFirst().orElse("");
                options.out().printf(Locale.ROOT, "done in %.1f s: test ELBO %.2f nats per example%s; files in %s%n",
                        seconds, test.elbo(), bits, directory.root());
                run.tracker().links().forEach(link -> options.out().println("run in tracker: " + link));
                return new RunResult(directory.root(), test, seconds);
            } catch (TrainingFailedException e) {
                throw failed(run, e);
            } catch (OutOfMemoryError e) {
                throw failed(run, new TrainingFailedException(outOfMemory(spec, e), e));
            } catch (IOException e) {
                throw failed(run, new TrainingFailedException(notWritten(e, directory), e));
            }
        }
    }

    /** The early-stopping rule of {@code spec}, having seen a resumed run's epochs; null when it has none. */
    private static EarlyStopping earlyStopping(ExperimentSpec spec, Resumption resumption, RunDirectory directory)
            throws IOException {
        EarlyStoppingSpec stopping = spec.train().earlyStopping();
        if (stopping == null) {
            return null;
        }
        return resumption == null ? new EarlyStopping(stopping)
                : EarlyStopping.replay(stopping, directory.root().resolve(RunDirectory.METRICS));
    }

    /**
     * The plateau schedule of {@code spec}'s learning rate, having seen a resumed run's epochs (so
     * its rate is the one the run had); null when it has none.
     */
    private static ReduceOnPlateau plateau(ExperimentSpec spec, Trainer trainer, Resumption resumption,
                                           RunDirectory directory) throws IOException {
        LearningRateScheduleSpec schedule = spec.train().lrSchedule();
        if (schedule == null) {
            return null;
        }
        return resumption == null ? new ReduceOnPlateau(schedule, trainer.initialLearningRate())
                : ReduceOnPlateau.replay(schedule, trainer.initialLearningRate(),
                        directory.root().resolve(RunDirectory.METRICS));
    }

    /**
     * Continues {@code trainer} from the resumed run's checkpoint, which must be one of this
     * spec's model and optimizer; checked before the run's directory is touched.
     */
    private static void restore(Trainer trainer, Resumption resumption) {
        try {
            trainer.restore(resumption.checkpoint());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--resume " + resumption.directory().root() + ": "
                    + RunDirectory.LAST_CHECKPOINT
                    + " is not a checkpoint of the model and optimizer its spec describes (" + Failures.reason(e)
                    + "); start the run again without --resume");
        }
    }

    /**
     * Writes the run's first files (a new run's spec; a resumed one is taken back to its checkpoint,
     * {@link Resumption#rewind}) and starts it. A new run that cannot (a full disk) is removed
     * again, so that no run directory says RUNNING of a run that never ran.
     */
    private static OpenRun start(RunDirectory directory, ResolvedSpec resolved, Resumption resumption,
                                 RunRecord record, TrackerGroup tracker, RunInfo info, String commandLine,
                                 PrintStream out) throws IOException {
        try {
            if (resumption == null) {
                directory.writeText(RunDirectory.SPEC, resolved.yaml());
            } else {
                resumption.rewind(out);
            }
            return OpenRun.start(directory, record, tracker, info, commandLine);
        } catch (IOException e) {
            if (resumption != null) {
                throw new TrainingFailedException("the run could not start again: " + Failures.reason(e), e);
            }
            removeTree(directory.root());
            throw new TrainingFailedException("the run could not start: " + Failures.reason(e)
                    + "; its run directory " + directory.root() + " was removed again", e);
        }
    }

    private static void removeTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Saves the trained model, then its SHA-256, evaluates it beyond the ELBO, gives the trackers
     * the model with its test metrics ({@link ModelPackage}) and draws the pictures.
     */
    private static void finish(Assembly model, ExperimentSpec spec, ModelPackage modelPackage,
            TrainingLoop.Ended ended, RunDirectory directory, OpenRun run, RunOptions options) throws IOException {
        VaeGraph trained = model.parts().forEvaluation(model.graph());
        Path checkpoint = directory.write(RunDirectory.FINAL_MODEL, file -> save(trained, file));
        String checksum = ModelChecksum.record(directory, RunDirectory.FINAL_MODEL);
        run.tracker().logArtifact(checkpoint, RunDirectory.FINAL_MODEL);
        run.tracker().logArtifact(directory.root().resolve(checksum), checksum);
        FinalEvaluation evaluation = FinalEvaluation.of(trained, model, spec.eval(), options.console());
        run.tracker().logMetrics(evaluation.metrics(), ended.step(), ended.epoch());
        run.tracker().logArtifact(directory.writeText(RunDirectory.LATENT_DIMENSIONS, evaluation.latent().csv()),
                RunDirectory.LATENT_DIMENSIONS);
        Map<String, Double> testMetrics = TrainingLoop.metrics("test", ended.test(), model.data().shape());
        testMetrics.putAll(evaluation.metrics());
        TrainedModel trainedModel = modelPackage.write(directory, model, trained, RunDirectory.FINAL_MODEL, checksum,
                testMetrics, ended.step());
        Path packaged = directory.root().resolve(ModelPackage.FOLDER);
        for (Path file : trainedModel.files().values()) {
            if (file.startsWith(packaged)) {
                run.tracker().logArtifact(file, directory.root().relativize(file).toString());
            }
        }
        run.tracker().logModel(trainedModel);
        options.out().println(describe(evaluation, spec));
        writePictures(trained, model, evaluation, directory, run.tracker(), options);
    }

    /**
     * Saves {@code graph} to {@code file}. ND4J reports a failed write as an unchecked "Error
     * saving SameDiff instance to file"; it becomes the {@link IOException} it wraps, so that the
     * message names the file and the cause like any other file that cannot be written.
     */
    private static void save(VaeGraph graph, Path file) throws IOException {
        try {
            graph.sameDiff().save(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new IOException(Failures.reason(e), e);
        }
    }

    /**
     * Marks {@code run} FAILED with {@code failure}'s message; returns {@code failure} to throw, or,
     * when the end cannot be recorded in full (the disk that failed the run is full), a failure
     * that says so too, so that the first cause is never hidden behind the second.
     */
    private static TrainingFailedException failed(OpenRun run, TrainingFailedException failure) {
        try {
            run.fail(failure.getMessage());
        } catch (UncheckedIOException unrecorded) {
            failure.addSuppressed(unrecorded);
            return new TrainingFailedException(failure.getMessage() + "; the run's end could not be recorded in full ("
                    + Failures.reason(unrecorded) + ")", failure);
        }
        return failure;
    }

    /**
     * Why a file could not be written (a full disk, say), and, when the run has a checkpoint, that
     * it is kept and how to continue from it.
     */
    private static String notWritten(IOException e, RunDirectory directory) {
        String reason = Failures.reason(e);
        if (!Files.isRegularFile(directory.root().resolve(RunDirectory.LAST_CHECKPOINT))) {
            return reason;
        }
        return reason + "; the last checkpoint (" + RunDirectory.LAST_CHECKPOINT + ") is kept, and --resume "
                + directory.root() + " continues the run from it";
    }

    private static String outOfMemory(ExperimentSpec spec, OutOfMemoryError e) {
        return String.format(Locale.ROOT, "out of memory (%s) with train.batch_size %d, train.mc_samples %d and "
                        + "eval.batch_size %d: lower them, or allow more memory, for example "
                        + "VAE_JAVA_OPTS='-Xmx4g -Dorg.bytedeco.javacpp.maxphysicalbytes=12G' (the run's "
                        + "checkpoints are kept)",
                Failures.reason(e), spec.train().batchSize(), spec.train().mcSamples(), spec.eval().batchSize());
    }

    /**
     * The name given as a tag, else the spec's name and the values {@code --set} gave, as the spec
     * records them (credentials masked, environment variables as their references, never the
     * assignments' text); then the spec hash's prefix.
     */
    private static String runName(ExperimentSpec spec, RunOptions options, ResolvedSpec resolved) {
        StringBuilder name = new StringBuilder(options.tags().getOrDefault(RunOptions.RUN_NAME_TAG, spec.name()));
        if (!options.tags().containsKey(RunOptions.RUN_NAME_TAG)) {
            options.overrides().stream().map(Overrides::key).distinct()
                    .filter(key -> !key.split("\\.")[0].equals(ResolvedSpec.TRACKING_KEY))
                    .forEach(key -> resolved.params().forEach((param, value) -> {
                        if (param.equals(key) || param.startsWith(key + ".")) {
                            name.append(' ').append(param).append('=').append(value);
                        }
                    }));
        }
        return name.append(" (").append(resolved.sha256(), 0, 8).append(')').toString();
    }

    /**
     * The {@code vae run} command line of this run's spec and {@code --set} values, to show how to
     * continue it; credentials in URIs masked, as everywhere a spec is shown.
     */
    private static String commandLine(RunOptions options) {
        StringBuilder command = new StringBuilder("vae run ").append(ShellWords.quote(options.specSource()));
        options.overrides().forEach(assignment -> command.append(" --set ")
                .append(ShellWords.quote(Overrides.shown(assignment))));
        return command.toString();
    }

    private static Map<String, String> tags(ResolvedSpec resolved, RunRecord record, RunOptions options) {
        Map<String, String> tags = new LinkedHashMap<>(options.tags());
        tags.put("vaelab.spec_sha256", resolved.sha256());
        tags.put("vaelab.spec_source", record.specSource());
        tags.put("vaelab.version", record.vaelabVersion());
        tags.put("vaelab.backend", record.backend());
        record.commit().ifPresent(commit -> tags.put("vaelab.git_commit", commit));
        return tags;
    }

    /**
     * Draws the figures; a failure to draw (a missing font, say) is reported and leaves the run,
     * its metrics and its checkpoint as they are.
     */
    private static void writePictures(VaeGraph trained, Assembly model, FinalEvaluation evaluation,
            RunDirectory directory, TrackerGroup tracker, RunOptions options) throws IOException {
        List<String> pictures;
        try {
            pictures = Pictures.write(trained, model, evaluation.klPerDimension(), directory, options.console());
        } catch (IOException | RuntimeException | AWTError e) {
            options.out().println("warning: the figures could not be drawn (" + e + "); the run's results are kept");
            return;
        }
        for (String picture : pictures) {
            tracker.logArtifact(directory.root().resolve(picture), picture);
        }
    }

    private static String describe(FinalEvaluation evaluation, ExperimentSpec spec) {
        String units = evaluation.latent().activityDefined()
                ? "active units " + evaluation.latent().describeActiveUnits()
                : "active units not applicable (E_q[z] is not the encoder's mean)";
        String bits = evaluation.bitsPerDimension().isEmpty() ? ""
                : String.format(Locale.ROOT, ", <= %.4f bits per dimension",
                        evaluation.bitsPerDimension().getAsDouble());
        StringBuilder description = new StringBuilder(evaluation.logLikelihood().isEmpty() ? units
                : String.format(Locale.ROOT,
                        "test log p(x) >= %.2f nats%s (importance-weighted, K = %d, %d examples); %s",
                        evaluation.logLikelihood().getAsDouble(), bits, spec.eval().iwaeSamples(),
                        evaluation.iwaeExamples(), units));
        evaluation.disentanglement().forEach((name, value) -> description.append(
                String.format(Locale.ROOT, "%n%s %.4f", name, value)));
        return description.toString();
    }

    private static String describe(Assembly model, ExperimentSpec spec) {
        return String.format(Locale.ROOT, "data %s: %d train / %d validation / %d test, shape %s; model %s-%s, "
                        + "latent %d, %s likelihood, %,d parameters",
                spec.data().type(), model.data().train().size(), model.data().validation().size(),
                model.data().test().size(),
                model.data().shape().dims(), spec.model().encoder().type(), spec.model().decoder().type(),
                spec.model().latentDim(), spec.likelihood().type(), model.graph().parameterCount());
    }

}
