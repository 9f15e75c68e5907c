package org.vaelab.core.run;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.spec.SpecPlaces;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.RandomStreams;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.latent.DiagonalGaussianPosterior;
import org.vaelab.spi.latent.StandardNormalPrior;
import org.vaelab.spi.optim.Optimizer;

/**
 * A spec's components made, its data loaded and its graph built, and its memory estimated
 * against what this process may use: everything checked before a run directory exists, so bad
 * input leaves nothing behind. What does not fit is reported as a spec problem, at the place in
 * the spec of the value to change: {@link ErrorId#DATA_UNLOADABLE} when the data cannot be
 * loaded, {@link ErrorId#SPEC_MISMATCH} when the parts do not fit the data or each other.
 */
record Assembly(DataSplits data, String dataName, List<String> classNames, ModelParts parts,
        Optimizer optimizer, VaeGraph graph, RandomStreams streams) {

    /** A message that starts with the dotted path of the spec value it is about. */
    private static final Pattern KEYED_MESSAGE = Pattern.compile("([a-z_]+(?:\\.[a-z_]+)*): (.*)", Pattern.DOTALL);

    static Assembly of(ResolvedSpec resolved, ComponentCatalog catalog, RunOptions options) throws IOException {
        ExperimentSpec spec = resolved.spec();
        SpecPlaces places = resolved.places();
        BackendCheck.require(spec.backend());
        DataSplits data;
        String dataName;
        List<String> classNames;
        try {
            Dataset dataset = catalog.create(Family.DATASET, spec.data());
            data = dataset.load(new LoadContext(options.baseDirectory(), spec.seed()));
            dataName = dataset.name().orElse(spec.data().type());
            classNames = dataset.classNames();
        } catch (InvalidInputException e) {
            throw places.problem(ErrorId.DATA_UNLOADABLE, "data", e.getMessage());
        }
        ModelParts parts;
        try {
            parts = parts(spec, catalog, data.shape());
        } catch (InvalidInputException e) {
            throw mismatch(places, e.getMessage());
        }
        parts.likelihood().incompatibility(data.shape()).ifPresent(reason -> {
            throw places.problem(ErrorId.SPEC_MISMATCH, "likelihood.type", reason);
        });
        if (spec.train().batchSize() > data.train().size()) {
            throw places.problem(ErrorId.SPEC_MISMATCH, "train.batch_size", spec.train().batchSize()
                    + " is larger than the training split (" + data.train().size() + " examples)");
        }
        if (spec.train().earlyStopping() != null && data.validation().size() == 0) {
            throw places.problem(ErrorId.SPEC_MISMATCH, "train.early_stopping", "early stopping watches the"
                    + " validation ELBO, and the data has no validation split; give it one or leave early_stopping"
                    + " out");
        }
        if (spec.train().lrSchedule() != null && data.validation().size() == 0) {
            throw places.problem(ErrorId.SPEC_MISMATCH, "train.lr_schedule", "a plateau schedule watches the"
                    + " validation ELBO, and the data has no validation split; give it one or leave lr_schedule out");
        }
        if (data.test().size() == 0) {
            throw places.problem(ErrorId.SPEC_MISMATCH, "data", "the test split must not be empty (found 0 examples)");
        }
        if (Boolean.TRUE.equals(spec.eval().disentanglement()) && data.test().factors().isEmpty()) {
            throw places.problem(ErrorId.SPEC_MISMATCH, "eval.disentanglement", "data '" + spec.data().type()
                    + "' has no ground-truth factors to score codes against; use data with factors (sprites) or "
                    + "leave eval.disentanglement out");
        }
        if (spec.eval().disentanglementOn(data.test()) && data.test().size() < 2) {
            throw places.problem(ErrorId.SPEC_MISMATCH, "eval.disentanglement", "the metrics train their "
                    + "classifiers on one part of the test split and score them on the other, so it needs at least 2 "
                    + "examples, found " + data.test().size());
        }
        ParameterBudget.ofThisProcess().check(parts);
        RandomStreams streams = new RandomStreams(spec.seed());
        VaeGraph graph;
        try {
            graph = parts.build(parts.family().samples(spec.train().mcSamples()), streams.initialWeights());
        } catch (InvalidInputException e) {
            throw mismatch(places, e.getMessage());
        }
        TrainingMemoryEstimate.of(spec, graph, parts.encoderShape().size(),
                        Math.max(data.validation().size(), data.test().size()), Runtime.getRuntime().maxMemory())
                .check(NativeMemory.limit(), NativeMemory.describeLimit(), options.out()::println);
        return new Assembly(data, dataName, classNames, parts, catalog.create(Family.OPTIMIZER, spec.optimizer()),
                graph, streams);
    }

    /**
     * A mismatch a component reported, placed at the spec value its message starts with
     * ({@code model.family: ...}, the convention of {@link InvalidInputException}): at the block's
     * {@code type} where it was written, else at the block.
     */
    private static SpecException mismatch(SpecPlaces places, String message) {
        Matcher keyed = KEYED_MESSAGE.matcher(message);
        if (!keyed.matches()) {
            return places.problem(ErrorId.SPEC_MISMATCH, "model", message);
        }
        String path = keyed.group(1);
        String type = path + ".type";
        return places.problem(ErrorId.SPEC_MISMATCH, places.locations().containsKey(type) ? type : path,
                keyed.group(2));
    }

    /**
     * The model components {@code spec} names, made by {@code catalog}, for data of {@code shape}.
     *
     * @throws InvalidInputException when the model family cannot model the data (cvae without
     *     labels), the prior and posterior cannot be paired (a discrete code with a continuous
     *     partner), or the encoder cannot take its inputs
     */
    static ModelParts parts(ExperimentSpec spec, ComponentCatalog catalog, DataShape shape) {
        ModelParts parts = new ModelParts(catalog.create(Family.ENCODER, spec.model().encoder()),
                catalog.create(Family.DECODER, spec.model().decoder()),
                catalog.create(Family.LIKELIHOOD, spec.likelihood()),
                catalog.create(Family.KL_SCHEDULE, spec.kl()),
                catalog.create(Family.MODEL_FAMILY, spec.model().family()),
                spec.model().prior() == null ? new StandardNormalPrior() : catalog.create(Family.PRIOR,
                        spec.model().prior()),
                spec.model().posterior() == null ? new DiagonalGaussianPosterior() : catalog.create(Family.POSTERIOR,
                        spec.model().posterior()), shape, spec.model().latentDim());
        parts.posterior().incompatibility(parts.prior()).ifPresent(reason -> {
            throw new InvalidInputException("model.prior: " + reason);
        });
        parts.prior().incompatibility(parts.posterior()).ifPresent(reason -> {
            throw new InvalidInputException("model.posterior: " + reason);
        });
        parts.encoder().incompatibility(parts.encoderShape()).ifPresent(reason -> {
            throw new InvalidInputException("model.encoder.type: " + (parts.conditioning().isConditional()
                    ? "model.family " + spec.model().family().type() + " appends each example's one-hot label to it, so"
                    + " the encoder takes vectors of " + parts.encoderShape().size() + " values, and "
                    + spec.model().encoder().type() + " cannot: " : "") + reason);
        });
        return parts;
    }
}
