package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.Component;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.spec.Problem;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.spec.SpecLoader;
import org.vaelab.core.train.Failures;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;

/**
 * A finished run opened again: its {@code spec.resolved.yaml} read through the installed plugins,
 * its data loaded as the run loaded it, and its model rebuilt from the spec with the trained
 * weights of {@code checkpoints/final.fb}, copied variable by variable by name. Anything that does
 * not fit (not a run directory, a run that did not finish, no checkpoint, a checkpoint whose
 * SHA-256 is not the one recorded when it was saved, a spec or checkpoint the installed plugins
 * cannot rebuild) is an {@link InvalidInputException} of one line.
 */
public final class TrainedRun {

    private final Path directory;
    private final RunRecord record;
    private final ExperimentSpec spec;
    private final DataSplits data;
    private final ModelParts parts;
    private final VaeGraph graph;

    private TrainedRun(Path directory, RunRecord record, ExperimentSpec spec, DataSplits data, ModelParts parts,
                       VaeGraph graph) {
        this.directory = directory;
        this.record = record;
        this.spec = spec;
        this.data = data;
        this.parts = parts;
        this.graph = graph;
    }

    /**
     * The run in {@code directory} as it ends in this process, its model {@code graph} just
     * trained: what a finished run opened again gives, without reading it back.
     */
    static TrainedRun ending(Path directory, RunRecord record, ExperimentSpec spec, DataSplits data,
                             ModelParts parts, VaeGraph graph) {
        return new TrainedRun(directory, record, spec, data, parts, graph);
    }

    /**
     * Opens the finished run in {@code directory}, rebuilding its model with the components of
     * {@code catalog}; {@code environment} gives the variables its recorded spec refers to.
     */
    public static TrainedRun open(Path directory, ComponentCatalog catalog, UnaryOperator<String> environment)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException(directory + " is not a folder; name a run directory such as "
                    + "runs/quickstart/20261122-015515-bb13845e");
        }
        Path specFile = require(directory, RunDirectory.SPEC);
        RunRecord record = RunRecord.read(directory);
        if (!record.finished()) {
            throw new InvalidInputException(directory + " is not a finished run: " + RunDirectory.PROVENANCE
                    + " says its status is " + (record.status() == null ? "unknown" : record.status()));
        }
        Path checkpoint = directory.resolve(RunDirectory.FINAL_MODEL);
        if (!Files.isRegularFile(checkpoint)) {
            throw new InvalidInputException(directory + " has no trained model: " + RunDirectory.FINAL_MODEL
                    + " is missing");
        }
        ModelChecksum.check(checkpoint);
        ExperimentSpec spec = readSpec(specFile, catalog, environment);
        DataSplits data = catalog.create(Family.DATASET, spec.data())
                .load(new LoadContext(record.specFolder().toAbsolutePath(), spec.seed()));
        ModelParts parts = Assembly.parts(spec, catalog, data.shape());
        return new TrainedRun(directory, record, spec, data, parts,
                trainedGraph(checkpoint, parts, spec.train().mcSamples()));
    }

    private static Path require(Path directory, String file) {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(directory + " is not a VAELab run directory: it has no " + file);
        }
        return path;
    }

    private static ExperimentSpec readSpec(Path specFile, ComponentCatalog catalog, UnaryOperator<String> environment) {
        try {
            return new SpecLoader(catalog, environment).load(specFile, List.of()).spec();
        } catch (SpecException e) {
            List<Problem> problems = e.problems();
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
            throw new InvalidInputException(specFile + " does not fit the installed plugins: "
                    + problems.get(0).format() + more, e);
        }
    }

    /** The model of {@code parts} with the weights saved in {@code checkpoint}. */
    private static VaeGraph trainedGraph(Path checkpoint, ModelParts parts, int samples) {
        SameDiff saved;
        try {
            saved = SameDiff.load(checkpoint.toFile(), false);
        } catch (RuntimeException e) {
            throw new InvalidInputException(checkpoint + " cannot be read as a SameDiff graph (" + Failures.reason(e)
                    + ")", e);
        }
        try {
            return parts.withWeightsFrom(saved, samples);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(checkpoint
                    + " does not fit the model its spec describes with the installed plugins: " + Failures.reason(e),
                    e);
        }
    }

    /** The run's folder. */
    public Path directory() {
        return directory;
    }

    /** The run's record: its spec's hash, the versions it was made with, its status. */
    public RunRecord record() {
        return record;
    }

    /** The run's spec. */
    public ExperimentSpec spec() {
        return spec;
    }

    /** The components and sizes of the model. */
    public ModelParts parts() {
        return parts;
    }

    /** The model with the trained weights and the run's {@code train.mc_samples} samples of z per example. */
    public VaeGraph graph() {
        return graph;
    }

    /** The shape of one example the model takes. */
    public DataShape shape() {
        return data.shape();
    }

    /** The run's own test split. */
    public DataSplit test() {
        return data.test();
    }

    /**
     * The test split of another dataset, loaded with the run's seed, {@code baseDirectory}
     * resolving its relative paths.
     *
     * @throws InvalidInputException when its examples are not of the shape the model takes, or
     *     the run's likelihood cannot model them, or the run's model is conditioned on labels that they
     *     lack
     */
    public DataSplit testOf(Component<Dataset> other, ComponentCatalog catalog, Path baseDirectory) throws IOException {
        DataSplits loaded = catalog.create(Family.DATASET, other).load(new LoadContext(baseDirectory, spec.seed()));
        if (!loaded.shape().dims().equals(shape().dims())) {
            throw new InvalidInputException("data: its examples have shape " + loaded.shape().dims() + ", the model of "
                    + directory + " takes " + shape().dims());
        }
        parts.likelihood().incompatibility(loaded.shape()).ifPresent(reason -> {
            throw new InvalidInputException("data: the run's " + spec.likelihood().type()
                    + " likelihood cannot model it: " + reason);
        });
        int classes = parts.conditioning().classes();
        if (classes > 0 && (!loaded.test().hasLabels() || loaded.shape().classes() > classes)) {
            throw new InvalidInputException("data: the run's model (family " + spec.model().family().type()
                    + ") is conditioned on " + classes + " label classes, but the data has "
                    + (loaded.test().hasLabels() ? loaded.shape().classes() + " classes" : "no labels"));
        }
        if (loaded.test().size() == 0) {
            throw new InvalidInputException("data: its test split is empty");
        }
        return loaded.test();
    }

    /** One line: the run, its data, model and likelihood. */
    public String describe() {
        return String.format(Locale.ROOT, "run %s: %s on %s, %s-%s, latent %d, %s likelihood", directory, spec.name(),
                spec.data().type(), spec.model().encoder().type(), spec.model().decoder().type(),
                spec.model().latentDim(), spec.likelihood().type());
    }
}
