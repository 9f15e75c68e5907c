package org.vaelab.core.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.core.run.Versions;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.NetworkGraphs;
import org.vaelab.spi.InvalidInputException;

/**
 * A trained run's encoder and decoder as two ONNX models, {@link #ENCODER} (x to the mean and log-variance of the
 * Gaussian q(z|x), Kingma and Welling 2014, appendix C.2) and {@link #DECODER} (z to the likelihood's parameters and
 * the mean of p(x|z)), with the {@link ExportManifest} beside them. Both are evaluation networks: dropout passes its
 * input through, as in every evaluation of the run. Every op of both networks is translated before any file is
 * written, so a network that cannot be exported leaves the folder as it was.
 */
public final class OnnxExport {

    /** The encoder's file. */
    public static final String ENCODER = "encoder.onnx";
    /** The decoder's file. */
    public static final String DECODER = "decoder.onnx";
    /** The manifest's file. */
    public static final String MANIFEST = "manifest.json";

    private OnnxExport() {
    }

    /**
     * Writes the three files of {@code run} into {@code folder}, creating it when missing; returns them.
     *
     * @param catalog the installed plugins, whose descriptions the manifest quotes
     * @throws InvalidInputException when a network uses an op that cannot be translated
     */
    public static List<Path> write(TrainedRun run, ComponentCatalog catalog, Path folder) throws IOException {
        ModelParts parts = run.parts();
        ExportManifest manifest = new ExportManifest(run, catalog);
        String version = Versions.current().vaelab();
        byte[] encoder = model("encoder", NetworkGraphs.encoder(run.graph(), parts),
                "the encoder (" + run.spec().model().encoder().type() + ")", manifest.encoderInputs(),
                manifest.encoderOutputs()).model(version, "q(z|x) of VAELab run " + run.directory()).toByteArray();
        byte[] decoder = model("decoder", NetworkGraphs.decoder(run.graph(), parts),
                "the decoder (" + run.spec().model().decoder().type() + ") with the "
                        + run.spec().likelihood().type() + " likelihood's mean", manifest.decoderInputs(),
                manifest.decoderOutputs()).model(version, "p(x|z) of VAELab run " + run.directory()).toByteArray();
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        written.add(Files.write(folder.resolve(ENCODER), encoder));
        written.add(Files.write(folder.resolve(DECODER), decoder));
        written.add(manifest.write(folder.resolve(MANIFEST)));
        return written;
    }

    private static OnnxGraph model(String name, SameDiff network, String description, List<Port> inputs,
                                   List<Port> outputs) {
        OnnxGraph graph = new OnnxGraph(name);
        inputs.forEach(port -> graph.input(port.name(), DataType.FLOAT, port.dims()));
        SameDiffToOnnx.translate(network, graph, description);
        outputs.forEach(port -> graph.output(port.name(), DataType.FLOAT, port.dims()));
        return graph;
    }
}
