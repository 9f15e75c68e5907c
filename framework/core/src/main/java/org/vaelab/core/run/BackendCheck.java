package org.vaelab.core.run;

import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.spec.ExperimentSpec.Backend;
import org.vaelab.spi.InvalidInputException;

/** Checks that the ND4J backend on the class path is the one the spec asks for. */
final class BackendCheck {

    private BackendCheck() {
    }

    static void require(Backend wanted) {
        String loaded = Nd4j.getBackend().getClass().getSimpleName();
        boolean cuda = loaded.toLowerCase(Locale.ROOT).contains("cuda")
                || loaded.toLowerCase(Locale.ROOT).contains("jcublas");
        if ((wanted == Backend.CUDA) != cuda) {
            throw new InvalidInputException("backend: the spec asks for " + wanted.name().toLowerCase(Locale.ROOT)
                    + " but ND4J loaded " + loaded + "; build with "
                    + (wanted == Backend.CUDA ? "-Pcuda" : "the default cpu profile") + " or change 'backend'");
        }
    }
}
