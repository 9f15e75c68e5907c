package org.vaelab.core.train;

/**
 * A run stopped by a failure its message fully explains (the loss became NaN, memory ran out):
 * the command line prints the message alone, and the run is marked FAILED with it.
 */
public class TrainingFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingFailedException(String message) {
        super(message);
    }

    public TrainingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
