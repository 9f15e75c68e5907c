package org.vaelab.core.run;

import java.io.IOException;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.RandomStreams;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.optim.Optimizer;

/**
 * A spec's components made, its data loaded and its graph built, and its memory estimated
 * against what this process may use: everything checked before a run directory exists, so bad
 * input leaves nothing behind.
 */
record Assembly(DataSplits data, ModelParts parts, Optimizer optimizer, VaeGraph graph, RandomStreams streams) {

    static Assembly of(ExperimentSpec spec, ComponentCatalog catalog, RunOptions options) throws IOException {
        BackendCheck.require(spec.backend());
        DataSplits data = catalog.create(Family.DATASET, spec.data())
                .load(new LoadContext(options.baseDirectory(), spec.seed()));
        ModelParts parts = parts(spec, catalog, data.shape());
        parts.likelihood().incompatibility(data.shape()).ifPresent(reason -> {
            throw new InvalidInputException("likelihood.type: " + reason);
        });
        if (spec.train().batchSize() > data.train().size()) {
            throw new InvalidInputException("train.batch_size: " + spec.train().batchSize()
                    + " is larger than the training split (" + data.train().size() + " examples)");
        }
        if (data.test().size() == 0) {
            throw new InvalidInputException("data: the test split must not be empty (found 0 examples)");
        }
        ParameterBudget.ofThisProcess().check(parts);
        RandomStreams streams = new RandomStreams(spec.seed());
        VaeGraph graph = parts.build(parts.family().samples(spec.train().mcSamples()), streams.initialWeights());
        TrainingMemoryEstimate.of(spec, graph, parts.encoderShape().size(),
                        Math.max(data.validation().size(), data.test().size()), Runtime.getRuntime().maxMemory())
                .check(NativeMemory.limit(), NativeMemory.describeLimit(), options.out()::println);
        return new Assembly(data, parts, catalog.create(Family.OPTIMIZER, spec.optimizer()), graph, streams);
    }

    /**
     * The model components {@code spec} names, made by {@code catalog}, for data of {@code shape}.
     *
     * @throws InvalidInputException when the model family cannot model the data (cvae without
     *     labels), or the encoder cannot take its inputs
     */
    static ModelParts parts(ExperimentSpec spec, ComponentCatalog catalog, DataShape shape) {
        ModelParts parts = new ModelParts(catalog.create(Family.ENCODER, spec.model().encoder()),
                catalog.create(Family.DECODER, spec.model().decoder()),
                catalog.create(Family.LIKELIHOOD, spec.likelihood()),
                catalog.create(Family.KL_SCHEDULE, spec.kl()),
                catalog.create(Family.MODEL_FAMILY, spec.model().family()), shape, spec.model().latentDim());
        parts.encoder().incompatibility(parts.encoderShape()).ifPresent(reason -> {
            throw new InvalidInputException("model.encoder.type: " + (parts.conditioning().isConditional()
                    ? "model.family " + spec.model().family().type() + " appends each example's one-hot label to it, so"
                    + " the encoder takes vectors of " + parts.encoderShape().size() + " values, and "
                    + spec.model().encoder().type() + " cannot: " : "") + reason);
        });
        return parts;
    }
}
