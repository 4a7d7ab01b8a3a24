package io.calmsdk.api;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CalmScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Knows which {@code calm-api.*} scope a Cloud ALM call needs, from the path prefix and the HTTP
 * method, so that a 403 can name the scope to add to the instance's authorities.
 *
 * <p>The {@link #defaults() default catalogue} covers the Cloud ALM APIs whose scopes SAP documents
 * (projects, tasks, process management, process authoring, landscape, analytics, defects, test
 * cases) and a few seen only in third-party code (process hierarchy, features, documents). Paths it
 * does not know give no scope: the SDK then reports the 403 without naming one rather than guessing.
 * Add entries with {@link #toBuilder()}. Immutable and thread-safe.
 */
public final class ScopeCatalogue {

    /** Methods that read. */
    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** Methods that change. */
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final ScopeCatalogue DEFAULTS = builder()
            .readWrite("/calm-projects", "calm-api.projects")
            .readWrite("/calm-tasks", "calm-api.tasks")
            .readWrite("/calm-processhierarchy", "calm-api.processhierarchy")
            .add("/calm-processmanagement", Set.of("GET", "HEAD"), "calm-api.processmanagement.read")
            .add("/calm-processmanagement", Set.of("POST", "PUT", "PATCH"), "calm-api.processmanagement.write")
            .add("/calm-processmanagement", Set.of("DELETE"), "calm-api.processmanagement.delete")
            .readWrite("/calm-processauthoring", "calm-api.processauthoring")
            .read("/calm-landscape", "calm-api.landscape.read")
            .read("/calm-analytics", "calm-api.analytics.read")
            .read("/odata/v4/analytics", "calm-api.analytics.read")
            .read("/calm-defects", "calm-api.defects.read")
            .read("/calm-testmanagement", "calm-api.testcases.read")
            .add("/calm-testmanagement", Set.of("POST", "PUT", "PATCH"), "calm-api.testcases.write")
            .add("/calm-testmanagement", Set.of("DELETE"), "calm-api.testcases.delete")
            .readWrite("/calm-features", "calm-api.features")
            .read("/calm-documents", "calm-api.documents.read")
            .add("/calm-documents", Set.of("POST", "PUT", "PATCH"), "calm-api.documents.write")
            .add("/calm-documents", Set.of("DELETE"), "calm-api.documents.delete")
            .read("/bsm-service", "calm-api.bsm.read")
            .add("/bsm-service", Set.of("POST", "PUT", "PATCH", "DELETE"), "calm-api.bsm.write")
            .add("/calm-analytics/v1/analytics/providers", Set.of("POST"), "calm-api.analytics.read")
            .read("/calm-testmanagement-testplans", "calm-api.testplans.read")
            .read("/calm-metrics", "calm-api.metrics.read")
            .read("/calm-logs", "calm-api.logs.read")
            .build();

    private final List<Entry> entries;

    private ScopeCatalogue(List<Entry> entries) {
        // Longest prefix first, so a specific entry wins over a general one.
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((Entry e) -> e.prefix.length()).reversed());
        this.entries = List.copyOf(sorted);
    }

    /**
     * The built-in catalogue of Cloud ALM scopes.
     *
     * @return the default catalogue
     */
    public static ScopeCatalogue defaults() {
        return DEFAULTS;
    }

    /**
     * Starts an empty catalogue.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /**
     * Starts a builder holding this catalogue's entries, to add more.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(entries);
    }

    /**
     * The scope a call needs.
     *
     * @param method the HTTP method, any case
     * @param path the path under {@code endpoints.Api}, e.g. {@code /calm-tasks/v1/tasks/42}; a query
     *        string is ignored
     * @return the scope, e.g. {@link CalmScope#TASKS_WRITE}; empty when the catalogue does not know it
     */
    public Optional<CalmScope> requiredScope(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        String m = method.toUpperCase(Locale.ROOT);
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        for (Entry e : entries) {
            if (e.methods.contains(m) && e.matchesPath(p)) {
                return Optional.of(CalmScope.of(e.scope));
            }
        }
        return Optional.empty();
    }

    /**
     * The display form of a granted scope: the master application's prefix removed, so
     * {@code sap-calm!b1234.calm-api.tasks.read} reads {@code calm-api.tasks.read}.
     *
     * <p>XSUAA prefixes every authority with the xsappname of the application that defines it. The
     * prefix is removed when what follows is a {@code calm-api.} scope, or when the first segment is an
     * xsappname with a plan suffix ({@code !b...}, {@code !t...}); other scopes are shown as they are.
     *
     * @param scope a scope as the token carries it
     * @return the scope without the application prefix
     */
    public static String displayScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        int calm = scope.indexOf(".calm-api.");
        if (calm >= 0) {
            return scope.substring(calm + 1);
        }
        int dot = scope.indexOf('.');
        if (dot > 0 && scope.substring(0, dot).matches(".*![bt][0-9]+")) {
            return scope.substring(dot + 1);
        }
        return scope;
    }

    @Override
    public String toString() {
        return "ScopeCatalogue" + entries;
    }

    private static final class Entry {
        final String prefix;
        final Set<String> methods;
        final String scope;

        Entry(String prefix, Set<String> methods, String scope) {
            this.prefix = prefix;
            this.methods = methods;
            this.scope = scope;
        }

        boolean matchesPath(String path) {
            // Segment-bounded: /calm-tasks matches /calm-tasks/v1/... but not /calm-tasksx.
            return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }

        @Override
        public String toString() {
            return methods + " " + prefix + " -> " + scope;
        }
    }

    /** Builds a {@link ScopeCatalogue}. Not thread-safe. */
    public static final class Builder {
        private final List<Entry> entries;

        private Builder(List<Entry> entries) {
            this.entries = new ArrayList<>(entries);
        }

        /**
         * Maps calls with any of these methods under a path prefix to a scope. The entry with the
         * longest prefix matching both path and method wins; among equal prefixes, the one added first.
         *
         * @param pathPrefix a path under {@code endpoints.Api}, starting with {@code /}, matched whole
         *        segments at a time, e.g. {@code /calm-testmanagement}
         * @param methods the HTTP methods, any case
         * @param scope the scope without the application prefix, e.g. {@code calm-api.testcases.read}
         * @return this builder
         * @throws ValidationException if the prefix does not start with {@code /}, no method is given, or
         *         the scope is blank
         */
        public Builder add(String pathPrefix, Set<String> methods, String scope) {
            if (pathPrefix == null || !pathPrefix.startsWith("/")) {
                throw new ValidationException("pathPrefix", "does not start with /", "a path such as /calm-tasks");
            }
            if (methods == null || methods.isEmpty()) {
                throw new ValidationException("methods", "is empty", "HTTP methods such as GET or POST");
            }
            if (scope == null || scope.isBlank()) {
                throw new ValidationException("scope", "is blank", "a scope such as calm-api.tasks.read");
            }
            String prefix = pathPrefix.length() > 1 && pathPrefix.endsWith("/")
                    ? pathPrefix.substring(0, pathPrefix.length() - 1) : pathPrefix;
            Set<String> upper = Set.copyOf(methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList());
            entries.add(new Entry(prefix, upper, scope));
            return this;
        }

        /**
         * Maps reads (GET, HEAD) under a path prefix to a scope.
         *
         * @param pathPrefix the path prefix, e.g. {@code /calm-processhierarchy}
         * @param scope the scope, e.g. {@code calm-api.processhierarchy.read}
         * @return this builder
         * @throws ValidationException if an argument is invalid
         */
        public Builder read(String pathPrefix, String scope) {
            return add(pathPrefix, READS, scope);
        }

        /**
         * Maps reads to {@code <base>.read} and writes (POST, PUT, PATCH, DELETE) to {@code <base>.write}.
         *
         * @param pathPrefix the path prefix, e.g. {@code /calm-tasks}
         * @param baseScope the scope without its last segment, e.g. {@code calm-api.tasks}
         * @return this builder
         * @throws ValidationException if an argument is invalid
         */
        public Builder readWrite(String pathPrefix, String baseScope) {
            add(pathPrefix, READS, baseScope + ".read");
            return add(pathPrefix, WRITES, baseScope + ".write");
        }

        /**
         * Builds the catalogue.
         *
         * @return the catalogue
         */
        public ScopeCatalogue build() {
            return new ScopeCatalogue(entries);
        }
    }
}
