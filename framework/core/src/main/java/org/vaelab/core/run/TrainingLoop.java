package org.vaelab.core.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.train.Checkpoint;
import org.vaelab.core.train.ElboTerms;
import org.vaelab.core.train.Evaluator;
import org.vaelab.core.train.StepValues;
import org.vaelab.core.train.Trainer;
import org.vaelab.core.train.TrainingDivergedException;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The epochs of a run, from wherever its trainer stands to the spec's last epoch (or the epoch
 * {@code train.early_stopping} ends it at, {@link EarlyStopping}): training with
 * step metrics, validation and test ELBO every {@code eval.every_epochs} epochs and after the
 * last, and the training state saved to {@code checkpoints/last.ckpt} every
 * {@code train.checkpoint_every_epochs} epochs and after the last, and to
 * {@code checkpoints/best.ckpt} whenever the validation ELBO is the best so far (without a
 * validation split, neither validation metrics nor {@code best.ckpt}). For dequantized data each
 * ELBO is also logged in bits per dimension ({@code val/bpd}, {@code test/bpd}). Every value comes
 * from streams seeded by the epoch, so a run resumed from a checkpoint logs what an uninterrupted
 * one logs. A validation or test ELBO that is not finite fails the run before anything of its
 * epoch is saved. Each epoch logs its number as the metric {@code epoch}, an x axis for the
 * trackers' charts; a KL schedule whose weight and capacity are the same at every step logs them
 * once, with the run's first training metrics, instead of as a flat series.
 */
final class TrainingLoop {

    /** The line above the epochs' lines: what their numbers are and which way is better. */
    private static final String HEADING = "per epoch: train loss (the training objective, lower is better); "
            + "val and test ELBO (nats per example, higher is better); times; the run's time left";

    /** The metric of the learning rate a plateau schedule leaves for the next epoch. */
    static final String LEARNING_RATE = "train/lr";

    private final Assembly model;
    private final ExperimentSpec spec;
    private final RunOptions options;
    private final TrackerGroup tracker;
    private final RunDirectory directory;
    private boolean scheduleVaries;
    private VaeGraph evaluatedGraph;
    private final TrainingPictures pictures;
    private Evaluator evaluator;

    TrainingLoop(Assembly model, ExperimentSpec spec, RunOptions options, TrackerGroup tracker,
            RunDirectory directory) {
        this.model = model;
        this.spec = spec;
        this.options = options;
        this.tracker = tracker;
        this.directory = directory;
        this.pictures = new TrainingPictures(model, directory, tracker);
    }

