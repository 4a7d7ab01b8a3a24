package io.calmsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.Secret;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ValidationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransportRequestTest {

    private static final URI URL = URI.create("https://api.example.com/v1/things");

    @Test
    void factories_setMethodAndDefaultIdempotency() {
        assertThat(TransportRequest.get(URL).build().idempotent()).isTrue();
        assertThat(TransportRequest.put(URL).build().idempotent()).isTrue();
        assertThat(TransportRequest.delete(URL).build().idempotent()).isTrue();
        assertThat(TransportRequest.builder("head", URL).build().method()).isEqualTo("HEAD");
        assertThat(TransportRequest.post(URL).build().idempotent()).isFalse();
        assertThat(TransportRequest.patch(URL).build().idempotent()).isFalse();
        assertThat(TransportRequest.post(URL).idempotent(true).build().idempotent()).isTrue();
        assertThat(TransportRequest.get(URL).idempotent(false).build().idempotent()).isFalse();
    }

    @Test
    void builder_invalidMethod_throwsIllegalArgument() {
        assertThatThrownBy(() -> TransportRequest.builder("GE T", URL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method");
        assertThatThrownBy(() -> TransportRequest.builder(" ", URL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void query_spacesAndReservedCharacters_arePercentEncoded() {
        TransportRequest r = TransportRequest.get(URL)
                .query("fieldQuery", "catalog_name eq 'SAPCloudALMAPIs'")
                .query("a+b", "x&y=z")
                .build();

        assertThat(r.uri().toString()).isEqualTo("https://api.example.com/v1/things"
                + "?fieldQuery=catalog_name%20eq%20%27SAPCloudALMAPIs%27&a%2Bb=x%26y%3Dz");
    }

    @Test
    void query_urlWithExistingQueryAndFragment_appendsBeforeFragment() {
        TransportRequest r = TransportRequest.get(URI.create("https://h/p?x=1#frag")).query("y", "2").build();
        TransportRequest r2 = TransportRequest.get(URI.create("https://h/p?")).query("y", "2").build();

        assertThat(r.uri().toString()).isEqualTo("https://h/p?x=1&y=2#frag");
        assertThat(r2.uri().toString()).isEqualTo("https://h/p?y=2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com/x", "http://10.0.0.1/x", "http://localhost.evil.com/x"})
    void build_plainHttpToRemoteHost_throwsValidationExceptionOnUrl(String url) {
        assertThatThrownBy(() -> TransportRequest.get(URI.create(url)).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("plain http://")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]:9/x", "https://example.com/"})
    void build_httpsOrLoopbackHttp_isAccepted(String url) {
        assertThat(TransportRequest.get(URI.create(url)).build().uri()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative/path", "ftp://example.com/x", "mailto:a@b.c"})
    void build_notAbsoluteHttpUrl_throwsValidationException(String url) {
        assertThatThrownBy(() -> TransportRequest.get(URI.create(url)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("not an absolute http(s) URL");
    }

    @Test
    void build_refusedUrlWithSecretQuery_doesNotEchoTheSecret() {
        assertThatThrownBy(() -> TransportRequest.get(URI.create("ftp://h/x?client_secret=s3cr3t")).build())
                .isInstanceOf(ValidationException.class).hasMessageNotContaining("s3cr3t");
    }

    @Test
    void header_restrictedOrInvalid_throwsIllegalArgument() {
        TransportRequest.Builder b = TransportRequest.get(URL);

        assertThatThrownBy(() -> b.header("Host", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Host");
        assertThatThrownBy(() -> b.header("Content-Length", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.header("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.header("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.header("X-A", "line\r\nInjected: 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> b.secretHeader("X-Key", Secret.of("sec\nret")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("sec");
    }

    @Test
    void header_plainAndSecret_secretValueIsNeverExposed() {
        TransportRequest r = TransportRequest.get(URL).header("X-Plain", "p").secretHeader("Authorization",
                Secret.of("Basic c2VjcmV0")).build();

        assertThat(r.header("x-plain")).contains("p");
        assertThat(r.header("Authorization")).isEmpty();
        assertThat(r.headerNames()).containsExactly("X-Plain", "Authorization");
        assertThat(r.sensitive()).isTrue();
        assertThat(r.toString()).contains("Authorization").doesNotContain("c2VjcmV0");
    }

    @Test
    void jsonBody_object_isSerialisedAsJson() {
        TransportRequest r = TransportRequest.post(URL).jsonBody(Map.of("name", "calm-api")).build();

        assertThat(new String(r.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"calm-api\"}");
        assertThat(r.contentType()).contains("application/json");
        assertThat(r.sensitive()).isFalse();
        assertThat(r.toString()).contains("body=json (19 bytes)");
    }

    @Test
    void jsonBody_unserialisable_throwsCalmClientExceptionNamingType() {
        assertThatThrownBy(() -> TransportRequest.post(URL).jsonBody(new Object()))
                .isInstanceOf(CalmClientException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void formBody_withSecretField_isEncodedInOrderAndSensitive() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credentials");
        fields.put("client_id", "sb-x!b1|calm");
        TransportRequest r = TransportRequest.post(URL).formBody(fields)
                .secretFormField("client_secret", Secret.of("a b&c")).build();

        assertThat(new String(r.bodyBytes(), StandardCharsets.UTF_8))
                .isEqualTo("grant_type=client_credentials&client_id=sb-x%21b1%7Ccalm&client_secret=a+b%26c");
        assertThat(r.contentType()).contains("application/x-www-form-urlencoded");
        assertThat(r.sensitive()).isTrue();
        assertThat(r.toString()).contains("body=form").doesNotContain("a+b", "client_credentials", "sb-x");
    }

    @Test
    void build_formAndRawBody_throwsIllegalState() {
        TransportRequest.Builder b = TransportRequest.post(URL).body(new byte[] {1}, "application/octet-stream")
                .formBody(Map.of("a", "b"));

        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("one body");
    }

    @Test
    void body_raw_isCopied() {
        byte[] bytes = {1, 2, 3};
        TransportRequest r = TransportRequest.put(URL).body(bytes, "application/octet-stream").build();
        bytes[0] = 9;

        assertThat(r.bodyBytes()).containsExactly(1, 2, 3);
        assertThat(r.contentType()).contains("application/octet-stream");
    }

    @Test
    void accept_statuses_areAcceptedOnlyThose() {
        TransportRequest r = TransportRequest.get(URL).accept(404, 410).build();

        assertThat(r.accepts(404)).isTrue();
        assertThat(r.accepts(500)).isFalse();
        assertThat(r.acceptedStatuses()).containsExactly(404, 410);
    }

    @Test
    void authentication_overrideAndNone_areRecorded() {
        RecordingAuthenticator a = new RecordingAuthenticator("t");

        assertThat(TransportRequest.get(URL).build().authMode()).isEqualTo(TransportRequest.AuthMode.TRANSPORT_DEFAULT);
        TransportRequest overridden = TransportRequest.get(URL).authenticator(a).build();
        assertThat(overridden.authMode()).isEqualTo(TransportRequest.AuthMode.OVERRIDE);
        assertThat(overridden.authenticator()).isSameAs(a);
        TransportRequest none = TransportRequest.get(URL).authenticator(a).noAuthentication().build();
        assertThat(none.authMode()).isEqualTo(TransportRequest.AuthMode.NONE);
        assertThat(none.authenticator()).isNull();
    }

    @Test
    void operation_blank_isAbsentAndGivenIsShown() {
        assertThat(TransportRequest.get(URL).operation("  ").build().operation()).isEmpty();
        TransportRequest r = TransportRequest.get(URL).operation("list things").build();
        assertThat(r.operation()).contains("list things");
        assertThat(r.toString()).contains("operation=list things", "GET https://api.example.com/v1/things");
    }

    @Test
    void toString_secretQuery_isRedacted() {
        TransportRequest r = TransportRequest.get(URL).query("client_secret", "qs3cret").build();

        assertThat(r.toString()).doesNotContain("qs3cret").contains("client_secret=***");
        assertThat(r.redactedUrl()).doesNotContain("qs3cret");
    }
}
