package org.vaelab.cli;

import org.vaelab.core.run.TrainedRun;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --iwae K}: importance samples of a log-likelihood estimate (Burda et al. 2016), by default the run's own. */
final class IwaeOption {

    /** The largest K, as in a spec's {@code eval.iwae_samples}. */
    static final int MAX_SAMPLES = 1_000_000;

    @Option(names = "--iwae", paramLabel = "K",
            description = "Importance samples K of the log p(x) estimate (IWAE); 0 skips it (default: the run's "
                    + "eval.iwae_samples).")
    Integer samples;

    /** K as given, or the run's {@code eval.iwae_samples}; a usage error when out of range. */
    int samples(TrainedRun run, CommandLine.Model.CommandSpec command) {
        int value = samples == null ? run.spec().eval().iwaeSamples() : samples;
        CommandArguments.requireRange(command, "--iwae", value, 0, MAX_SAMPLES);
        return value;
    }
}
