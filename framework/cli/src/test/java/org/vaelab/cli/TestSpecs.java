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

    private TestSpecs() {
    }

    static Path write(Path folder, String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
