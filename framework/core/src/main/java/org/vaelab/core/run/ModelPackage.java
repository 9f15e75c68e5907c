package org.vaelab.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vaelab.core.export.OnnxExport;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.train.Failures;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.TrainedModel;

/**
 * The trained model of a finished run as it travels: the checkpoint VAELab writes and its
 * SHA-256, the resolved spec, the encoder and decoder as ONNX models with their manifest (as
 * {@code vae export --format onnx} writes them; left out, and the card says why, for a network
 * with an op ONNX export does not translate), a descriptor {@value #DESCRIPTOR} in the manner of
 * MLflow's {@code MLmodel} file (a {@code vaelab} flavor naming the checkpoint, the spec, the
 * input shape, the latent size and the likelihood; an {@code onnx} flavor naming the ONNX files)
 * and a model card {@value #CARD} with the test metrics and the run's provenance: spec hash,
 * seed, build, data digest and the {@code vae reproduce} command that trains it again. The ONNX
 * files, the descriptor and the card are written under {@value #FOLDER} of the run directory;
 * the model's other files are the run's own.
 */
final class ModelPackage {

    /** The folder of the run directory that holds the ONNX files, the descriptor and the card. */
    static final String FOLDER = "model";
    /** The descriptor's name inside the model. */
    static final String DESCRIPTOR = "MLmodel";
    /** The model card's name inside the model. */
    static final String CARD = "README.md";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

    private final RunInfo run;
    private final RunRecord record;
    private final ExperimentSpec spec;
    private final DataShape shape;
    private final ComponentCatalog catalog;

    /**
     * @param run the run as its trackers know it: id, name, tags, data digest
     * @param record the run's provenance: spec hash, seed, versions, commit
     * @param spec the run's spec
     * @param shape the shape of one example of the run's data
     * @param catalog the installed plugins, whose descriptions the ONNX manifest quotes
     */
    ModelPackage(RunInfo run, RunRecord record, ExperimentSpec spec, DataShape shape, ComponentCatalog catalog) {
        this.run = run;
        this.record = record;
        this.spec = spec;
        this.shape = shape;
        this.catalog = catalog;
    }

    /**
     * Writes the ONNX files of {@code trained}, the evaluation graph of {@code model} just trained
     * ({@link OnnxExport}, where every op of its networks translates), the descriptor and the card
     * of the model whose checkpoint is {@code checkpoint} (with {@code checksum} beside it); returns
     * the model with {@code metrics}, measured at {@code step}.
     */
    TrainedModel write(RunDirectory directory, Assembly model, VaeGraph trained, String checkpoint, String checksum,
                       Map<String, Double> metrics, long step) throws IOException {
        TrainedRun ending = TrainedRun.ending(directory.root(), record, spec, model.data(), model.parts(), trained);
        Map<String, Path> files = new LinkedHashMap<>();
        String onnx;
        try {
            for (Path file : OnnxExport.write(ending, catalog, directory.root().resolve(FOLDER))) {
                files.put(file.getFileName().toString(), file);
            }
            onnx = null;
        } catch (RuntimeException untranslatable) {
            onnx = Failures.reason(untranslatable); // a network ONNX export cannot translate keeps the rest
        }
        files.put(DESCRIPTOR, directory.writeText(FOLDER + "/" + DESCRIPTOR, descriptor(checkpoint, onnx == null)));
        files.put(CARD, directory.writeText(FOLDER + "/" + CARD, card(directory.root(), metrics, onnx)));
        files.put(checkpoint, directory.root().resolve(checkpoint));
        files.put(checksum, directory.root().resolve(checksum));
        files.put(RunDirectory.SPEC, directory.root().resolve(RunDirectory.SPEC));
        return new TrainedModel(spec.name(), files, metrics, step);
    }

