package io.calmsdk.spring.boot.autoconfigure;

import io.calmsdk.core.http.RequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Records every HTTP attempt of the calm-sdk clients in Micrometer, through the
 * {@link RequestListener} SPI:
 *
 * <ul>
 *   <li>timer {@value #REQUESTS}: one sample per attempt, tagged {@code api}, {@code method},
 *       {@code status} and {@code outcome};</li>
 *   <li>counter {@value #RETRIES}: attempts that failed and were retried, tagged {@code api} and
 *       {@code method}.</li>
 * </ul>
 *
 * <p>Tag cardinality is bounded: {@code api} is the API family — {@code service-manager},
 * {@code entitlements}, {@code accounts}, {@code token}, or for Cloud ALM {@code cloud-alm/} and the first
 * path segment under {@code /api} (e.g. {@code cloud-alm/calm-tasks}), never an id or a URL;
 * {@code method} is one of the HTTP methods (else {@code OTHER}); {@code status} is the HTTP status or
 * {@code NONE} when no answer came; {@code outcome} is {@code SUCCEEDED}, {@code RETRYING} or
 * {@code FAILED}. No tag ever holds a secret.
 */
public class CalmMetricsListener implements RequestListener {

    /** Name of the timer of HTTP attempts. */
    public static final String REQUESTS = "calm.client.requests";

    /** Name of the counter of retried attempts. */
    public static final String RETRIES = "calm.client.retries";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> APIS = Set.of("cloud-alm", "service-manager", "entitlements", "accounts", "token");
    /** A Cloud ALM API family: calm-projects, calm-tasks, calm-processhierarchy, ... */
    private static final Pattern FAMILY = Pattern.compile("calm-[a-z][a-z0-9-]{0,39}");

    private final MeterRegistry registry;

    /**
     * Creates the listener.
     *
     * @param registry where the meters are registered
     */
    public CalmMetricsListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Records the ended attempt.
     *
     * @param event the attempt
     */
    @Override
    public void afterAttempt(Event event) {
        String api = apiFamily(event.api(), event.url());
        String method = method(event.method());
        Timer.builder(REQUESTS)
                .description("HTTP attempts of calm-sdk clients")
                .tags(Tags.of("api", api, "method", method,
                        "status", event.status().isPresent() ? Integer.toString(event.status().getAsInt()) : "NONE",
                        "outcome", event.outcome().name()))
                .register(registry)
                .record(event.duration());
        if (event.outcome() == Event.Outcome.RETRYING) {
            Counter.builder(RETRIES)
                    .description("HTTP attempts of calm-sdk clients that failed and were retried")
                    .tags(Tags.of("api", api, "method", method))
                    .register(registry)
                    .increment();
        }
    }

    /**
     * The API family of an attempt, bounded: the API name, and for Cloud ALM the first path segment under
     * {@code /api} when it is a Cloud ALM API name ({@code calm-...}), else {@code other}.
     *
     * @param api the event's API name
     * @param url the event's (masked) URL
     * @return the tag value
     */
    static String apiFamily(String api, String url) {
        if (!APIS.contains(api)) {
            return "other";
        }
        if (!api.equals("cloud-alm")) {
            return api;
        }
        String path;
        try {
            path = URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            return "cloud-alm/other";
        }
        if (path == null) {
            return "cloud-alm/other";
        }
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            // The key's endpoints.Api ends in /api; the API family is the segment after it.
            if (segments[i].equals("api") && i + 1 < segments.length) {
                String family = segments[i + 1].toLowerCase(Locale.ROOT);
                return FAMILY.matcher(family).matches() ? "cloud-alm/" + family : "cloud-alm/other";
            }
        }
        return "cloud-alm/other";
    }

    private static String method(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return METHODS.contains(m) ? m : "OTHER";
    }
}
