package io.calmsdk.btp;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.btp.internal.Wire;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.internal.http.RetryAfter;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.internal.polling.PollListener;
import io.calmsdk.core.internal.polling.PollResponse;
import io.calmsdk.core.internal.polling.PollStatus;
import io.calmsdk.core.internal.polling.Poller;
import io.calmsdk.core.model.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The asynchronous side of the Service Manager: turns the answer to a write into a {@link
 * LongRunningOperation}, reads operations, and polls them by the service's rules (a {@code Retry-After}
 * is followed; an operation that cannot be read yet is still running, unless it belongs to a delete,
 * whose resource and operation are gone together). Thread-safe.
 */
final class ServiceManagerOperations {

    private static final Pattern LOCATION = Pattern.compile(
            ".*/v1/(service_instances|service_bindings)/([^/?#]+)(/operations/([^/?#]+))?.*");

    private final Wire wire;
    private final Poller poller;
    private final Clock clock;

    ServiceManagerOperations(Wire wire, Poller poller, Clock clock) {
        this.wire = wire;
        this.poller = poller;
        this.clock = clock;
    }

    /**
     * The handle of a write the service answered: complete at once without an operation to follow (HTTP
     * 200, 201, 204, or a delete of what is gone), else in progress on the {@code Location} operation.
     *
     * @param what what was asked, e.g. {@code create service instance calm-api}
     * @param r the answer
     * @param knownId the resource's id when the caller knows it (update, delete), else {@code null}
     * @param result reads the final result, given the resource's id if the answer told it
     * @throws CalmClientException if the service accepted the write (202) without a Location to follow
     */
    <T> LongRunningOperation<T> fromAnswer(String what, TransportResponse r, String knownId,
            Function<Optional<String>, T> result) {
        Optional<String> location = r.header("Location");
        String id = knownId;
        URI operation = null;
        String operationId = null;
        if (location.isPresent()) {
            Matcher m = LOCATION.matcher(location.get());
            if (m.matches()) {
                id = id == null ? m.group(2) : id;
                if (m.group(3) != null) {
                    operation = wire.uri(location.get());
                    operationId = m.group(4);
                }
            }
        }
        if (id == null && r.status() != 204) {
            JsonNode body = r.json();
            if (body.hasNonNull("id")) {
                id = body.get("id").asText();
            }
        }
        if (r.status() == 202 && operation == null) {
            throw new CalmClientException(what + ": the service accepted the request (HTTP 202) but sent no"
                    + " operation Location to follow [correlation id " + r.correlationId() + "]");
        }
        Optional<String> resourceId = Optional.ofNullable(id);
        LongRunningOperation.Builder<T> b = LongRunningOperation.<T>builder(what, poller).resourceId(id)
                .operationId(operationId).operationUrl(operation);
        if (operation == null) {
            String words = r.status() == 404 || r.status() == 410 ? "gone" : "done";
            return b.state(words + ", HTTP " + r.status()).done(() -> result.apply(resourceId));
        }
        URI url = operation;
        String resource = id;
        return b.state("accepted, HTTP " + r.status())
                .polling(() -> readOnce(url, what, resource), op -> result.apply(resourceId));
    }

    /**
     * A handle on an operation someone else started, e.g. seen as an instance's {@code last_operation}.
     *
     * @param what what it does, e.g. {@code delete of service instance calm-api (id, started elsewhere)};
     *     a description starting with {@code delete} counts an unreadable operation as done
     */
    LongRunningOperation<Void> existing(String what, String resourceType, String resourceId, String operationId) {
        URI url = url(resourceType, resourceId, operationId);
        return LongRunningOperation.<Void>builder(what, poller).resourceId(resourceId).operationId(operationId)
                .operationUrl(url).polling(() -> readOnce(url, what, resourceId), op -> null);
    }

    /** One read of an operation, as the poller needs it. */
    private PollResponse<Operation> readOnce(URI url, String what, String resourceId) {
        TransportResponse r = read(url, what);
        if (r.status() != 200) {
            // A delete whose resource (and with it the operation) is gone is done; for anything else the
            // operation may not be readable yet.
            return what.startsWith("delete") ? PollResponse.succeeded("gone", null)
                    : PollResponse.<Operation>inProgress("not found yet");
        }
        Operation op = r.json(Operation.class);
        Duration retryAfter = RetryAfter.parse(r.headers(), clock).orElse(null);
        if (op.isSucceeded()) {
            return PollResponse.succeeded(op.state().value(), op);
        }
        if (op.isFailed()) {
            return PollResponse.<Operation>builder(PollStatus.FAILED).state(op.state().value())
                    .description(op.errorSummary()).resourceId(op.resourceId().orElse(resourceId)).build();
        }
        return PollResponse.<Operation>inProgress(op.state().value()).withRetryAfter(retryAfter);
    }

    /** Reads an operation: empty when the service no longer knows it. */
    Optional<Operation> find(URI operationUrl) {
        TransportResponse r = read(operationUrl, "get operation");
        return r.status() == 200 ? Optional.of(r.json(Operation.class)) : Optional.empty();
    }

    URI url(String resourceType, String resourceId, String operationId) {
        ServiceManagerClient.requireText("resourceId", resourceId);
        ServiceManagerClient.requireText("operationId", operationId);
        return wire.uri("/v1/" + resourceType + "/" + resourceId + "/operations/" + operationId);
    }

    /** The client's poller with another timeout and a listener, for waits of the provisioner. */
    Poller poller(Duration timeout, PollListener listener) {
        PollingOptions options = poller.options().toBuilder().timeout(timeout).build();
        return poller.toBuilder().options(options).listener(listener).build();
    }

    private TransportResponse read(URI url, String what) {
        return wire.send(TransportRequest.get(url).accept(404, 410).operation("poll " + what).build());
    }
}
