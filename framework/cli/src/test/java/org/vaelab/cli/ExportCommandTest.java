package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.inspect.LatentCodes;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.core.train.NetworkGraphs;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.testkit.PythonLibraries;

/**
 * {@code vae export --format onnx} on an MLP run and a conv run, each trained for an epoch on a slice of the real
 * Fashion-MNIST, whose networks between them use every shipped activation, layer normalisation, dropout (the
 * identity once trained), strided and transposed convolutions that crop and that pad, a likelihood of two
 * parameters per value (split in its mean) and one whose mean is piecewise: ONNX Runtime, from the Python registry,
 * runs the exported files on the runs' test images and gives the posterior means and log-variances, the decoder's
 * parameters and the likelihood's means VAELab computes, to 1e-5.
 */
class ExportCommandTest {

    private static final float TOLERANCE = 1e-5f;

    private static final String MLP = """
            name: onnx-mlp
            seed: 3
            data: {type: mnist, variant: fashion, train_limit: 300, validation: 100, test_limit: 64}
            model:
              latent_dim: 4
              encoder: {type: mlp, hidden: [32, 16], activation: leaky_relu, layer_norm: true, dropout: 0.2}
              decoder: {type: mlp, hidden: [16], activation: elu}
            likelihood: {type: gaussian, sigma: learned_per_dim}
            train: {epochs: 1, batch_size: 50}
            eval: {iwae_samples: 5, iwae_examples: 20}
            """;

    /** Decoder layer 0 is cropped from 29 to 28 rows (a slice), layer 1 extended from 13 to 14 (a pad). */
    private static final String CONV = """
            name: onnx-conv
            seed: 4
            data: {type: mnist, variant: fashion, train_limit: 300, validation: 100, test_limit: 64}
            model:
              latent_dim: 3
              encoder:
                type: conv
                layers: [{channels: 4, kernel: 4, stride: 2, padding: 1, activation: relu},
                         {channels: 8, kernel: 3, stride: 2, padding: 1, activation: softplus}]
                dense: 16
                dense_activation: tanh
              decoder:
                type: conv
                layers: [{channels: 4, kernel: 3, stride: 2, padding: 1, activation: sigmoid},
                         {channels: 6, kernel: 1, stride: 4, padding: 0, activation: identity}]
                dense: 12
                dense_activation: relu
            likelihood: {type: continuous_bernoulli}
            train: {epochs: 1, batch_size: 50}
            eval: {iwae_samples: 5, iwae_examples: 20}
            """;

    /** Runs both exported networks with ONNX Runtime: x to the posterior, the codes z to the decoder's outputs. */
    private static final String RUN_WITH_ONNX_RUNTIME = """
            import json, sys
            import numpy as np
            import onnxruntime as ort
            folder = sys.argv[1]
            manifest = json.load(open(folder + '/manifest.json'))
            def session(network):
                return ort.InferenceSession(folder + '/' + manifest[network]['file'],
                                            providers=['CPUExecutionProvider'])
            def read(name, port):
                return np.fromfile(folder + '/' + name + '.f32', dtype='<f4').reshape(-1, port['shape'][1])
            x = read('x', manifest['encoder']['inputs'][0])
            z = read('z', manifest['decoder']['inputs'][0])
            outputs = dict(zip(['z_mean', 'z_log_variance'], session('encoder').run(None, {'x': x})))
            outputs.update(zip(['params', 'x_mean'], session('decoder').run(None, {'z': z})))
            for name, values in outputs.items():
                values.astype('<f4').tofile(folder + '/onnx_' + name + '.f32')
            print(json.dumps({name: list(values.shape) for name, values in outputs.items()}))
            """;

    @TempDir
    static Path work;
    static Path mlpRun;
    static Path convRun;

    @BeforeAll
    static void trainTheRuns() throws IOException {
        mlpRun = train("onnx-mlp", MLP);
        convRun = train("onnx-conv", CONV);
    }

    @Test
    void theMlpRunsExportedNetworksGiveVaelabsNumbersInOnnxRuntime() throws IOException {
        JsonNode manifest = exportAndCompare(mlpRun, "mlp");
        assertEquals(2, manifest.get("likelihood").get("parameters_per_value").asInt());
        assertEquals(2 * 784, manifest.get("decoder").get("outputs").get(0).get("shape").get(1).asInt());
        assertEquals(0.2, manifest.get("encoder").get("spec").get("dropout").asDouble());
    }

