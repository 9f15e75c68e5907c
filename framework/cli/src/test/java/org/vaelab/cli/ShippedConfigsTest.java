package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.testkit.PythonLibraries;

/**
 * Every spec shipped in {@code configs/} runs to completion on a small budget, trained by the
 * compiled engine: one epoch on a slice of its data (the digits spec, which needs files this
 * machine does not have, is only validated; the HDF5 spec on a file written from a slice of
 * Fashion-MNIST; the npy spec reads an archive NumPy writes of the first Fashion-MNIST images, the
 * binarised MNIST spec files of random bits NumPy writes in the published format, the dSprites spec
 * a thinned grid NumPy writes in DeepMind's layout). A CSV run keeps the scaling fitted on its
 * training split in {@code data/scaling.csv}; a run on data with factors logs the disentanglement
 * metrics. The provenance says how the KL was computed: in closed form for N(0, I) and the diagonal
 * Gaussian and for the categorical code, by Monte Carlo for any other prior or posterior. A model family
 * that logs metrics of its own (beta-TCVAE's terms, the MMD, DIP-VAE's penalty, FactorVAE's total-correlation
 * estimate and discriminator accuracy, PIWAE's decoder loss) logs them, and so does a posterior with a training
 * term of its own (the VQ-VAE's code book use); a conditional VAE (mlp or conv) draws its samples one row per class.
 */
class ShippedConfigsTest {

    /** The metrics a model family logs every step besides the loss's terms, by family type. */
    private static final Map<String, List<String>> FAMILY_METRICS = Map.of(
            "beta_tcvae", List.of("train/mi", "train/tc", "train/dwkl"),
            "wae_mmd", List.of("train/mmd"),
            "info_vae", List.of("train/mmd"),
            "dip_vae_i", List.of("train/covariance_penalty"),
            "dip_vae_ii", List.of("train/covariance_penalty"),
            "factor_vae", List.of("train/tc_estimate", "train/discriminator_accuracy"),
            "piwae", List.of("train/generative_loss"));

    /** The metrics a posterior's training term logs every step, by posterior type: the VQ-VAE's code book use. */
    private static final Map<String, List<String>> POSTERIOR_METRICS = Map.of(
            "vq", List.of("train/codebook_perplexity", "train/codes_used"));

    /** The prior / posterior pairs whose KL is in closed form: N(0, I) with the Gaussian, the categorical code. */
    private static final List<String> CLOSED_FORM_PAIRS = List.of("standard_normal / gaussian",
            "categorical / gumbel_softmax");

    /** The classes of Fashion-MNIST, one row each in a conditional model's samples. */
    private static final int FASHION_CLASSES = 10;

    private static final Path CONFIGS = Path.of(System.getProperty("vaelab.root", "../..")).resolve("configs");

    /**
     * The {@code npy} spec's archive, in Keras' layout, of the first Fashion-MNIST images (Debian's
     * files, read by NumPy): what {@code scripts/fashion-mnist-npz} writes, smaller.
     */
    private static final String FASHION_NPZ = """
            import gzip, sys
            import numpy as np
            def idx(name, offset, count, size):
                with gzip.open(sys.argv[1] + '/' + name + '.gz', 'rb') as f:
                    return np.frombuffer(f.read(offset + count * size), dtype=np.uint8, offset=offset)
            np.savez_compressed('fashion.npz',
                                x_train=idx('train-images-idx3-ubyte', 16, 800, 784).reshape(-1, 28, 28),
                                y_train=idx('train-labels-idx1-ubyte', 8, 800, 1).astype(np.int64),
                                x_test=idx('t10k-images-idx3-ubyte', 16, 200, 784).reshape(-1, 28, 28),
                                y_test=idx('t10k-labels-idx1-ubyte', 8, 200, 1).astype(np.int64))
            """;

    /**
     * The dSprites spec's file in DeepMind's layout (imgs, latents_values, latents_classes, a pickled
     * metadata), on a grid thinned to 3 shapes, 2 scales, 4 orientations and 8 x 8 positions, with a
     * 6-pixel square per image at its position.
     */
    private static final String DSPRITES_NPZ = """
            import itertools
            import numpy as np
            grid = [[1.0], [1.0, 2.0, 3.0], [0.5, 1.0], list(np.linspace(0, 2 * np.pi, 4)),
                    list(np.linspace(0, 1, 8)), list(np.linspace(0, 1, 8))]
            classes = np.array(list(itertools.product(*[range(len(g)) for g in grid])), dtype=np.int64)
            values = np.stack([np.asarray(grid[k])[classes[:, k]] for k in range(6)], axis=1)
            imgs = np.zeros((len(classes), 64, 64), dtype=np.uint8)
            for i, (x, y) in enumerate(zip(8 + 5 * classes[:, 4], 8 + 5 * classes[:, 5])):
                imgs[i, y:y + 6, x:x + 6] = 1
            np.savez_compressed('dsprites.npz', imgs=imgs, latents_values=values, latents_classes=classes,
                                metadata=np.array({'description': 'thinned grid'}, dtype=object))
            """;

    /** The binarised MNIST spec's three files in the published text format: random bits, 700, 100 and 100 lines. */
    private static final String BINARIZED_MNIST = """
            import os
            import numpy as np
            rng = np.random.default_rng(1)
            os.makedirs('binarized_mnist')
            for split, n in (('train', 700), ('valid', 100), ('test', 100)):
                np.savetxt('binarized_mnist/binarized_mnist_' + split + '.amat',
                           (rng.random((n, 784)) < 0.15).astype(int), fmt='%d')
            """;

