package org.vaelab.spi;

/**
 * Bad input a person can fix (a missing data file, a malformed file, a spec that does not fit
 * the data): the command line prints the message on one line and exits with code 2.
 * The message names the file, where in it, what was found and what is allowed. A message about a
 * value of the spec starts with its dotted path and a colon ({@code model.family: cvae conditions
 * ...}), by which VAELab reports it at the place in the spec where that value was written.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
