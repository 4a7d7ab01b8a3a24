package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.SimulatorBuilder.RetryAfterFormat;
import io.calmsdk.testkit.internal.http.ErrorStyle;
import io.calmsdk.testkit.internal.http.HttpDates;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.time.Instant;

/**
 * Service Manager's error body {@code {"error":"Conflict","description":"..."}}; broker failures add
 * {@code broker_error}. A 429 carries {@code Retry-After} in the configured form.
 */
final class SmErrors implements ErrorStyle {

    static final String BROKER_ERROR = "BrokerError";

    private final RetryAfterFormat retryAfterFormat;

    SmErrors(RetryAfterFormat retryAfterFormat) {
        this.retryAfterFormat = retryAfterFormat;
    }

    @Override
    public SimResponse error(SimRequest request, int status, String code, String message) {
        ObjectNode body = JsonSupport.object();
        body.put("error", code);
        body.put("description", message);
        if (BROKER_ERROR.equals(code)) {
            body.put("broker_error", status == 400 ? "BadRequest" : "InternalServerError");
        }
        return SimResponse.json(status, body);
    }

    @Override
    public SimResponse tooManyRequests(SimRequest request, Instant now, Instant retryAt) {
        return error(request, 429, "TooManyRequests", "The allowed request rate was exceeded; retry later")
                .header("Retry-After", HttpDates.retryAfter(retryAfterFormat, now, retryAt));
    }
}
