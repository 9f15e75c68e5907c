package org.vaelab.core.plugin;

import org.vaelab.core.spec.ErrorId;

/**
 * The plugins do not fit together (two register the same name) or a plugin jar cannot be used
 * (built for another SPI major version, no manifest entry, not a jar); its message starts with its
 * id from the {@link ErrorId} catalogue, {@code [plugin/DuplicateType] ...}.
 */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorId id;

    public PluginException(ErrorId id, String message) {
        super("[" + id + "] " + message);
        this.id = id;
    }

    public PluginException(ErrorId id, String message, Throwable cause) {
        super("[" + id + "] " + message, cause);
        this.id = id;
    }

    /** What went wrong, from the catalogue. */
    public ErrorId id() {
        return id;
    }
}
