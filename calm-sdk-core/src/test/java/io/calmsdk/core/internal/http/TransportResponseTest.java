package io.calmsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.calmsdk.core.exception.CalmClientException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportResponseTest {

    private static TransportResponse response(String body, String contentType) {
        HttpHeaders headers = HttpHeaders.of(contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType)),
                (a, b) -> true);
        return new TransportResponse("GET", URI.create("https://h/oauth/token?client_secret=x"), 200, headers,
                body == null ? null : body.getBytes(StandardCharsets.ISO_8859_1), 2, "cid-1");
    }

    /** A simple target type. */
    public static final class Thing {
        public String name;
        public int size;
    }

    @Test
    void json_validObject_returnsTree() {
        assertThat(response("{\"a\":1}", "application/json").json().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void json_emptyOrBlankBody_returnsMissingNode() {
        assertThat(response("", null).json().isMissingNode()).isTrue();
        assertThat(response(null, null).json().isMissingNode()).isTrue();
        assertThat(response(" \n", null).json().isMissingNode()).isTrue();
    }

    @Test
    void json_truncatedBody_throwsCalmClientExceptionWithoutBodyContent() {
        TransportResponse r = response("{\"access_token\":\"eyJSECRETTOKEN", "application/json");

        assertThatThrownBy(r::json).isInstanceOf(CalmClientException.class)
                .hasMessageContaining("could not decode")
                .hasMessageContaining("truncated")
                .hasMessageContaining("GET https://h/oauth/token?client_secret=***")
                .hasMessageContaining("HTTP 200")
                .hasMessageNotContaining("eyJSECRETTOKEN")
                .hasNoCause();
    }

    @Test
    void json_malformedBody_throwsCalmClientExceptionWithLocationOnly() {
        TransportResponse r = response("{\"access_token\": eyJSECRETTOKEN}", "application/json");

        assertThatThrownBy(r::json).isInstanceOf(CalmClientException.class)
                .hasMessageContaining("not well-formed JSON")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("eyJSECRETTOKEN");
    }

    @Test
    void jsonClass_validBody_decodes() {
        Thing t = response("{\"name\":\"n\",\"size\":3,\"extra\":true}", null).json(Thing.class);

        assertThat(t.name).isEqualTo("n");
        assertThat(t.size).isEqualTo(3);
    }

    @Test
    void jsonClass_wrongShape_throwsNamingTypeWithoutValue() {
        TransportResponse r = response("{\"name\":\"n\",\"size\":\"SECRETVALUE\"}", null);

        assertThatThrownBy(() -> r.json(Thing.class)).isInstanceOf(CalmClientException.class)
                .hasMessageContaining("does not fit Thing").hasMessageNotContaining("SECRETVALUE");
    }

    @Test
    void jsonClass_emptyBody_throwsSayingEmpty() {
        assertThatThrownBy(() -> response("", null).json(Thing.class)).isInstanceOf(CalmClientException.class)
                .hasMessageContaining("the body is empty");
    }

    @Test
    void jsonClass_truncatedBody_throwsTruncated() {
        assertThatThrownBy(() -> response("{\"name\":\"n", null).json(Thing.class))
                .isInstanceOf(CalmClientException.class).hasMessageContaining("truncated");
    }

    @Test
    void jsonTypeReference_list_decodes() {
        List<Thing> things = response("[{\"name\":\"a\"},{\"name\":\"b\"}]", null).json(new TypeReference<List<Thing>>() {
        });

        assertThat(things).extracting(t -> t.name).containsExactly("a", "b");
    }

    @Test
    void bodyAsString_charsetFromContentType_isUsed() {
        assertThat(response("caf\u00e9", "text/plain; charset=ISO-8859-1").bodyAsString()).isEqualTo("caf\u00e9");
        assertThat(response("abc", "text/plain; charset=\"no-such-charset\"").bodyAsString()).isEqualTo("abc");
        assertThat(response("abc", "text/plain").bodyAsString()).isEqualTo("abc");
    }

    @Test
    void accessors_always_returnWhatWasGiven() {
        TransportResponse r = response("x", "text/plain");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.correlationId()).isEqualTo("cid-1");
        assertThat(r.header("content-type")).contains("text/plain");
        assertThat(r.headers().map()).containsKey("Content-Type");
        assertThat(r.uri().getPath()).isEqualTo("/oauth/token");
        byte[] body = r.body();
        body[0] = 'y';
        assertThat(r.body()).containsExactly('x');
    }

    @Test
    void toString_always_hidesBodyAndSecretQuery() {
        TransportResponse r = response("{\"access_token\":\"tok\"}", null);

        assertThat(r.toString()).contains("200", "GET", "2 attempts", "cid-1", "client_secret=***")
                .doesNotContain("tok\"", "access_token");
    }
}
