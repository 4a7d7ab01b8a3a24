package io.calmsdk.core.exception;

import java.util.Objects;

/**
 * A service key (Cloud ALM, Cloud Management or Service Manager) could not be read: the message names
 * the JSON path that is missing or wrong and where the key came from, never a secret value.
 */
public class InvalidServiceKeyException extends CalmClientException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * Creates an invalid-key failure.
     *
     * @param path the JSON path that is missing or wrong, e.g. {@code uaa.clientsecret}
     * @param message what is wrong and where the key came from
     */
    public InvalidServiceKeyException(String path, String message) {
        super(message);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Creates an invalid-key failure with a cause.
     *
     * @param path the JSON path that is missing or wrong
     * @param message what is wrong and where the key came from
     * @param cause the underlying failure; its message must not contain secrets
     */
    public InvalidServiceKeyException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * The JSON path that is missing or wrong.
     *
     * @return the path, e.g. {@code endpoints.Api}
     */
    public String path() {
        return path;
    }
}
