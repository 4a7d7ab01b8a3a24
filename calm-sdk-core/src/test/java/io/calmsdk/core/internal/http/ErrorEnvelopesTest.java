package io.calmsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.exception.ServiceFailure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorEnvelopesTest {

    private static ServiceFailure parse(int status, String body) {
        return ErrorEnvelopes.parse(status, body == null ? null : body.getBytes(StandardCharsets.UTF_8))
                .method("GET").url("https://h/x").build();
    }

    private static ServiceFailure parseEcho(int status, String body) {
        return ErrorEnvelopes.parse(status, body.getBytes(StandardCharsets.UTF_8), true)
                .method("GET").url("https://h/x").build();
    }

    @Test
    void parse_serviceManager_readsErrorAndDescription() {
        ServiceFailure f = parse(409, "{\"error\":\"Conflict\",\"description\":\"instance with same name exists\"}");

        assertThat(f.status()).isEqualTo(409);
        assertThat(f.errorCode()).contains("Conflict");
        assertThat(f.errorMessage()).contains("instance with same name exists");
    }

    @Test
    void parse_serviceManagerWithBrokerError_appendsBrokerText() {
        ServiceFailure f = parse(502, "{\"error\":\"BrokerError\",\"description\":\"failed\","
                + "\"broker_error\":{\"description\":\"quota exceeded\"}}");
        ServiceFailure f2 = parse(502, "{\"error\":\"BrokerError\",\"broker_error\":\"boom\"}");
        ServiceFailure f3 = parse(502, "{\"error\":\"BrokerError\",\"broker_error\":{\"x\":1}}");

        assertThat(f.errorMessage()).contains("failed (broker error: quota exceeded)");
        assertThat(f2.errorMessage()).contains("broker error: boom");
        assertThat(f3.errorMessage()).contains("broker error: {\"x\":1}");
    }

    @Test
    void parse_cisWrapped_readsCodeMessageDetailsAndCorrelationId() {
        ServiceFailure f = parse(429, "{\"error\":{\"code\":11006,\"message\":\"Too many requests\",\"target\":\"/x\","
                + "\"correlationID\":\"cis-123\",\"details\":[{\"code\":11001,\"message\":\"slow down\"}]}}");

        assertThat(f.errorCode()).contains("11006");
        assertThat(f.errorMessage()).contains("Too many requests (11001: slow down)");
        assertThat(f.correlationId()).contains("cis-123");
    }

    @Test
    void parse_cisUnwrapped_readsCodeAndMessage() {
        ServiceFailure f = parse(400, "{\"code\":11000,\"message\":\"Bad subaccount\",\"correlationID\":\"c-9\","
                + "\"details\":[{\"message\":\"Bad subaccount\"},{\"message\":\"guid malformed\"}]}");

        assertThat(f.errorCode()).contains("11000");
        assertThat(f.errorMessage()).contains("Bad subaccount (guid malformed)");
        assertThat(f.correlationId()).contains("c-9");
    }

    @Test
    void parse_oauth_readsErrorAndDescription() {
        ServiceFailure f = parse(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}");

        assertThat(f.errorCode()).contains("invalid_client");
        assertThat(f.errorMessage()).contains("Bad credentials");
    }

    @Test
    void parse_odataV4_readsCodeAndMessage() {
        ServiceFailure f = parse(400, "{\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"Property 'x' unknown\"}}");

        assertThat(f.errorCode()).contains("BAD_REQUEST");
        assertThat(f.errorMessage()).contains("Property 'x' unknown");
    }

    @Test
    void parse_odataV2_readsMessageValue() {
        ServiceFailure f = parse(400, "{\"error\":{\"code\":\"SY/530\",\"message\":{\"lang\":\"en\",\"value\":\"No way\"}}}");

        assertThat(f.errorCode()).contains("SY/530");
        assertThat(f.errorMessage()).contains("No way");
    }

    @Test
    void parse_bareDescription_readsMessageOnly() {
        ServiceFailure f = parse(429, "{\"description\":\"rate limit reached\"}");

        assertThat(f.errorCode()).isEmpty();
        assertThat(f.errorMessage()).contains("rate limit reached");
    }

    @Test
    void parse_wrappedWithCorrelationOutside_readsOuterCorrelationId() {
        ServiceFailure f = parse(500, "{\"error\":{\"code\":\"X\"},\"correlation_id\":\"outer\"}");

        assertThat(f.correlationId()).contains("outer");
        assertThat(f.errorMessage()).isEmpty();
    }

    @Test
    void parse_emptyOrNullBody_hasNoCodeOrMessage() {
        assertThat(parse(503, "").errorMessage()).isEmpty();
        assertThat(parse(503, null).errorCode()).isEmpty();
    }

    @Test
    void parse_plainTextWithoutEcho_hasNoMessage() {
        assertThat(parse(502, "Bad Gateway: upstream down").errorMessage()).isEmpty();
    }

    @Test
    void parse_plainTextWithEcho_usesShortSingleLinePrefix() {
        assertThat(parseEcho(502, "Bad Gateway:\n upstream\tdown").errorMessage()).contains("Bad Gateway: upstream down");
        String longText = "x".repeat(1000);
        assertThat(parseEcho(502, longText).errorMessage().orElseThrow()).hasSize(203).endsWith("...");
    }

    @Test
    void parse_htmlWithEcho_hasNoMessage() {
        assertThat(parseEcho(502, "<html><body>502</body></html>").errorMessage()).isEmpty();
    }

    @Test
    void parse_jsonArrayOrScalar_hasNoCode() {
        assertThat(parse(500, "[1,2]").errorCode()).isEmpty();
        assertThat(parseEcho(500, "42").errorMessage()).contains("42");
    }

    @Test
    void parse_hugeMessage_isShortened() {
        ServiceFailure f = parse(400, "{\"error\":\"E\",\"description\":\"" + "d".repeat(2000) + "\"}");

        assertThat(f.errorMessage().orElseThrow()).hasSize(ErrorEnvelopes.MAX_MESSAGE_CHARS + 3);
    }

    @Test
    void parse_nonTextualFields_areIgnored() {
        ServiceFailure f = parse(400, "{\"error\":{\"code\":{\"nested\":1},\"message\":null,\"details\":\"x\"}}");

        assertThat(f.errorCode()).isEmpty();
        assertThat(f.errorMessage()).isEmpty();
    }
}
