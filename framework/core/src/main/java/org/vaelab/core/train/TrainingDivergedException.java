package org.vaelab.core.train;

/** The training loss, or the ELBO of an evaluation, stopped being a finite number; the run is marked FAILED. */
public final class TrainingDivergedException extends TrainingFailedException {

    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
