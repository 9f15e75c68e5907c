package org.vaelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Specs the command-line tests run, on small slices of Debian's Fashion-MNIST. */
final class TestSpecs {

    /** The classic MLP VAE on 3,000 training and 1,000 test images. */
    static final String SMALL_FASHION = """
            name: slice
            seed: 7
            data: {type: mnist, variant: fashion, train_limit: 3500, validation: 500, test_limit: 1000}
            model:
              latent_dim: 8
              encoder: {type: mlp, hidden: [400]}
              decoder: {type: mlp, hidden: [400]}
            likelihood: {type: bernoulli}
            train: {epochs: 2, batch_size: 64}
            """;

    /** An MLP VAE with a 2-D latent space, one epoch on 1,000 training and 300 test images. */
    static final String TINY_2D = """
            name: tiny2d
            seed: 5
            data: {type: mnist, variant: fashion, train_limit: 1200, validation: 200, test_limit: 300}
            model:
              latent_dim: 2
              encoder: {type: mlp, hidden: [128]}
              decoder: {type: mlp, hidden: [128]}
            likelihood: {type: bernoulli}
            train: {epochs: 1, batch_size: 50, log_every_steps: 5}
            eval: {iwae_samples: 10}
            """;

    /**
     * A conditional VAE (model.family cvae) with a 2-D latent space, three epochs on 4,000
     * training and 300 test images: enough for samples to look like their class.
     */
    static final String TINY_CVAE = """
            name: tinycvae
            seed: 5
            data: {type: mnist, variant: fashion, train_limit: 4200, validation: 200, test_limit: 300}
            model:
              latent_dim: 2
              encoder: {type: mlp, hidden: [128]}
              decoder: {type: mlp, hidden: [128]}
              family: {type: cvae}
            likelihood: {type: bernoulli}
            optimizer: {type: adam, lr: 3.0e-3}
            train: {epochs: 3, batch_size: 32}
            eval: {iwae_samples: 10}
            """;

    /**
     * A small MLP VAE on 1,000 training and 300 test images for one epoch, with a short importance
     * sampled estimate: a few seconds a run, for studies of several trials.
     */
    static final String TINY_FASHION = """
            name: tiny
            seed: 7
            data: {type: mnist, variant: fashion, train_limit: 1200, validation: 200, test_limit: 300}
            model:
              latent_dim: 4
              encoder: {type: mlp, hidden: [64]}
              decoder: {type: mlp, hidden: [64]}
            likelihood: {type: bernoulli}
            train: {epochs: 1, batch_size: 100}
            eval: {iwae_samples: 10, iwae_examples: 100}
            """;

    /** A study of {@code base.yaml} beside it: beta and latent size, four trials. */
    static final String BETA_LATENT_STUDY = """
            base: base.yaml
            grid:
              kl.beta: [0.5, 2]
              model.latent_dim: [2, 4]
            """;

    private TestSpecs() {
    }

    static Path write(Path folder, String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