    /** Whether {@code schedule}'s weight or capacity changes at any step of {@code horizon}. */
    static boolean varies(KlSchedule schedule, TrainingHorizon horizon) {
        KlWeighting first = schedule.at(0, horizon);
        for (long step = 1; step < horizon.totalSteps(); step++) {
            if (!schedule.at(step, horizon).equals(first)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How the epochs ended.
     *
     * @param test the test ELBO of the weights the run keeps
     * @param epoch the last epoch trained
     * @param step the global step after it
     * @param stoppedEarly why early stopping ended the run, or null when it trained every epoch
     */
    record Ended(ElboTerms test, int epoch, long step, String stoppedEarly) {

        /** Whether the run paused at {@link RunOptions#untilEpoch}, before the spec's last epoch. */
        boolean paused(int epochs) {
            return stoppedEarly == null && epoch < epochs;
        }
    }

    /**
     * Trains the remaining epochs, or until {@code stopping} ends the run (then the trainer holds
     * the weights of {@code checkpoints/best.ckpt}, evaluated on the test split once more), or up to
     * the options' {@link RunOptions#untilEpoch}, whose state goes to {@code checkpoints/last.ckpt}
     * so that a resumed run goes on as if it had never paused.
     *
     * @param bestValidationElbo the best validation ELBO before the trainer's current epoch, NaN if none
     * @param stopping the early-stopping rule, having seen the epochs before the trainer's current one;
     *     null for none
     * @param plateau the plateau schedule of the learning rate, having seen those epochs too; null for none
     */
    Ended run(Trainer trainer, double bestValidationElbo, EarlyStopping stopping, ReduceOnPlateau plateau)
            throws IOException {
        int epochs = spec.train().epochs();
        int lastEpoch = options.lastEpoch(epochs);
        double best = bestValidationElbo;
        scheduleVaries = varies(model.parts().schedule(), trainer.horizon());
        ElboTerms test = null;
        String stoppedEarly = null;
        int firstEpoch = trainer.epochsDone() + 1;
        TimeLeft timeLeft = new TimeLeft(epochs, spec.eval(), model.data().test().size());
        if (firstEpoch <= epochs) {
            options.out().println(HEADING);
        }
        if (plateau != null) {
            trainer.scaleLearningRate(plateau.scale());
        }
        int epoch = firstEpoch - 1;
        while (epoch < lastEpoch && stoppedEarly == null) {
            epoch++;
            Map<String, Double> epochMetrics = new LinkedHashMap<>();
            epochMetrics.put("epoch", (double) epoch);
            if (epoch == firstEpoch) {
                epochMetrics.put("time/startup_seconds",
                        (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3);
            }
            long epochStart = System.nanoTime();
            MetricWindow epochMeans = trainEpoch(trainer, epoch);
            double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
            epochMetrics.put("time/epoch_seconds", trainSeconds);
            epochMetrics.put("time/images_per_second", model.data().train().size() / trainSeconds);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  train loss %.2f", epoch,
                    epochs, epochMeans.meanLoss()));
            StringBuilder times = new StringBuilder(String.format(Locale.ROOT, "train %.1f s (%.0f img/s)",
                    trainSeconds, model.data().train().size() / trainSeconds));
            double testSeconds = Double.NaN;
            boolean improved = false;
            if (epoch % spec.eval().everyEpochs() == 0 || epoch == epochs) {
                long evalStart = System.nanoTime();
                Evaluator current = evaluator();
                ElboTerms validation;
                try (ProgressBar bar = evaluationBar(epoch)) {
                    IntConsumer examplesDone = bar == null ? rows -> { } : bar::stepBy;
                    validation = model.data().validation().size() == 0 ? null : requireFinite("validation", epoch,
                            trainer, current.evaluate(model.data().validation(), model.streams().validation(epoch),
                                    examplesDone));
                    long testStart = System.nanoTime();
                    test = requireFinite("test", epoch, trainer,
                            current.evaluate(model.data().test(), model.streams().test(epoch), examplesDone));
                    testSeconds = (System.nanoTime() - testStart) / 1e9;
                }
                epochMetrics.put("time/test_eval_seconds", testSeconds);
                improved = validation != null && (Double.isNaN(best) || validation.elbo() > best);
                best = improved ? validation.elbo() : best;
                if (validation != null) {
                    put(epochMetrics, "val", validation);
                    line.append(String.format(Locale.ROOT, "  val ELBO %.2f%s", validation.elbo(),
                            improved ? " (best)" : ""));
                }
                put(epochMetrics, "test", test);
                line.append(String.format(Locale.ROOT, "  test ELBO %.2f = -(recon %.2f + KL %.2f)", test.elbo(),
                        test.reconLoss(), test.kl()));
                OptionalDouble bits = model.data().shape().bitsPerDimension(test.elbo());
                if (bits.isPresent()) {
                    line.append(String.format(Locale.ROOT, ", %.4f bits/dim", bits.getAsDouble()));
                }
                pictures.write(evaluatedGraph, epoch, trainer.globalStep(), options.out());
                times.append(String.format(Locale.ROOT, ", eval %.1f s", (System.nanoTime() - evalStart) / 1e9));
                if (validation != null && plateau != null) {
                    if (plateau.observe(validation.elbo())) {
                        trainer.scaleLearningRate(plateau.scale());
                        line.append(String.format(Locale.ROOT, "  lr reduced to %.3g", plateau.rate()));
                    }
                    epochMetrics.put(LEARNING_RATE, plateau.rate());
                }
                if (validation != null && stopping != null && stopping.observe(epoch, validation.elbo())) {
                    stoppedEarly = stopping.reason(epoch);
                }
            }
            tracker.logMetrics(epochMetrics, trainer.globalStep(), epoch);
            save(trainer, best, improved, epoch % spec.train().checkpointEveryEpochs() == 0 || epoch == lastEpoch
                    || stoppedEarly != null);
            timeLeft.epochDone((System.nanoTime() - epochStart) / 1e9, testSeconds);
            times.append(", about ").append(TimeLeft.format(timeLeft.seconds(epoch))).append(" left");
            options.out().println(line + "  |  " + times);
        }
        if (stoppedEarly != null) {
            long step = trainer.globalStep();
            return new Ended(bestWeightsTested(trainer, epoch, step, stoppedEarly), epoch, step, stoppedEarly);
        }
        if (lastEpoch < epochs) {
            return new Ended(test, lastEpoch, trainer.globalStep(), null);
        }
        ElboTerms last = test != null ? test
                : requireFinite("test", epochs, trainer,
                        evaluator().evaluate(model.data().test(), model.streams().test(epochs)));
        return new Ended(last, epochs, trainer.globalStep(), null);
    }

    /**
     * After early stopping at {@code epoch}: the trainer takes the weights of {@code best.ckpt}, whose
     * validation and test ELBO are logged at the stopping step, as the run's last values, and the
     * test ELBO returned. The validation ELBO is measured with the best epoch's stream, so it is the
     * value that epoch logged: the last {@code val/elbo} of every run is that of the weights its final
     * evaluation uses, which is what a study ranks its trials by.
     */
    private ElboTerms bestWeightsTested(Trainer trainer, int epoch, long step, String reason) throws IOException {
        trainer.restore(Checkpoint.read(directory.root().resolve(RunDirectory.BEST_CHECKPOINT)));
        int bestEpoch = trainer.epochsDone();
        ElboTerms validation = requireFinite("validation", epoch, trainer,
                evaluator().evaluate(model.data().validation(), model.streams().validation(bestEpoch)));
        ElboTerms test = requireFinite("test", epoch, trainer,
                evaluator().evaluate(model.data().test(), model.streams().test(epoch)));
        Map<String, Double> metrics = new LinkedHashMap<>();
        put(metrics, "val", validation);
        put(metrics, "test", test);
        tracker.logMetrics(metrics, step, epoch);
        options.out().printf(Locale.ROOT, "%s; the final evaluation uses the weights of epoch %d (%s): val ELBO"
                + " %.2f, test ELBO %.2f%n", reason, bestEpoch, RunDirectory.BEST_CHECKPOINT, validation.elbo(),
                test.elbo());
        return test;
    }

    /**
     * {@code terms}, checked to be finite: a NaN or infinite ELBO means the parameters have
     * diverged (the last step's update, say), so the run fails like a non-finite training loss
     * fails it, before this epoch's state is saved; the last checkpoint stays as it was.
     *
     * @throws TrainingDivergedException naming the split and the epoch
     */
    private static ElboTerms requireFinite(String split, int epoch, Trainer trainer, ElboTerms terms) {
        if (!Double.isFinite(terms.elbo())) {
            throw new TrainingDivergedException(String.format(Locale.ROOT,
                    "the %s ELBO became %s after epoch %d (step %d): reconstruction %s, KL %s", split, terms.elbo(),
                    epoch, trainer.globalStep(), terms.reconLoss(), terms.kl()));
        }
        return terms;
    }

    /**
     * The evaluator of the model as trained so far, without dropout: one for the whole run, so that
     * its compiled plans are made once, on the trained graph itself or, for a model with dropout, on
     * a copy without it whose weights are brought up to date first.
     */
    private Evaluator evaluator() {
        if (evaluator == null) {
            evaluatedGraph = model.parts().forEvaluation(model.graph());
            evaluator = new Evaluator(evaluatedGraph, spec.eval().batchSize());
        } else {
            model.parts().refreshWeights(evaluatedGraph, model.graph());
        }
        return evaluator;
    }

    private MetricWindow trainEpoch(Trainer trainer, int epoch) throws IOException {
        MetricWindow window = new MetricWindow();
        MetricWindow epochMeans = new MetricWindow();
        try (ProgressBar bar = progressBar(epoch, trainer.horizon().stepsPerEpoch())) {
            for (StepValues values : trainer.epoch(model.data())) {
                window.add(values);
                epochMeans.add(values);
                if (trainer.globalStep() % spec.train().logEverySteps() == 0) {
                    tracker.logMetrics(drain(window, trainer), trainer.globalStep(), epoch);
                }
                if (bar != null) {
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, " loss %.2f", values.loss()));
                }
            }
        }
        if (!window.isEmpty()) {
            tracker.logMetrics(drain(window, trainer), trainer.globalStep(), epoch);
        }
        return epochMeans;
    }

