package org.vaelab.core.plugin;

/** The plugins on the class path do not fit together (for example, two register the same name). */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
