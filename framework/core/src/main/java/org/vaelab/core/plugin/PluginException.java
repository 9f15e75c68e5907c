package org.vaelab.core.plugin;

/**
 * The plugins do not fit together (two register the same name) or a plugin jar cannot be used
 * (built for another SPI major version, no manifest entry, not a jar).
 */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
