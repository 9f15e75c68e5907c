package org.vaelab.spi.optim;

import org.nd4j.linalg.learning.config.IUpdater;

/** Supplies the ND4J updater (with its learning-rate schedule, if any) used for training. */
public interface Optimizer {

    /** A new updater configuration. */
    IUpdater updater();
}
