package org.vaelab.core.artifacts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.spec.SpecLoader;
import org.vaelab.core.train.GeneratorGraph;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;

/**
 * Small untrained VAEs (mlp encoder and decoder with one hidden layer of 16 tanh units) made from
 * spec YAML through the registered plugins, as a run makes them, and the data the figure tests
 * show them.
 */
final class SmallVae {

    private static final ComponentCatalog CATALOG = PluginLoader.load(SmallVae.class.getClassLoader());

    private SmallVae() {
    }

    /** A valid spec with the given data and likelihood blocks and latent size. */
    static ExperimentSpec spec(String data, String likelihood, int latentDim) {
        String mlp = "{type: mlp, hidden: [16], activation: tanh}";
        String yaml = "name: figures-test\nseed: 7\ndata: " + data + "\nmodel: {latent_dim: " + latentDim
                + ", encoder: " + mlp + ", decoder: " + mlp + "}\nlikelihood: " + likelihood + "\n";
        return new SpecLoader(CATALOG, name -> null).parse(yaml, "figures-test", List.of()).spec();
    }

    /**
     * The model of {@code spec} for data of {@code shape}, weights from the spec's seed, with the
     * decoder's first-layer weights of the {@code silenced} latent dimensions set to zero so the
     * decoder ignores them.
     */
    static LatentModel model(ExperimentSpec spec, DataShape shape, int... silenced) {
        int latentDim = spec.model().latentDim();
        ModelParts parts = new ModelParts(CATALOG.create(Family.ENCODER, spec.model().encoder()),
                CATALOG.create(Family.DECODER, spec.model().decoder()),
                CATALOG.create(Family.LIKELIHOOD, spec.likelihood()),
                CATALOG.create(Family.KL_SCHEDULE, spec.kl()),
                CATALOG.create(Family.MODEL_FAMILY, spec.model().family()), shape, latentDim);
        VaeGraph graph = parts.build(1, new SplittableRandom(spec.seed()));
        SDVariable firstLayer = graph.sameDiff().variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE && v.name().startsWith("decoder/")
                        && v.name().endsWith("/W") && v.getArr().size(0) == latentDim)
                .findFirst().orElseThrow();
        for (int dimension : silenced) {
            firstLayer.getArr().getRow(dimension).assign(0);
        }
        return GraphLatentModel.of(graph, GeneratorGraph.of(graph, parts));
    }

    /** A Bernoulli VAE for data of {@code shape}. */
    static LatentModel bernoulli(DataShape shape, int latentDim, int... silenced) {
        return model(spec("{type: swiss_roll}", "{type: bernoulli}", latentDim), shape, silenced);
    }

    /** {@code count} images of uniform grey levels, labelled {@code i % 3} when {@code labelled}. */
    static DataSplit images(DataShape shape, int count, boolean labelled) {
        SplittableRandom random = new SplittableRandom(5);
        float[] values = new float[count * shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
        }
        return new DataSplit(values, labelled ? labels : null, shape.size());
    }

    /** The splits of the dataset block {@code data} (such as {@code {type: swiss_roll}}), loaded with seed 7. */
    static DataSplits load(String data) throws IOException {
        ExperimentSpec spec = spec(data, "{type: gaussian}", 2);
        return CATALOG.create(Family.DATASET, spec.data()).load(new LoadContext(Path.of("."), spec.seed()));
    }
}
