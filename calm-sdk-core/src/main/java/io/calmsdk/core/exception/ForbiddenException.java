package io.calmsdk.core.exception;

import io.calmsdk.core.model.CalmScope;
import java.util.List;
import java.util.Optional;

/**
 * HTTP 403: the credentials are valid but lack an authority. For Cloud ALM this almost always means
 * a {@code calm-api.*} scope is missing from the instance's {@code authorities}; when the SDK knows
 * which scope the call needs, {@link #requiredScope()} names it and {@link #grantedScopes()} lists
 * what the token had.
 */
public class ForbiddenException extends CalmServiceException {

    private static final long serialVersionUID = 1L;

    private final CalmScope requiredScope;
    private final List<String> grantedScopes;

    /**
     * Creates the exception from the failed exchange.
     *
     * @param failure what is known about the failed exchange
     */
    public ForbiddenException(ServiceFailure failure) {
        super(failure, "the credentials lack an authority for this call: add the needed scope to the"
                + " instance's authorities and create a new token");
        this.requiredScope = null;
        this.grantedScopes = List.of();
    }

    /**
     * Creates the exception naming the scope the call needs and the scopes the token had.
     *
     * @param failure what is known about the failed exchange
     * @param requiredScope the scope the call needs, e.g. {@link CalmScope#TASKS_WRITE}
     * @param grantedScopes the scopes the token carried
     */
    public ForbiddenException(ServiceFailure failure, CalmScope requiredScope, List<String> grantedScopes) {
        super(failure, "the call needs scope " + requiredScope.name() + " but the token has "
                + (grantedScopes.isEmpty() ? "no scopes" : String.join(", ", grantedScopes))
                + ": add " + requiredScope.name() + " to the instance's authorities (calm-sdk: ensureBinding with"
                + " the scope) and fetch a new token");
        this.requiredScope = requiredScope;
        this.grantedScopes = List.copyOf(grantedScopes);
    }

    /**
     * The scope the call needs, when the SDK knows it.
     *
     * @return the scope, e.g. {@link CalmScope#TASKS_WRITE}
     */
    public Optional<CalmScope> requiredScope() {
        return Optional.ofNullable(requiredScope);
    }

    /**
     * The scopes the token carried, when known.
     *
     * @return the granted scopes, possibly empty
     */
    public List<String> grantedScopes() {
        return grantedScopes;
    }
}
