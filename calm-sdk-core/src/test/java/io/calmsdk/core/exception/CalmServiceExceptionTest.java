package io.calmsdk.core.exception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalmServiceExceptionTest {

    private static ServiceFailure failure(int status) {
        return ServiceFailure.builder().status(status).method("GET")
                .url("https://sm.example/v1/service_instances/4711?token=CANARY-tok-91")
                .errorCode("Code" + status).errorMessage("message " + status).correlationId("corr-" + status)
                .attempts(2).retryAfter(Duration.ofSeconds(30)).build();
    }

    @ParameterizedTest
    @CsvSource({
        "401, UnauthorizedException",
        "403, ForbiddenException",
        "404, NotFoundException",
        "409, ConflictException",
        "422, ConcurrentOperationException",
        "429, RateLimitedException",
        "500, CalmServiceException",
        "502, CalmServiceException",
        "503, CalmServiceException",
        "504, CalmServiceException",
        "599, CalmServiceException",
        "400, CalmServiceException",
        "405, CalmServiceException",
        "410, CalmServiceException",
        "412, PreconditionFailedException",
        "418, CalmServiceException",
        "302, CalmServiceException",
    })
    void of_status_returnsMatchingSubclass(int status, String expectedClass) {
        CalmServiceException e = CalmServiceException.of(failure(status));

        assertThat(e.getClass().getSimpleName()).isEqualTo(expectedClass);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e).isInstanceOf(CalmException.class).isNotInstanceOf(CalmClientException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "401 | check the clientid and clientsecret (or certificate) of the key",
        "403 | add the needed scope to the instance's authorities",
        "404 | a resource being created may answer 404 until its operation finishes",
        "409 | a resource with this name may already exist: look it up and reuse it",
        "422 | another operation is running on this resource",
        "429 | rate limited: wait as long as the service asked",
        "503 | quote the correlation id to SAP support",
    })
    void of_status_messageIsTheDescriptionPlusAHint(int status, String hint) {
        CalmServiceException e = CalmServiceException.of(failure(status));

        assertThat(e.getMessage())
                .startsWith(e.failure().describe() + ": ")
                .contains(hint)
                .contains("HTTP " + status, "Code" + status, "message " + status, "corr-" + status, "2 attempts");
    }

    @Test
    void of_otherStatus_messageIsExactlyTheDescription() {
        CalmServiceException e = CalmServiceException.of(failure(400));

        assertThat(e.getMessage()).isEqualTo(e.failure().describe());
    }

    @Test
    void accessors_delegateToTheFailure() {
        ServiceFailure f = failure(429);
        CalmServiceException e = CalmServiceException.of(f);

        assertThat(e.failure()).isSameAs(f);
        assertThat(e.errorCode()).contains("Code429");
        assertThat(e.errorMessage()).contains("message 429");
        assertThat(e.correlationId()).contains("corr-429");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.url()).isEqualTo("https://sm.example/v1/service_instances/4711?token=***");
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void message_urlWithSecretQueryValue_neverShowsIt() {
        for (int status : new int[] {400, 401, 403, 404, 409, 422, 429, 500}) {
            assertThat(CalmServiceException.of(failure(status)).getMessage()).doesNotContain("CANARY-tok-91");
        }
    }

    @Test
    void constructor_nullFailure_throwsNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CalmServiceException(null))
                .isInstanceOf(NullPointerException.class).hasMessage("failure");
    }

    @Test
    void subclassConstructors_withCallerHint_appendThatHint() {
        ServiceFailure f = failure(500);

        assertThat(new UnauthorizedException(f, "hint-401") { }.getMessage()).endsWith(": hint-401");
        assertThat(new NotFoundException(f, "hint-404") { }.getMessage()).endsWith(": hint-404");
        assertThat(new ConflictException(f, "hint-409") { }.getMessage()).endsWith(": hint-409");
        assertThat(new PreconditionFailedException(f, "hint-412") { }.getMessage()).endsWith(": hint-412");
        assertThat(new PreconditionFailedException(f)).isInstanceOf(ConflictException.class);
        assertThat(new ConcurrentOperationException(f, "hint-422") { }.getMessage()).endsWith(": hint-422");
        assertThat(new RateLimitedException(f, "hint-429") { }.getMessage()).endsWith(": hint-429");
        assertThat(new CalmServiceException(f, "hint-5xx") { }.getMessage()).endsWith(": hint-5xx");
        assertThat(new CalmServiceException(f, null) { }.getMessage()).isEqualTo(f.describe());
    }
}
