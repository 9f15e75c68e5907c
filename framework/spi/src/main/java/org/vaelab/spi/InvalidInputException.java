package org.vaelab.spi;

/**
 * Bad input a person can fix (a missing data file, a malformed file, a spec that does not fit
 * the data): the command line prints the message on one line and exits with code 2.
 * The message names the file, where in it, what was found and what is allowed.
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
