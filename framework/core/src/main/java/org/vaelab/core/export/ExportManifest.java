package org.vaelab.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.core.run.Versions;
import org.vaelab.core.spec.Component;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.NetworkGraphs;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;

/**
 * What an exported run's ONNX files take and give, for a reader with no VAELab at hand: the inputs and outputs of
 * both networks (names, shapes with the batch as {@code batch}, meanings), the data's example shape and value range,
 * the latent size, the likelihood (its spec block, its description, how its parameters lie in the decoder's output
 * and the values of any parameters it learned itself, such as one learned log-variance), the prior and posterior,
 * and where it came from (the run, its spec's SHA-256, the VAELab versions that trained and exported it).
 */
final class ExportManifest {

    /** The prefix of the likelihood's own trainable variables. */
    private static final String LIKELIHOOD_SCOPE = "likelihood/";

    private final TrainedRun run;
    private final ComponentCatalog catalog;
    private final ModelParts parts;

    ExportManifest(TrainedRun run, ComponentCatalog catalog) {
        this.run = run;
        this.catalog = catalog;
        this.parts = run.parts();
    }

    /** x, then the labels of a conditional model. */
    List<Port> encoderInputs() {
        DataShape shape = parts.shape();
        List<Port> ports = new ArrayList<>(List.of(Port.rows(VaeGraph.X, shape.size(), "examples of shape "
                + shape.dims() + " flattened row-major, valued as the run's data block loads them ("
                + shape.range().name().toLowerCase(Locale.ROOT) + ")")));
        labels().ifPresent(ports::add);
        return ports;
    }

    /** The mean and log-variance of q(z|x). */
    List<Port> encoderOutputs() {
        int latent = parts.latentDim();
        return List.of(Port.rows(VaeGraph.Z_MEAN, latent, "the mean of the Gaussian q(z|x)"),
                Port.rows(VaeGraph.Z_LOG_VARIANCE, latent, "the natural log of the variance of the Gaussian q(z|x)"));
    }

    /** z, then the labels of a conditional model. */
    List<Port> decoderInputs() {
        List<Port> ports = new ArrayList<>(List.of(Port.rows(NetworkGraphs.Z, parts.latentDim(), "codes z")));
        labels().ifPresent(ports::add);
        return ports;
    }

    /** The likelihood's parameters and the mean of p(x|z). */
    List<Port> decoderOutputs() {
        int width = parts.shape().size();
        int blocks = parts.likelihood().parametersPerValue();
        return List.of(Port.rows(NetworkGraphs.PARAMS, (long) blocks * width, "the parameters of the "
                        + run.spec().likelihood().type() + " likelihood p(x|z): " + blocks + " block(s) of " + width
                        + " columns, block p in columns p*" + width + " to (p+1)*" + width
                        + "-1, each value at its index in x (see likelihood.description)"),
                Port.rows(VaeGraph.X_MEAN, width, "the mean of p(x|z), laid out as x"));
    }

    private Optional<Port> labels() {
        int classes = parts.conditioning().classes();
        return classes == 0 ? Optional.empty() : Optional.of(Port.rows(VaeGraph.Y, classes,
                "one-hot labels of the " + classes + " classes the model is conditioned on"));
    }

    /** Writes the manifest as JSON to {@code file}. */
    Path write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), content());
        return file;
    }

    private Map<String, Object> content() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", "onnx");
        map.put("onnx_opset", OnnxGraph.OPSET);
        map.put("onnx_ir_version", OnnxGraph.IR_VERSION);
        map.put("exported_by", "VAELab " + Versions.current().vaelab());
        map.put("run", ordered("name", run.spec().name(), "directory", run.directory().toString(),
                "spec_sha256", run.record().specSha256(), "vaelab_version", run.record().vaelabVersion()));
        map.put("data", ordered("type", run.spec().data().type(), "example_shape", parts.shape().dims(),
                "value_range", parts.shape().range().name().toLowerCase(Locale.ROOT)));
        map.put("latent_dim", parts.latentDim());
        map.put("encoder", network(OnnxExport.ENCODER, run.spec().model().encoder(), encoderInputs(),
                encoderOutputs()));
        map.put("decoder", network(OnnxExport.DECODER, run.spec().model().decoder(), decoderInputs(),
                decoderOutputs()));
        map.put("likelihood", likelihood());
        map.put("prior", component(run.spec().model().prior(), "standard_normal"));
        map.put("posterior", component(run.spec().model().posterior(), "gaussian"));
        return map;
    }

    private static Map<String, Object> network(String file, Component<?> spec, List<Port> inputs, List<Port> outputs) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", file);
        map.put("spec", ResolvedSpec.plain(spec));
        map.put("inputs", inputs.stream().map(Port::describe).toList());
        map.put("outputs", outputs.stream().map(Port::describe).toList());
        return map;
    }

    private Map<String, Object> likelihood() {
        Component<?> spec = run.spec().likelihood();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("spec", ResolvedSpec.plain(spec));
        map.put("description", catalog.factory(Family.LIKELIHOOD, spec.type()).map(f -> f.description())
                .orElse(spec.type()));
        map.put("parameters_per_value", parts.likelihood().parametersPerValue());
        Map<String, Object> learned = new LinkedHashMap<>();
        for (SDVariable v : run.graph().sameDiff().variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && v.name().startsWith(LIKELIHOOD_SCOPE)) {
                learned.put(v.name(), v.getArr().isScalar() ? v.getArr().getDouble(0)
                        : v.getArr().dup().data().asDouble());
            }
        }
        map.put("learned", learned);
        map.put("learned_meaning", "the likelihood's own trainable variables as trained, before any transformation "
                + "the likelihood applies to them (a learned log-spread of gaussian or laplace is softly clamped into "
                + "the spec's bounds; see VAELab's user guide)");
        return map;
    }

    /** A map of the keys and values given in turn, in that order. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Object component(Component<?> spec, String absent) {
        return spec == null ? Map.of("type", absent) : ResolvedSpec.plain(spec);
    }
}