    @Test
    void theConvRunsExportedNetworksGiveVaelabsNumbersInOnnxRuntime() throws IOException {
        JsonNode manifest = exportAndCompare(convRun, "conv");
        assertEquals(List.of(1, 28, 28), List.of(manifest.get("data").get("example_shape").get(0).asInt(),
                manifest.get("data").get("example_shape").get(1).asInt(),
                manifest.get("data").get("example_shape").get(2).asInt()));
        assertEquals("continuous_bernoulli", manifest.get("likelihood").get("spec").get("type").asText());
    }

    @Test
    void anUnknownFormatIsRefusedWithExitCode2AndNothingWritten() {
        Path folder = work.resolve("tflite");
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("export", mlpRun.toString(), "--format", "tflite",
                "-o", folder.toString());
        assertEquals(Main.BAD_INPUT, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("--format tflite: unknown format; known: onnx"), outcome.err());
        assertTrue(!Files.exists(folder), "nothing written");
    }

    /**
     * Exports {@code run} to a folder of its own, computes VAELab's posterior of the run's test images (as
     * {@code vae encode} does) and its decoder's outputs at the posterior means, has ONNX Runtime compute the same
     * from the exported files, and compares them value by value; returns the manifest.
     */
    private static JsonNode exportAndCompare(Path run, String name) throws IOException {
        Path folder = work.resolve("export-" + name);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("export", run.toString(), "--format", "onnx", "-o",
                folder.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("wrote " + folder.resolve("decoder.onnx")), outcome.out());

        TrainedRun trained = TrainedRun.open(run, PluginLoader.load(ExportCommandTest.class.getClassLoader()),
                System::getenv);
        DataSplit test = trained.test();
        float[] x = new float[test.size() * test.width()];
        for (int i = 0; i < test.size(); i++) {
            test.copyRow(i, x, i);
        }
        LatentCodes codes = LatentCodes.of(trained, test);
        SameDiff decoder = NetworkGraphs.decoder(trained.graph(), trained.parts());
        Map<String, INDArray> decoded = decoder.output(Map.of(NetworkGraphs.Z,
                Nd4j.create(codes.means(), new long[] {test.size(), codes.latentDim()}, 'c')), NetworkGraphs.PARAMS,
                VaeGraph.X_MEAN);
        writeFloats(folder.resolve("x.f32"), x);
        writeFloats(folder.resolve("z.f32"), codes.means());
        PythonLibraries.run(folder, RUN_WITH_ONNX_RUNTIME, folder.toString());

        assertClose(codes.means(), folder, VaeGraph.Z_MEAN);
        assertClose(codes.logVariances(), folder, VaeGraph.Z_LOG_VARIANCE);
        assertClose(decoded.get(NetworkGraphs.PARAMS).dup('c').data().asFloat(), folder, NetworkGraphs.PARAMS);
        assertClose(decoded.get(VaeGraph.X_MEAN).dup('c').data().asFloat(), folder, VaeGraph.X_MEAN);
        JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
        assertEquals(trained.record().specSha256(), manifest.get("run").get("spec_sha256").asText());
        assertEquals(trained.parts().latentDim(), manifest.get("latent_dim").asInt());
        return manifest;
    }

    private static void assertClose(float[] expected, Path folder, String output) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(folder.resolve("onnx_" + output + ".f32")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(expected.length, bytes.remaining() / Float.BYTES, output + ": values");
        float largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i] - bytes.getFloat()));
        }
        assertTrue(largest <= TOLERANCE, output + ": ONNX Runtime differs from VAELab by up to " + largest);
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        Files.write(file, bytes.array());
    }

    private static Path train(String name, String spec) throws IOException {
        Path file = TestSpecs.write(work, name + ".yaml", spec);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", file.toString(), "--no-progress",
                "--runs-dir", work.resolve("runs").toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        try (Stream<Path> runs = Files.list(work.resolve("runs").resolve(name))) {
            return runs.findFirst().orElseThrow();
        }
    }
}
