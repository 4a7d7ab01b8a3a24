package io.calmsdk.btp;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import java.time.Duration;
import java.util.regex.Pattern;

/** The checks {@link BindingRequest.Builder#build()} makes besides the {@code xs-security} parameters. */
final class RequestChecks {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String GUID_ALLOWED = "the subaccount GUID, e.g. 0f2c7d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

    private RequestChecks() {
    }

    /** The subaccount GUID, trimmed. */
    static String subaccountId(String subaccountId) {
        if (subaccountId == null || !GUID.matcher(subaccountId.trim()).matches()) {
            throw new ValidationException("subaccountId", subaccountId == null ? "is missing" : "is not a GUID",
                    GUID_ALLOWED);
        }
        return subaccountId.trim();
    }

    /** The value, unless it is missing. */
    static <T> T present(String field, T value, String allowed) {
        if (value == null) {
            throw new ValidationException(field, "is missing", allowed);
        }
        return value;
    }

    static void timeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new ValidationException("timeout", timeout == null ? "is missing" : "is not positive",
                    "a positive duration, default " + BindingRequest.DEFAULT_TIMEOUT);
        }
    }

    /** A copy of the binding parameters, an empty object when none. */
    static JsonNode bindingParameters(JsonNode parameters) {
        JsonNode bp = parameters == null ? Json.mapper().createObjectNode() : parameters.deepCopy();
        if (!bp.isObject()) {
            throw new ValidationException("bindingParameters", "is not a JSON object", "a map of parameters");
        }
        return bp;
    }
}