    /** The descriptor: MLflow's {@code MLmodel} fields, the {@code vaelab} flavor and, if exported, the ONNX files. */
    String descriptor(String checkpoint, boolean withOnnx) throws JsonProcessingException {
        Map<String, Object> flavor = new LinkedHashMap<>();
        flavor.put("vaelab_version", record.vaelabVersion());
        flavor.put("nd4j_version", record.nd4jVersion());
        flavor.put("checkpoint", checkpoint);
        flavor.put("checkpoint_format", "SameDiff FlatBuffers");
        flavor.put("spec", RunDirectory.SPEC);
        flavor.put("spec_sha256", record.specSha256());
        flavor.put("input_shape", shape.dims());
        flavor.put("input_range", shape.range().name().toLowerCase(Locale.ROOT));
        flavor.put("latent_size", spec.model().latentDim());
        flavor.put("encoder", spec.model().encoder().type());
        flavor.put("decoder", spec.model().decoder().type());
        flavor.put("likelihood", spec.likelihood().type());
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("artifact_path", FOLDER);
        Map<String, Object> flavors = new LinkedHashMap<>();
        flavors.put("vaelab", flavor);
        if (withOnnx) {
            flavors.put("onnx", Map.of("encoder", OnnxExport.ENCODER, "decoder", OnnxExport.DECODER,
                    "manifest", OnnxExport.MANIFEST));
        }
        descriptor.put("flavors", flavors);
        descriptor.put("model_uuid", run.runId());
        descriptor.put("run_id", run.runId());
        descriptor.put("utc_time_created", record.ended() != null ? record.ended() : record.started());
        return YAML.writeValueAsString(descriptor);
    }

    /** The model card, in markdown; {@code onnxProblem} says why there are no ONNX files, null when there are. */
    String card(Path runDirectory, Map<String, Double> metrics, String onnxProblem) {
        StringBuilder card = new StringBuilder();
        card.append("# ").append(spec.name()).append("\n\nA variational autoencoder (Kingma and Welling 2014) "
                + "trained by VAELab: encoder `").append(spec.model().encoder().type()).append("`, decoder `")
                .append(spec.model().decoder().type()).append("`, latent size ").append(spec.model().latentDim())
                .append(", `").append(spec.likelihood().type()).append("` likelihood, input shape ")
                .append(shape.dims()).append(".\n\n## Test metrics\n\nNats per example; `test/elbo`: higher is "
                        + "better.\n\n| metric | value |\n|---|---|\n");
        new TreeMap<>(metrics).forEach((name, value) -> card.append(String.format(Locale.ROOT, "| %s | %.6g |%n",
                name, value)));
        card.append("\n## Provenance\n\n")
                .append("- spec: `").append(RunDirectory.SPEC).append("`, SHA-256 `").append(record.specSha256())
                .append("`\n- seed: ").append(record.seed())
                .append("\n- build: VAELab ").append(record.vaelabVersion()).append(", ND4J ")
                .append(record.nd4jVersion()).append(", ").append(record.backend())
                .append(record.commit().map(commit -> ", git commit `" + commit + "`").orElse(""))
                .append("\n- data: `").append(run.dataset().name()).append("`, digest `").append(run.dataset().digest())
                .append("`\n- run: `").append(run.runId()).append("` in `").append(runDirectory).append("`\n")
                .append("\n## Reproduce\n\n```\nvae reproduce ").append(runDirectory).append("\n```\n\n")
                .append("trains the spec again with the same seed and compares the new `metrics.csv` with this run's, "
                        + "line by line.\n\n## Files\n\n")
                .append("- `").append(RunDirectory.FINAL_MODEL).append("`: the trained weights (SameDiff "
                        + "FlatBuffers), with its SHA-256; `vae eval`, `vae sample` and `vae encode` use it from the "
                        + "run directory, `vae export RUN --format onnx` turns it into ONNX\n")
                .append("- `").append(RunDirectory.SPEC).append("`: the resolved spec\n")
                .append("- `").append(DESCRIPTOR).append("`: the descriptor (flavor `vaelab`)\n")
                .append(onnxProblem == null ? "- `" + OnnxExport.ENCODER + "`, `" + OnnxExport.DECODER + "`, `"
                        + OnnxExport.MANIFEST + "`: the encoder and the decoder as ONNX models and what they take "
                        + "and give, as `vae export RUN --format onnx` writes them\n"
                        : "- no ONNX files: " + onnxProblem + "\n");
        return card.toString();
    }
}
