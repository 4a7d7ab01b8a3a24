package io.calmsdk.cli;

import io.calmsdk.auth.TokenAcquisitionException;
import io.calmsdk.btp.ProvisioningException;
import io.calmsdk.btp.ScopeVerificationException;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.UnauthorizedException;
import io.calmsdk.core.exception.ValidationException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import picocli.CommandLine;

/**
 * The exit codes of {@code calm}, and the mapping from calm-sdk exceptions to them. Scripts branch on
 * these numbers, so they never change meaning:
 *
 * <table>
 * <caption>Exit codes</caption>
 * <tr><th>Code</th><th>Meaning</th></tr>
 * <tr><td>0</td><td>success</td></tr>
 * <tr><td>1</td><td>unexpected error (a bug: please report it with {@code --verbose} output)</td></tr>
 * <tr><td>2</td><td>bad input: unknown flag, missing value, malformed key, invalid name or scope</td></tr>
 * <tr><td>3</td><td>authentication or authorization failed: no token (wrong secret), HTTP 401 or 403, missing scope</td></tr>
 * <tr><td>4</td><td>the service refused or failed: error status, failed operation, no entitlement or quota</td></tr>
 * <tr><td>5</td><td>timeout: a call or a wait (entitlement, operation) ran out of time</td></tr>
 * <tr><td>6</td><td>no usable answer: connection refused, network or file I/O failure, undecodable answer</td></tr>
 * <tr><td>130</td><td>interrupted (Ctrl+C)</td></tr>
 * </table>
 */
final class ExitCodes {

    static final int OK = 0;
    static final int UNEXPECTED = 1;
    static final int BAD_INPUT = 2;
    static final int AUTH_FAILURE = 3;
    static final int SERVICE_FAILURE = 4;
    static final int TIMEOUT = 5;
    static final int UNREACHABLE = 6;
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /**
     * Maps a failure to its exit code. Wrappers ({@link ProvisioningException}, a plain
     * {@link CalmClientException}, executor exceptions) are judged by their cause first, because the
     * cause says whether it was a wrong secret, a timeout or a refusal.
     *
     * @param failure what ended the command
     * @return the exit code
     */
    static int of(Throwable failure) {
        Integer code = classify(failure, 0);
        return code == null ? UNEXPECTED : code;
    }

    /**
     * A short name for the kind of failure, used in JSON error output.
     *
     * @param code an exit code
     * @return e.g. {@code auth-failure}
     */
    static String kind(int code) {
        switch (code) {
            case OK:
                return "ok";
            case BAD_INPUT:
                return "bad-input";
            case AUTH_FAILURE:
                return "auth-failure";
            case SERVICE_FAILURE:
                return "service-failure";
            case TIMEOUT:
                return "timeout";
            case UNREACHABLE:
                return "unreachable";
            case INTERRUPTED:
                return "interrupted";
            default:
                return "unexpected";
        }
    }

    /** No entitlement or no quota in the global account: the service's answer, not a failed call. */
    private static boolean entitlementUnavailable(Throwable e) {
        return e instanceof ProvisioningException
                && (((ProvisioningException) e).reason() == ProvisioningException.Reason.NOT_ENTITLED
                || ((ProvisioningException) e).reason() == ProvisioningException.Reason.NO_QUOTA);
    }

    private static Integer classify(Throwable e, int depth) {
        if (e == null || depth > 16) {
            return null;
        }
        // Decisive types: their meaning does not depend on a cause.
        if (e instanceof CommandLine.ParameterException || e instanceof ValidationException
                || e instanceof InvalidServiceKeyException) {
            return BAD_INPUT;
        }
        if (e instanceof ScopeVerificationException || e instanceof UnauthorizedException
                || e instanceof ForbiddenException) {
            return AUTH_FAILURE;
        }
        if (e instanceof TokenAcquisitionException) {
            // A 4xx is a refusal of these credentials (invalid_client); 429 and 5xx are the token service
            // failing; without a status it was not reached, and the cause tells whether it timed out.
            OptionalInt status = ((TokenAcquisitionException) e).status();
            if (status.isPresent()) {
                int s = status.getAsInt();
                return s == 429 || s >= 500 ? SERVICE_FAILURE : AUTH_FAILURE;
            }
            Integer cause = classify(e.getCause(), depth + 1);
            return cause != null ? cause : UNREACHABLE;
        }
        if (e instanceof CalmTimeoutException) {
            return TIMEOUT;
        }
        if (entitlementUnavailable(e) || e instanceof CalmServiceException
                || e instanceof OperationFailedException) {
            return SERVICE_FAILURE;
        }
        if (e instanceof InterruptedException || e instanceof InterruptedRun) {
            return INTERRUPTED;
        }
        // Wrappers: the cause decides; the wrapper's own meaning is the fallback.
        Integer cause = classify(e.getCause(), depth + 1);
        if (cause != null) {
            return cause;
        }
        if (e instanceof ProvisioningException) {
            return SERVICE_FAILURE;
        }
        if (e instanceof CalmClientException || e instanceof UncheckedIOException) {
            return UNREACHABLE;
        }
        return null;
    }
}
