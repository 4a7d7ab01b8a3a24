package io.calmsdk.core.exception;

import java.io.Serializable;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is known about one failed HTTP exchange: the facts a {@link CalmServiceException} carries.
 *
 * <p>The URL is stored with the values of secret-looking query parameters replaced by {@code ***},
 * so it is safe to show in messages and logs. Instances are immutable and thread-safe.
 */
public final class ServiceFailure implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Set<String> SECRET_QUERY_NAMES = Set.of(
            "client_secret", "clientsecret", "secret", "password", "access_token", "token",
            "refresh_token", "assertion", "code", "key", "sig", "signature", "api_key", "apikey");
    private static final Pattern QUERY_PAIR = Pattern.compile("([^&;=]+)=([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    private final String operation;
    private final int status;
    private final String method;
    private final String url;
    private final String errorCode;
    private final String errorMessage;
    private final String correlationId;
    private final int attempts;
    private final Duration retryAfter;

    private ServiceFailure(Builder b) {
        if (b.status < 100 || b.status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status code, was " + b.status);
        }
        this.operation = b.operation;
        this.status = b.status;
        this.method = Objects.requireNonNull(b.method, "method");
        this.url = redactUrl(Objects.requireNonNull(b.url, "url"));
        this.errorCode = b.errorCode;
        this.errorMessage = b.errorMessage;
        this.correlationId = b.correlationId;
        this.attempts = Math.max(1, b.attempts);
        this.retryAfter = b.retryAfter;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes a URL safe to show: masks a user-info part ({@code https://user:pw@host}), drops the
     * fragment, and replaces the values of secret-looking query parameters ({@code client_secret},
     * {@code token}, {@code code}, {@code api_key}, ...; matched case-insensitively, percent-decoded,
     * with {@code -} and {@code _} alike) with {@code ***}.
     *
     * @param url an absolute or relative URL
     * @return the URL, safe to show
     */
    public static String redactUrl(String url) {
        String noFragment = url.indexOf('#') < 0 ? url : url.substring(0, url.indexOf('#'));
        String masked = USER_INFO.matcher(noFragment).replaceFirst("$1***@");
        int q = masked.indexOf('?');
        if (q < 0) {
            return masked;
        }
        Matcher m = QUERY_PAIR.matcher(masked.substring(q + 1));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = isSecretName(name) ? "***" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(name + "=" + value));
        }
        m.appendTail(out);
        return masked.substring(0, q + 1) + out;
    }

    private static boolean isSecretName(String rawName) {
        String name;
        try {
            name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            name = rawName;
        }
        return SECRET_QUERY_NAMES.contains(name.toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * What the caller was doing, e.g. {@code "create service instance calm-api"}.
     *
     * @return the operation, if the caller named it
     */
    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    /**
     * The HTTP status code.
     *
     * @return the status, 100-599
     */
    public int status() {
        return status;
    }

    /**
     * The HTTP method of the failed request.
     *
     * @return the method, e.g. {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The request URL with secret query values masked.
     *
     * @return the redacted URL
     */
    public String url() {
        return url;
    }

    /**
     * The service's own error code, e.g. {@code Conflict}, {@code 11006} or {@code invalid_client}.
     *
     * @return the code, if the body carried one
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * The service's own error description.
     *
     * @return the description, if the body carried one
     */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /**
     * The correlation id to quote to SAP support.
     *
     * @return the id sent or received, if any
     */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }

    /**
     * How many attempts were made, including the first.
     *
     * @return at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * How long the service asked the caller to wait before trying again.
     *
     * @return the wait, if the answer carried {@code Retry-After} or an equivalent header
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * A one-line description: method, URL, status, the service's code and message, correlation id
     * and attempts.
     *
     * @return the description
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (operation != null) {
            sb.append(operation).append(": ");
        }
        sb.append(method).append(' ').append(url).append(" failed with HTTP ").append(status);
        if (errorCode != null || errorMessage != null) {
            sb.append(" (");
            if (errorCode != null) {
                sb.append(errorCode);
            }
            if (errorMessage != null) {
                sb.append(errorCode != null ? ": " : "").append(errorMessage);
            }
            sb.append(')');
        }
        sb.append(" [");
        if (correlationId != null) {
            sb.append("correlation id ").append(correlationId).append(", ");
        }
        sb.append(attempts).append(attempts == 1 ? " attempt" : " attempts");
        if (retryAfter != null) {
            sb.append(", retry after ").append(retryAfter.toMillis()).append(" ms");
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return "ServiceFailure{" + describe() + "}";
    }

    /** Builds a {@link ServiceFailure}. Not thread-safe. */
    public static final class Builder {
        private String operation;
        private int status;
        private String method;
        private String url;
        private String errorCode;
        private String errorMessage;
        private String correlationId;
        private int attempts = 1;
        private Duration retryAfter;

        private Builder() {
        }

        /**
         * Sets what the caller was doing, shown first in messages.
         *
         * @param operation e.g. {@code "create service instance calm-api"}, may be {@code null}
         * @return this builder
         */
        public Builder operation(String operation) {
            this.operation = blankToNull(operation);
            return this;
        }

        /**
         * Sets the HTTP status.
         *
         * @param status 100-599
         * @return this builder
         */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the HTTP method.
         *
         * @param method e.g. {@code GET}
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /**
         * Sets the request URL; secret query values are masked on build.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets the request URL; secret query values are masked on build.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder url(URI url) {
            this.url = url.toString();
            return this;
        }

        /**
         * Sets the service's error code.
         *
         * @param errorCode the code, may be {@code null}
         * @return this builder
         */
        public Builder errorCode(String errorCode) {
            this.errorCode = blankToNull(errorCode);
            return this;
        }

        /**
         * Sets the service's error message.
         *
         * @param errorMessage the message, may be {@code null}
         * @return this builder
         */
        public Builder errorMessage(String errorMessage) {
            this.errorMessage = blankToNull(errorMessage);
            return this;
        }

        /**
         * Sets the correlation id.
         *
         * @param correlationId the id, may be {@code null}
         * @return this builder
         */
        public Builder correlationId(String correlationId) {
            this.correlationId = blankToNull(correlationId);
            return this;
        }

        /**
         * Sets the number of attempts made.
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        /**
         * Sets the wait the service asked for.
         *
         * @param retryAfter the wait, may be {@code null}
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /**
         * Builds the failure.
         *
         * @return the failure
         * @throws NullPointerException if method or url is missing
         * @throws IllegalArgumentException if the status is not an HTTP status
         */
        public ServiceFailure build() {
            return new ServiceFailure(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
