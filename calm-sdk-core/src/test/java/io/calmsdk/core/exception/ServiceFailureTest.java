package io.calmsdk.core.exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServiceFailureTest {

    private static ServiceFailure.Builder minimal() {
        return ServiceFailure.builder().status(409).method("POST").url("https://sm.example/v1/service_instances");
    }

    // redactUrl

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://h/p?client_secret=abc&x=1                    | https://h/p?client_secret=***&x=1",
        "https://h/p?x=1&clientsecret=abc                     | https://h/p?x=1&clientsecret=***",
        "https://h/p?secret=abc                               | https://h/p?secret=***",
        "https://h/p?password=p+w                             | https://h/p?password=***",
        "https://h/p?access_token=eyJhbGciOi                  | https://h/p?access_token=***",
        "https://h/p?refresh_token=r1                         | https://h/p?refresh_token=***",
        "https://h/p?assertion=jwt                            | https://h/p?assertion=***",
        "https://h/p?code=c&state=s                           | https://h/p?code=***&state=s",
        "https://h/p?key=K&sig=S&signature=G                  | https://h/p?key=***&sig=***&signature=***",
        "https://h/v1/service_instances?max_items=2&token=T   | https://h/v1/service_instances?max_items=2&token=***",
    })
    void redactUrl_secretParameters_valuesMasked(String url, String expected) {
        assertThat(ServiceFailure.redactUrl(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://h/p?Client_Secret=abc     | https://h/p?Client_Secret=***",
        "https://h/p?TOKEN=abc             | https://h/p?TOKEN=***",
        "https://h/p?Access_Token=abc      | https://h/p?Access_Token=***",
    })
    void redactUrl_namesInAnyCase_masked(String url, String expected) {
        assertThat(ServiceFailure.redactUrl(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://h/p",
        "https://h/p?",
        "https://h/p?grant_type=client_credentials&response_type=token",
        "https://h/v1/service_offerings?fieldQuery=catalog_name%20eq%20'SAPCloudALMAPIs'",
        "https://h/p?a=1&&b=2&",
        "https://h/p?=novalue",
        "https://h/p?token",
        "/v1/service_bindings?labelQuery=env%20eq%20'dev'",
        "https://h/p?q=$1\\x",
    })
    void redactUrl_nothingSecret_unchanged(String url) {
        assertThat(ServiceFailure.redactUrl(url)).isEqualTo(url);
    }

    @Test
    void redactUrl_valueContainingEqualsOrEncodedAmpersand_wholeValueMasked() {
        assertThat(ServiceFailure.redactUrl("https://h/p?token=a=b&y=2")).isEqualTo("https://h/p?token=***&y=2");
        assertThat(ServiceFailure.redactUrl("https://h/p?client_secret=%26S%3D&y=2"))
                .isEqualTo("https://h/p?client_secret=***&y=2");
    }

    @Test
    void redactUrl_emptySecretValue_stillMasked() {
        assertThat(ServiceFailure.redactUrl("https://h/p?client_secret=&x=1")).isEqualTo("https://h/p?client_secret=***&x=1");
    }

    @Test
    void redactUrl_relativeTokenEndpoint_masksEverySecretField() {
        assertThat(ServiceFailure.redactUrl(
                "/oauth/token?grant_type=client_credentials&client_id=sb-calm&client_secret=S3cr3t&assertion=A"))
                .isEqualTo("/oauth/token?grant_type=client_credentials&client_id=sb-calm&client_secret=***&assertion=***");
    }

    @Test
    void describe_withOperation_namesItFirst() {
        ServiceFailure f = ServiceFailure.builder().operation("create service instance calm-api")
                .status(409).method("POST").url("https://sm/v1/service_instances").build();
        assertThat(f.operation()).contains("create service instance calm-api");
        assertThat(f.describe()).startsWith("create service instance calm-api: POST https://sm/v1/service_instances failed with HTTP 409");
    }

    @Test
    void redactUrl_userInfo_masked() {
        assertThat(ServiceFailure.redactUrl("https://user:CANARY-PW@h/p?x=1")).isEqualTo("https://***@h/p?x=1");
    }

    @Test
    void redactUrl_fragmentWithoutQuery_dropped() {
        assertThat(ServiceFailure.redactUrl("https://h/p#access_token=CANARY")).isEqualTo("https://h/p");
    }

    @Test
    void redactUrl_encodedOrDashedOrSemicolonSeparatedNames_masked() {
        assertThat(ServiceFailure.redactUrl("https://h/p?client%5Fsecret=C1")).isEqualTo("https://h/p?client%5Fsecret=***");
        assertThat(ServiceFailure.redactUrl("https://h/p?x=1;token=C2")).isEqualTo("https://h/p?x=1;token=***");
        assertThat(ServiceFailure.redactUrl("https://h/p?client-secret=C3&api_key=C4"))
                .isEqualTo("https://h/p?client-secret=***&api_key=***");
    }

    @Test
    void redactUrl_atSignInQueryValue_notMistakenForUserInfo() {
        assertThat(ServiceFailure.redactUrl("https://h/p?mail=a@b.c")).isEqualTo("https://h/p?mail=a@b.c");
    }

    @Test
    void redactUrl_fragmentAfterQuery_isDroppedSoNothingInItLeaks() {
        assertThat(ServiceFailure.redactUrl("https://h/p?token=abc#frag")).isEqualTo("https://h/p?token=***");
        assertThat(ServiceFailure.redactUrl("https://h/p?x=1#access_token=CANARY-FRAG"))
                .isEqualTo("https://h/p?x=1").doesNotContain("CANARY-FRAG");
    }

    @Test
    void redactUrl_replacementCharactersInOtherValues_keptLiterally() {
        assertThat(ServiceFailure.redactUrl("https://h/p?q=$1\\x&code=c")).isEqualTo("https://h/p?q=$1\\x&code=***");
    }

    @Test
    void build_urlWithSecret_storedRedacted() {
        ServiceFailure f = minimal().url("https://uaa.example/oauth/token?client_secret=CANARY-7f3a").build();

        assertThat(f.url()).isEqualTo("https://uaa.example/oauth/token?client_secret=***");
        assertThat(f.describe()).doesNotContain("CANARY-7f3a");
        assertThat(f.toString()).doesNotContain("CANARY-7f3a");
    }

    @Test
    void build_uriOverload_isRedactedToo() {
        ServiceFailure f = minimal().url(URI.create("https://h/p?token=CANARY-uri&x=1")).build();

        assertThat(f.url()).isEqualTo("https://h/p?token=***&x=1");
    }

    // builder

    @Test
    void build_minimal_hasDefaultsAndEmptyOptionals() {
        ServiceFailure f = minimal().build();

        assertThat(f.status()).isEqualTo(409);
        assertThat(f.method()).isEqualTo("POST");
        assertThat(f.url()).isEqualTo("https://sm.example/v1/service_instances");
        assertThat(f.errorCode()).isEmpty();
        assertThat(f.errorMessage()).isEmpty();
        assertThat(f.correlationId()).isEmpty();
        assertThat(f.attempts()).isEqualTo(1);
        assertThat(f.retryAfter()).isEmpty();
    }

    @Test
    void build_everyField_exposedByAccessors() {
        ServiceFailure f = minimal().errorCode("Conflict").errorMessage("name exists").correlationId("c-1")
                .attempts(3).retryAfter(Duration.ofSeconds(2)).build();

        assertThat(f.errorCode()).contains("Conflict");
        assertThat(f.errorMessage()).contains("name exists");
        assertThat(f.correlationId()).contains("c-1");
        assertThat(f.attempts()).isEqualTo(3);
        assertThat(f.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void build_blankTexts_treatedAsAbsent() {
        ServiceFailure f = minimal().errorCode(" ").errorMessage("").correlationId("\t").build();

        assertThat(f.errorCode()).isEmpty();
        assertThat(f.errorMessage()).isEmpty();
        assertThat(f.correlationId()).isEmpty();
    }

    @Test
    void build_attemptsBelowOne_countedAsOne() {
        assertThat(minimal().attempts(0).build().attempts()).isEqualTo(1);
        assertThat(minimal().attempts(-5).build().attempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 200, 599})
    void build_statusInRange_accepted(int status) {
        assertThat(minimal().status(status).build().status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 99, 600, -1})
    void build_statusOutOfRange_throwsNamingIt(int status) {
        assertThatThrownBy(() -> minimal().status(status).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status must be an HTTP status code, was " + status);
    }

    @Test
    void build_missingMethodOrUrl_throwsNamingIt() {
        assertThatThrownBy(() -> ServiceFailure.builder().status(500).url("https://h").build())
                .isInstanceOf(NullPointerException.class).hasMessage("method");
        assertThatThrownBy(() -> ServiceFailure.builder().status(500).method("GET").build())
                .isInstanceOf(NullPointerException.class).hasMessage("url");
    }

    // describe

    @Test
    void describe_everything_oneLineWithAllFacts() {
        ServiceFailure f = minimal().errorCode("Conflict").errorMessage("instance calm-api already exists")
                .correlationId("8f2c-11").attempts(2).retryAfter(Duration.ofMillis(1500)).build();

        assertThat(f.describe()).isEqualTo("POST https://sm.example/v1/service_instances failed with HTTP 409"
                + " (Conflict: instance calm-api already exists) [correlation id 8f2c-11, 2 attempts, retry after 1500 ms]");
    }

    @Test
    void describe_minimal_statusAndOneAttempt() {
        assertThat(minimal().build().describe())
                .isEqualTo("POST https://sm.example/v1/service_instances failed with HTTP 409 [1 attempt]");
    }

    @Test
    void describe_codeOnly_orMessageOnly() {
        assertThat(minimal().errorCode("11006").build().describe()).contains("HTTP 409 (11006) [");
        assertThat(minimal().errorMessage("Bad credentials").build().describe()).contains("HTTP 409 (Bad credentials) [");
    }

    @Test
    void toString_wrapsDescribe() {
        ServiceFailure f = minimal().build();

        assertThat(f.toString()).isEqualTo("ServiceFailure{" + f.describe() + "}");
    }
}
