package org.vaelab.core.spec;

import java.util.List;
import org.vaelab.spi.Param;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.optim.Optimizer;
import org.vaelab.spi.track.Tracker;

/** A whole experiment, as a spec file describes it (DESIGN.md section 6). */
public record ExperimentSpec(
        @Param("Experiment name; the run directory is runs/NAME/...") String name,
        @Param(value = "Seed of every random choice: initial weights, shuffling, noise", defaultValue = "42", min = 0)
        long seed,
        @Param(value = "The ND4J backend this spec expects; the run fails if another is loaded", defaultValue = "cpu")
        Backend backend,
        @Param("The dataset") Component<Dataset> data,
        @Param("The encoder, decoder and latent size") ModelSpec model,
        @Param("The observation model p(x|z)") Component<Likelihood> likelihood,
        @Param(value = "How the KL term is weighted during training", defaultValue = "{type: beta}")
        Component<KlSchedule> kl,
        @Param(value = "The optimizer", defaultValue = "{type: adam}") Component<Optimizer> optimizer,
        @Param(value = "Training length and batching", defaultValue = "{}") TrainSpec train,
        @Param(value = "Evaluation settings", defaultValue = "{}") EvalSpec eval,
        @Param(value = "Trackers besides the local run directory, which is always written", defaultValue = "[]")
        List<Component<Tracker>> tracking) {

    public ExperimentSpec {
        Names.requireFolderName("name", name);
        tracking = List.copyOf(tracking);
    }

    /** The ND4J backends a spec can ask for. */
    public enum Backend { CPU, CUDA }
}
