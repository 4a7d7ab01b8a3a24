package io.calmsdk.core.exception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CalmServiceExceptionTest {

    private static ServiceFailure failure(int status) {
        return ServiceFailure.builder().status(status).method("POST").url("https://h/v1/x?token=t0k")
                .errorCode("Code").errorMessage("text").correlationId("corr").attempts(2)
                .retryAfter(Duration.ofSeconds(1)).build();
    }

    @ParameterizedTest
    @CsvSource({
        "400, CalmServiceException",
        "401, UnauthorizedException",
        "403, ForbiddenException",
        "404, NotFoundException",
        "409, ConflictException",
        "410, CalmServiceException",
        "412, CalmServiceException",
        "422, ConcurrentOperationException",
        "429, RateLimitedException",
        "500, ServerException",
        "502, ServerException",
        "503, ServerException",
        "599, ServerException"
    })
    void of_status_mapsToMatchingSubclass(int status, String type) {
        CalmServiceException e = CalmServiceException.of(failure(status));

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.status()).isEqualTo(status);
    }

    @Test
    void of_anyStatus_exposesEveryFactAndRedactsTheUrl() {
        CalmServiceException e = CalmServiceException.of(failure(409));

        assertThat(e.errorCode()).contains("Code");
        assertThat(e.errorMessage()).contains("text");
        assertThat(e.correlationId()).contains("corr");
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.url()).isEqualTo("https://h/v1/x?token=***");
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(e.failure().status()).isEqualTo(409);
        assertThat(e.getMessage()).startsWith("POST https://h/v1/x?token=*** failed with HTTP 409 (Code: text)")
                .contains("look it up and reuse it").doesNotContain("t0k");
    }

    @Test
    void forbidden_withScopes_namesRequiredAndGranted() {
        ForbiddenException e = new ForbiddenException(failure(403), "calm-api.tasks.write", List.of("calm-api.tasks.read"));

        assertThat(e.requiredScope()).contains("calm-api.tasks.write");
        assertThat(e.grantedScopes()).containsExactly("calm-api.tasks.read");
        assertThat(e.getMessage()).contains("needs scope calm-api.tasks.write but the token has calm-api.tasks.read");
        assertThat(new ForbiddenException(failure(403), "s", List.of()).getMessage()).contains("has no scopes");
        assertThat(((ForbiddenException) CalmServiceException.of(failure(403))).requiredScope()).isEmpty();
    }
}
