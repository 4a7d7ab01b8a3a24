package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.auth.internal.BearerAuthenticator;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.HttpTransport;
import io.calmsdk.core.model.OAuthClientCredentials;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.paging.PagedIterable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client of the SAP Cloud ALM APIs, built from a Cloud ALM service key.
 *
 * <pre>{@code
 * ServiceKey key = ServiceKeys.calm().fromFile(Path.of("calm-key.json"));
 * try (CloudAlmClient calm = CloudAlmClient.create(key)) {
 *     Project project = calm.projects().create(ProjectCreateRequest.of("S/4HANA rollout"));
 *     calm.tasks().create(TaskCreateRequest.of(project.id(), "Prepare cutover"));
 *     for (Task task : calm.tasks().list(project.id())) {
 *         System.out.println(task.title());
 *     }
 * }
 * }</pre>
 *
 * <h2>Tokens and URLs</h2>
 * The client fetches an OAuth token with the key's client credentials on the first call, caches it and shares
 * it across calls and threads until shortly before it expires; concurrent calls wait for one token request. A 401 drops exactly the refused token and retries the call once with a new one. Every
 * URL is built under the key's {@code endpoints.Api} (which already ends in {@code /api}), never from a
 * region list, and the token is sent nowhere else.
 *
 * <h2>What it offers</h2>
 * Typed resources for the public Cloud ALM APIs ({@link #projects()}, {@link #tasks()}, {@link #requirements()},
 * {@link #processHierarchy()}, {@link #features()}, {@link #documents()}, {@link #testCases()},
 * {@link #testPlans()}, {@link #processManagement()}, {@link #processAuthoring()}, 
 * {@link #analytics()}, {@link #landscape()}, {@link #statusEvents()}, {@link #metrics()}, {@link #logs()}), lazy
 * {@link PagedIterable}s holding one page in memory at a time ({@link #listOData(String, Class, ODataQuery)} pages
 * any OData v4 collection), and {@link #request(String, String, Object...)} for every other path.
 *
 * <h2>Errors and retries</h2>
 * Failures are unchecked {@link io.calmsdk.core.exception.CalmException}s. A 403 becomes a
 * {@link io.calmsdk.core.exception.ForbiddenException} naming the {@code calm-api.*} scope the call needs (from the
 * {@link ScopeCatalogue}) and the scopes the token has. Idempotent calls (GET, PUT, DELETE) are retried on 408, 429,
 * 502, 503, 504, timeouts and connection failures with the {@link RetryPolicy}, honouring {@code Retry-After};
 * POST and PATCH only when the request provably never left, so a create is never sent twice. Immutable and
 * thread-safe: create one client per key and share it. Close it to release its threads.
 */
public final class CloudAlmClient implements AutoCloseable {

    private final ApiCaller caller;
    private final TokenProvider tokenProvider;
    private final boolean ownsTokenProvider;
    private final Families families;

    private CloudAlmClient(Builder b, ClientOptions options, URI endpoint, TokenProvider tokenProvider,
            boolean ownsTokenProvider) {
        this.tokenProvider = tokenProvider;
        this.ownsTokenProvider = ownsTokenProvider;
        HttpTransport transport = HttpTransport.builder().options(options).api("cloud-alm")
                .authenticator(BearerAuthenticator.of(tokenProvider)).build();
        this.caller = new ApiCaller(transport, endpoint, b.scopeCatalogue, this::grantedScopes);
        this.families = Families.of(caller);
    }

    /**
     * A client with default settings for a Cloud ALM service key: tokens from the key's {@code uaa}
     * credentials, URLs under its {@code endpoints.Api}, {@link RetryPolicy#defaults() default retries},
     * connect timeout 10 s, attempt timeout 30 s, call timeout 2 min.
     *
     * @param serviceKey the key, e.g. from {@code ServiceKeys.calm().fromFile(...)}
     * @return the client
     * @throws NullPointerException if the key is {@code null}
     */
    public static CloudAlmClient create(ServiceKey serviceKey) {
        return builder().credentials(Objects.requireNonNull(serviceKey, "serviceKey")).build();
    }

    /**
     * Starts a builder, for settings other than the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Projects API: projects and timeboxes.
     *
     * @return the projects resource
     */
    public ProjectsClient projects() {
        return families.projects();
    }

    /**
     * The Tasks API: tasks of every type and their comments.
     *
     * @return the tasks resource
     */
    public TasksClient tasks() {
        return families.tasks();
    }

    /**
     * The Process Hierarchy API (OData v4).
     *
     * @return the process hierarchy resource
     */
    public ProcessHierarchyClient processHierarchy() {
        return families.processHierarchy();
    }

    /**
     * The Features API ({@code /calm-features/v1}): features and their references.
     *
     * @return the resource
     */
    public FeaturesClient features() {
        return families.features();
    }

    /**
     * The Documents API ({@code /calm-documents/v1}).
     *
     * @return the resource
     */
    public DocumentsClient documents() {
        return families.documents();
    }

    /**
     * The test management API ({@code /calm-testmanagement/v1}): manual test cases, with ETags.
     *
     * @return the resource
     */
    public TestCasesClient testCases() {
        return families.testCases();
    }

    /**
     * Requirements: tasks of type {@code CALMREQU} ({@code /calm-tasks/v1}).
     *
     * @return the resource
     */
    public RequirementsClient requirements() {
        return families.requirements();
    }

    /**
     * The process management (process scopes) API ({@code /calm-processmanagement/v1}).
     *
     * @return the resource
     */
    public ProcessManagementClient processManagement() {
        return families.processManagement();
    }

    /**
     * The process authoring API ({@code /calm-processauthoring/v1}), with ETags.
     *
     * @return the resource
     */
    public ProcessAuthoringClient processAuthoring() {
        return families.processAuthoring();
    }

    /**
     * The analytics API ({@code /calm-analytics/v1}): providers and the OData {@code DataSet}.
     *
     * @return the resource
     */
    public AnalyticsClient analytics() {
        return families.analytics();
    }

    /**
     * The landscape API ({@code /calm-landscape/v1}).
     *
     * @return the resource
     */
    public LandscapeClient landscape() {
        return families.landscape();
    }

    /**
     * The Status Events API ({@code /bsm-service/v1/events}).
     *
     * @return the resource
     */
    public StatusEventsClient statusEvents() {
        return families.statusEvents();
    }

    /**
     * The Test Plans API ({@code /calm-testmanagement-testplans/v1}, read-only).
     *
     * @return the resource
     */
    public TestPlansClient testPlans() {
        return families.testPlans();
    }

    /**
     * The raw data outbound metrics API ({@code /calm-metrics/v1/metrics}).
     *
     * @return the resource
     */
    public MetricsClient metrics() {
        return families.metrics();
    }

    /**
     * The raw data outbound logs API ({@code /calm-logs/v1/logs}).
     *
     * @return the resource
     */
    public LogsClient logs() {
        return families.logs();
    }

    /**
     * Starts a request to any Cloud ALM path. Each {@code {name}} placeholder of the template is
     * replaced, in order, by the next variable, percent-encoded as one path segment (a {@code /} in a
     * value becomes {@code %2F}; values {@code .} and {@code ..} are refused).
     *
     * <pre>{@code
     * CloudAlmResponse r = client.request("GET", "/calm-tasks/v1/tasks/{id}", taskId).send();
     * JsonNode task = r.as(JsonNode.class);
     * }</pre>
     *
     * @param method GET, HEAD, POST, PUT, PATCH or DELETE
     * @param pathTemplate the path under {@code endpoints.Api}, starting with {@code /}, e.g.
     *        {@code /calm-tasks/v1/tasks/{id}}; no query string (use {@link CloudAlmRequest#query})
     * @param pathVariables one value per placeholder, in order
     * @return the request, to complete and send
     * @throws io.calmsdk.core.exception.ValidationException if the method or path is invalid, or the
     *         variables do not match the placeholders
     */
    public CloudAlmRequest request(String method, String pathTemplate, Object... pathVariables) {
        return new CloudAlmRequest(caller, method, pathTemplate, pathVariables);
    }

    /**
     * Starts a request to any Cloud ALM path, with the path variables given by name.
     *
     * @param method GET, HEAD, POST, PUT, PATCH or DELETE
     * @param pathTemplate the path under {@code endpoints.Api}, e.g. {@code /calm-tasks/v1/tasks/{id}}
     * @param pathVariables the value of each placeholder by name
     * @return the request, to complete and send
     * @throws io.calmsdk.core.exception.ValidationException if the method or path is invalid, or a
     *         placeholder has no value
     */
    public CloudAlmRequest request(String method, String pathTemplate, Map<String, ?> pathVariables) {
        return new CloudAlmRequest(caller, method, pathTemplate, Objects.requireNonNull(pathVariables, "pathVariables"));
    }

    /**
     * Lists any OData v4 entity set, lazily with {@code $skip}/{@code $top} (following {@code @odata.nextLink}
     * when the server sends one), decoding each page item by item into the type.
     *
     * <pre>{@code
     * PagedIterable<MyTestCase> cases = client.listOData("/calm-testmanagement/v1/ManualTestCases",
     *         MyTestCase.class, ODataQuery.filter("status eq 'ACTIVE'"));
     * }</pre>
     *
     * @param entitySetPath the entity set path under {@code endpoints.Api}, without query or placeholders
     * @param itemType the entity type; a class Jackson can decode, or {@code JsonNode}
     * @param query the filter, selection, order and page size
     * @param <T> the entity type
     * @return the entities, fetched when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the path is invalid
     */
    public <T> PagedIterable<T> listOData(String entitySetPath, Class<T> itemType, ODataQuery query) {
        String path = PathTemplate.parse(entitySetPath).expand();
        return caller.odata(path, Objects.requireNonNull(query, "query"),
                PageDecoder.of(itemType, itemType.getSimpleName() + " items"), "list " + path);
    }

    /**
     * Lists any REST collection paged by {@code offset}/{@code limit} (a bare JSON array per page), lazily,
     * decoding each page item by item into the type.
     *
     * @param path the collection path under {@code endpoints.Api}, without query or placeholders
     * @param itemType the item type; a class Jackson can decode, or {@code JsonNode}
     * @param query query parameters sent with every page, e.g. filters; in iteration order
     * @param pageSize the {@code limit} per request, at least 1
     * @param <T> the item type
     * @return the items, fetched when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the path or page size is invalid
     */
    public <T> PagedIterable<T> listOffsetLimit(String path, Class<T> itemType, Map<String, String> query,
                                                int pageSize) {
        String encoded = PathTemplate.parse(path).expand();
        return caller.offsetLimit(encoded, new ArrayList<>(Objects.requireNonNull(query, "query").entrySet()),
                io.calmsdk.api.internal.Checks.inRange("pageSize", pageSize, 1, Integer.MAX_VALUE),
                PageDecoder.of(itemType, itemType.getSimpleName() + " items"), "list " + encoded);
    }

    /**
     * The Cloud ALM API root every request goes to: the key's {@code endpoints.Api}.
     *
     * @return the endpoint, e.g. {@code https://tenant.eu10.alm.cloud.sap/api}
     */
    public URI endpoint() {
        return caller.endpoint();
    }

    private List<String> grantedScopes() {
        AccessToken token = tokenProvider.token();
        return List.copyOf(token.scopes());
    }

    /**
     * Releases the client's threads (and the token provider's, when the client created it). A token
     * provider passed to {@link Builder#tokenProvider(TokenProvider)} or an HTTP client passed to
     * an HTTP client supplied through {@link ClientOptions} are left open. Idempotent.
     */
    @Override
    public void close() {
        caller.close();
        if (ownsTokenProvider && tokenProvider instanceof AutoCloseable) {
            try {
                ((AutoCloseable) tokenProvider).close();
            } catch (Exception e) {
                throw new io.calmsdk.core.exception.CalmClientException("could not close the token provider", e);
            }
        }
    }

    /**
     * The endpoint; never credentials or tokens.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "CloudAlmClient{endpoint=" + caller.endpoint() + "}";
    }

    /**
     * Builds a {@link CloudAlmClient}. Give either a {@link #credentials(ServiceKey) service key}, or an
     * {@link #endpoint(URI) endpoint} with {@link #credentials(OAuthClientCredentials) credentials} or a
     * {@link #tokenProvider(TokenProvider) token provider}. Not thread-safe.
     */
    public static final class Builder {
        private ServiceKey serviceKey;
        private URI endpoint;
        private OAuthClientCredentials credentials;
        private TokenProvider tokenProvider;
        private ClientOptions options;
        private ScopeCatalogue scopeCatalogue = ScopeCatalogue.defaults();

        private Builder() {
        }

        /**
         * Uses a Cloud ALM service key: URLs under its {@code endpoints.Api}, tokens from its {@code uaa}
         * credentials (unless {@link #tokenProvider(TokenProvider)} is set).
         *
         * @param serviceKey the key
         * @return this builder
         */
        public Builder credentials(ServiceKey serviceKey) {
            this.serviceKey = Objects.requireNonNull(serviceKey, "serviceKey");
            return this;
        }

        /**
         * Sets the Cloud ALM API root explicitly, instead of the service key's {@code endpoints.Api}.
         *
         * @param endpoint e.g. {@code https://tenant.eu10.alm.cloud.sap/api}
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Sets the OAuth client credentials to fetch tokens with, instead of the service key's
         * {@code uaa}.
         *
         * @param credentials the client credentials
         * @return this builder
         */
        public Builder credentials(OAuthClientCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Uses this token provider instead of one built from the credentials, e.g. to share one token
         * cache between several clients. The client does not close it.
         *
         * @param tokenProvider the provider
         * @return this builder
         */
        public Builder tokenProvider(TokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
            return this;
        }

        /**
         * Sets the timeouts, retries, HTTP client, user agent, clock, sleeper and request listeners. The
         * token provider the client builds gets the same options, so token requests share the client's HTTP
         * client and timeouts. Default {@link ClientOptions#defaults()}.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(ClientOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets which scope each call needs, for 403 messages; default {@link ScopeCatalogue#defaults()}.
         *
         * @param scopeCatalogue the catalogue
         * @return this builder
         */
        public Builder scopeCatalogue(ScopeCatalogue scopeCatalogue) {
            this.scopeCatalogue = Objects.requireNonNull(scopeCatalogue, "scopeCatalogue");
            return this;
        }

        /**
         * Builds the client. No request is sent: the first token is fetched by the first call.
         *
         * @return the client
         * @throws IllegalStateException if no endpoint or no credentials are given, or a setting is invalid
         */
        public CloudAlmClient build() {
            URI api = endpoint != null ? endpoint : serviceKey != null ? serviceKey.apiEndpoint() : null;
            if (api == null) {
                throw new IllegalStateException("endpoint is not set: call credentials(...) with a Cloud ALM service"
                        + " key, or endpoint(...) with its endpoints.Api");
            }
            String scheme = api.getScheme() == null ? "" : api.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!api.isAbsolute() || api.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                    || api.getRawQuery() != null || api.getRawFragment() != null) {
                // Masked: a query or user info may hold a secret.
                throw new IllegalStateException("endpoint " + ServiceFailure.redactUrl(api.toString())
                        + " is not an absolute https URL without query,"
                        + " e.g. https://<tenant>.<region>.alm.cloud.sap/api (the key's endpoints.Api)");
            }
            ClientOptions o = options != null ? options : ClientOptions.defaults();
            boolean owns = tokenProvider == null;
            TokenProvider tokens = tokenProvider;
            if (tokens == null) {
                OAuthClientCredentials client = credentials != null ? credentials
                        : serviceKey != null ? serviceKey.uaa() : null;
                if (client == null) {
                    throw new IllegalStateException("credentials are not set: call credentials(...), credentials(...)"
                            + " or tokenProvider(...)");
                }
                tokens = ClientCredentialsTokenProvider.builder().credentials(client).options(o).build();
            }
            try {
                return new CloudAlmClient(this, o, api, tokens, owns);
            } catch (RuntimeException e) {
                if (owns && tokens instanceof AutoCloseable) {
                    closeQuietly((AutoCloseable) tokens);
                }
                throw e instanceof IllegalStateException ? e
                        : new IllegalStateException("invalid client setting: " + e.getMessage(), e);
            }
        }

        private static void closeQuietly(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception suppressed) {
                // The setting error is what the caller needs to see.
            }
        }
    }
}