    /** Sample sizes of the disentanglement metrics for a few hundred test images. */
    private static final List<String> SMALL_DISENTANGLEMENT = List.of("--set",
            "eval.disentanglement_options.train_points=500", "--set", "eval.disentanglement_options.test_points=200",
            "--set", "eval.disentanglement_options.variance_samples=500");

    @TempDir
    Path work;

    static Stream<String> configs() throws IOException {
        try (Stream<Path> files = Files.list(CONFIGS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    /**
     * The HDF5 file the hdf5 spec's header says to write, written by the same script from the first
     * 700 training and 100 test images of Debian's Fashion-MNIST.
     */
    private String fashionHdf5() throws IOException {
        Path data = Files.createDirectories(work.resolve("data"));
        PythonLibraries.run(data, Files.readString(CONFIGS.resolveSibling("scripts").resolve("fashion-mnist-files")),
                data.toString(), "700", "100");
        return data.resolve("fashion-mnist.h5").toString();
    }

    @ParameterizedTest
    @MethodSource("configs")
    void runsToCompletionOnASmallBudget(String config) throws IOException {
        Path spec = CONFIGS.resolve(config);
        JsonNode data = new YAMLMapper().readTree(spec.toFile()).path("data");
        if ("digits".equals(data.path("variant").asText())) {
            assertEquals(0, CommandLineRunner.vae("validate", spec.toString()).exitCode());
            return;
        }
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--runs-dir", work.toString(),
                "--set", "train.epochs=1", "--set", "eval.every_epochs=1"));
        switch (data.path("type").asText()) {
            case "mnist" -> args.addAll(List.of("--set", "data.train_limit=700", "--set", "data.validation=100",
                    "--set", "data.test_limit=100"));
            case "swiss_roll" -> args.addAll(List.of("--set", "data.n=1000"));
            case "hdf5" -> args.addAll(List.of("--set", "data.path=" + fashionHdf5(), "--set", "data.validation=100"));
            case "sprites" -> {
                args.addAll(List.of("--set", "data.n=500"));
                args.addAll(SMALL_DISENTANGLEMENT);
            }
            case "npy" -> {
                if (data.has("factors")) {
                    PythonLibraries.run(work, DSPRITES_NPZ);
                    args.addAll(List.of("--set", "data.path=" + work.resolve("dsprites.npz")));
                    args.addAll(SMALL_DISENTANGLEMENT);
                } else {
                    PythonLibraries.run(work, FASHION_NPZ, "/usr/share/datasets/fashion-mnist");
                    args.addAll(List.of("--set", "data.path=" + work.resolve("fashion.npz"), "--set",
                            "data.train_limit=700", "--set", "data.test_limit=100"));
                }
            }
            case "binarized_mnist" -> {
                PythonLibraries.run(work, BINARIZED_MNIST);
                args.addAll(List.of("--set", "data.path=" + work.resolve("binarized_mnist")));
            }
            default -> { }
        }
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae(args.toArray(String[]::new));
        assertEquals(0, outcome.exitCode(), config + ": " + outcome.err());
        try (Stream<Path> runs = Files.walk(work)) {
            Path provenance = runs.filter(p -> p.getFileName().toString().equals("provenance.json")).findFirst()
                    .orElseThrow();
            JsonNode record = new ObjectMapper().readTree(provenance.toFile());
            assertEquals("FINISHED", record.path("status").asText());
            assertEquals("compiled", record.path("training_step").asText(), config + " trains on the compiled engine");
            if ("csv".equals(data.path("type").asText())) {
                List<String> scaling = Files.readAllLines(provenance.resolveSibling("data/scaling.csv"));
                assertEquals("column,method,offset,scale", scaling.get(0));
                assertEquals(data.path("columns").size() + 1, scaling.size(), "one row per column: " + scaling);
            }
            String metrics = Files.readString(provenance.resolveSibling("metrics.csv"));
            if ("uniform".equals(data.path("dequantize").asText())) {
                assertTrue(metrics.contains(",test/bpd,") && metrics.contains(",test/iwae_bpd,"),
                        "dequantized data: bits per dimension");
                assertTrue(outcome.out().contains("bits/dim"), outcome.out());
            }
            if ("sprites".equals(data.path("type").asText()) || data.has("factors")) {
                for (String metric : List.of("disent/mig", "disent/sap", "disent/dci_disentanglement")) {
                    assertTrue(metrics.contains("," + metric + ","), "a run on data with factors logs " + metric);
                }
            }
            JsonNode model = new YAMLMapper().readTree(spec.toFile()).path("model");
            String prior = model.path("prior").path("type").asText("standard_normal");
            String posterior = model.path("posterior").path("type").asText("gaussian");
            boolean closedForm = CLOSED_FORM_PAIRS.contains(prior + " / " + posterior);
            assertEquals(closedForm ? "closed_form" : "monte_carlo", record.path("kl").asText(),
                    config + ": how the KL is computed");
            String family = model.path("family").path("type").asText();
            for (String term : FAMILY_METRICS.getOrDefault(family, List.of())) {
                assertTrue(metrics.contains("," + term + ","), family + " logs " + term);
            }
            for (String term : POSTERIOR_METRICS.getOrDefault(posterior, List.of())) {
                assertTrue(metrics.contains("," + term + ","), posterior + " logs " + term);
            }
            if ("cvae".equals(family)) {
                BufferedImage samples = FigureChecks.assertDrawn(provenance.resolveSibling("images/samples.png"), 60);
                assertEquals(FASHION_CLASSES * 30 + 2, samples.getHeight(),
                        config + ": one row of 28-pixel samples and its gutter per class");
            }
        }
        assertTrue(outcome.out().contains("test ELBO"), outcome.out());
    }
}
