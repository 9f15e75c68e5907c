package org.vaelab.core.train;

import java.io.IOException;

/**
 * The reason of a failure in words a person can act on. Libraries wrap the cause that matters
 * ("No space left on device") in exceptions of their own ("Error saving SameDiff instance to
 * file"), and many exceptions have no message at all, which would otherwise print as "null".
 */
public final class Failures {

    private Failures() {
    }

    /**
     * The message of the first {@link IOException} among {@code failure} and its causes; else the
     * first message among them; else the name of {@code failure}'s class.
     */
    public static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
