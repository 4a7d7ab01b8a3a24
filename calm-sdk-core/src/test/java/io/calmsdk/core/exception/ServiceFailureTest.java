package io.calmsdk.core.exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceFailureTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://h/p|https://h/p",
        "https://h/p?a=1&b=2|https://h/p?a=1&b=2",
        "https://h/oauth/token?client_secret=s1&grant_type=x|https://h/oauth/token?client_secret=***&grant_type=x",
        "https://h/p?Token=abc&x=1|https://h/p?Token=***&x=1",
        "https://h/p?access_token=a&refresh_token=b&password=c|https://h/p?access_token=***&refresh_token=***&password=***",
        "https://h/cb?code=xyz&state=s|https://h/cb?code=***&state=s",
        "/relative?sig=abc|/relative?sig=***",
        "https://h/p?flag&key=k|https://h/p?flag&key=***"
    })
    void redactUrl_secretLookingParameters_areMasked(String url, String expected) {
        assertThat(ServiceFailure.redactUrl(url)).isEqualTo(expected);
    }

    @Test
    void redactUrl_fragment_isDropped() {
        // Fragments never reach a server and may hold an implicit-flow access_token: not shown at all.
        assertThat(ServiceFailure.redactUrl("https://h/p?x=1#access_token=abc")).isEqualTo("https://h/p?x=1");
    }

    @Test
    void build_secretQuery_storesRedactedUrl() {
        ServiceFailure f = ServiceFailure.builder().status(400).method("GET")
                .url(URI.create("https://h/x?client_secret=leak")).build();

        assertThat(f.url()).isEqualTo("https://h/x?client_secret=***");
        assertThat(f.describe()).doesNotContain("leak");
        assertThat(f.toString()).doesNotContain("leak");
    }

    @Test
    void describe_allFields_areShownInOrder() {
        ServiceFailure f = ServiceFailure.builder().status(429).method("PUT").url("https://h/e")
                .errorCode("11006").errorMessage("slow down").correlationId("c-1").attempts(3)
                .retryAfter(Duration.ofSeconds(2)).build();

        assertThat(f.describe()).isEqualTo(
                "PUT https://h/e failed with HTTP 429 (11006: slow down) [correlation id c-1, 3 attempts, retry after 2000 ms]");
    }

    @Test
    void describe_minimalFields_omitsAbsentOnes() {
        ServiceFailure f = ServiceFailure.builder().status(500).method("GET").url("https://h/e")
                .errorMessage(" ").attempts(0).build();

        assertThat(f.describe()).isEqualTo("GET https://h/e failed with HTTP 500 [1 attempt]");
        assertThat(f.errorMessage()).isEmpty();
        assertThat(ServiceFailure.builder().status(500).method("GET").url("u").errorMessage("m").build().describe())
                .contains("(m)");
    }

    @Test
    void build_invalidStatusOrMissingMethod_isRefused() {
        assertThatThrownBy(() -> ServiceFailure.builder().status(42).method("GET").url("u").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> ServiceFailure.builder().status(400).url("u").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("method");
    }
}
