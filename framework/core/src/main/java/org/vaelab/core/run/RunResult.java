package org.vaelab.core.run;

import java.nio.file.Path;
import org.vaelab.core.train.ElboTerms;

/**
 * A finished run.
 *
 * @param directory the run directory
 * @param test the test split's ELBO terms after the last epoch
 * @param seconds wall time of the whole run
 */
public record RunResult(Path directory, ElboTerms test, double seconds) {
}
