package io.calmsdk.testkit.internal.cis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ErrorStyle;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.time.Instant;

/**
 * The Cloud Management error envelope:
 * {@code {"error":{"code":11000,"message":"...","target":"...","correlationID":"...","details":[...]}}},
 * optionally without the {@code error} wrapper (the specification shows both). A 429 carries code 11006
 * and {@code X-Ratelimit-Reset} in epoch milliseconds.
 */
public final class CisErrors implements ErrorStyle {

    private final boolean wrapped;

    /**
     * Creates the style.
     *
     * @param wrapped whether the envelope sits inside {@code {"error": ...}}
     */
    public CisErrors(boolean wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public SimResponse error(SimRequest request, int status, String code, String message) {
        int numeric = numericCode(status, code);
        ObjectNode error = JsonSupport.object();
        error.put("code", numeric);
        error.put("message", message);
        error.put("target", request.path());
        error.put("correlationID", request.correlationId());
        ObjectNode detail = error.putArray("details").addObject();
        detail.put("code", numeric);
        detail.put("message", message);
        ObjectNode body = error;
        if (wrapped) {
            body = JsonSupport.object();
            body.set("error", error);
        }
        return SimResponse.json(status, body);
    }

    @Override
    public SimResponse tooManyRequests(SimRequest request, Instant now, Instant retryAt) {
        return error(request, 429, "11006", "Request rate limit exceeded; retry after the reset time")
                .header("X-Ratelimit-Reset", Long.toString(retryAt.toEpochMilli()))
                .header("X-Ratelimit-Limit", "100")
                .header("X-Ratelimit-Remaining", "0");
    }

    private static int numericCode(int status, String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            switch (status) {
                case 401:
                    return 11003;
                case 403:
                    return 11007;
                case 404:
                    return 11004;
                case 409:
                    return 11009;
                case 429:
                    return 11006;
                default:
                    return status >= 500 ? 11000 : 11001;
            }
        }
    }
}
