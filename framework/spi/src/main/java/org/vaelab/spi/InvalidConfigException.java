package org.vaelab.spi;

/**
 * Thrown by a configuration record's compact constructor when values that are each valid do not
 * fit together. The framework reports it at the record's path plus {@link #key()}.
 */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the YAML key the problem is about (snake case), or an empty string for the block
     * @param message what is wrong and what is allowed
     */
    public InvalidConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The YAML key the problem is about, or an empty string for the whole block. */
    public String key() {
        return key;
    }
}