    /** The window's metrics; a constant schedule's only in the run's first window, the one from step 0. */
    private Map<String, Double> drain(MetricWindow window, Trainer trainer) {
        return window.drain(scheduleVaries || trainer.globalStep() == window.steps());
    }

    private void save(Trainer trainer, double best, boolean improved, boolean periodic) throws IOException {
        if (!improved && !periodic) {
            return;
        }
        Checkpoint checkpoint = trainer.checkpoint(best);
        if (improved) {
            directory.write(RunDirectory.BEST_CHECKPOINT, checkpoint::write);
        }
        if (periodic) {
            directory.write(RunDirectory.LAST_CHECKPOINT, checkpoint::write);
        }
    }

    private void put(Map<String, Double> metrics, String split, ElboTerms terms) {
        metrics.putAll(metrics(split, terms, model.data().shape()));
    }

    /**
     * The metrics of {@code terms} measured on {@code split}: {@code split/elbo}, {@code split/bpd}
     * for dequantized data of {@code shape}, {@code split/recon}, {@code split/kl}, {@code split/mse},
     * {@code split/bce} when defined.
     */
    static Map<String, Double> metrics(String split, ElboTerms terms, DataShape shape) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(split + "/elbo", terms.elbo());
        shape.bitsPerDimension(terms.elbo()).ifPresent(bits -> metrics.put(split + "/bpd", bits));
        metrics.put(split + "/recon", terms.reconLoss());
        metrics.put(split + "/kl", terms.kl());
        metrics.put(split + "/mse", terms.mse());
        terms.bce().ifPresent(bce -> metrics.put(split + "/bce", bce));
        return metrics;
    }

    /** On a terminal, the bar of an epoch's evaluation, in examples of the validation and test splits. */
    private ProgressBar evaluationBar(int epoch) {
        if (!options.progressBar()) {
            return null;
        }
        return Stage.bar("epoch " + epoch + "/" + spec.train().epochs() + " evaluation",
                model.data().validation().size() + model.data().test().size(), "examples");
    }

    private ProgressBar progressBar(int epoch, long steps) {
        if (!options.progressBar()) {
            return null;
        }
        return Stage.bar("epoch " + epoch + "/" + spec.train().epochs(), steps, "steps");
    }
}
