package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.auth.TokenAcquisitionException;
import io.calmsdk.btp.ProvisioningException;
import io.calmsdk.btp.ProvisioningStep;
import io.calmsdk.btp.ScopeVerificationException;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.exception.OperationFailedException;
import io.calmsdk.core.exception.PollingTimeoutException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.exception.UnauthorizedException;
import io.calmsdk.core.exception.ValidationException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    private static ServiceFailure failure(int status) {
        return ServiceFailure.builder().status(status).method("GET").url("https://h/p").build();
    }

    private static TokenAcquisitionException token(Integer status, Throwable cause) {
        return new TokenAcquisitionException("no token", "https://uaa/oauth/token", "sb-x", status, null, null,
                status == null, cause);
    }

    @Test
    void of_badInput_is2() {
        assertThat(ExitCodes.of(new ValidationException("f", "is bad", "good"))).isEqualTo(2);
        assertThat(ExitCodes.of(new InvalidServiceKeyException("$.uaa", "missing"))).isEqualTo(2);
    }

    @Test
    void of_authFailures_are3() {
        assertThat(ExitCodes.of(token(401, null))).isEqualTo(3);
        assertThat(ExitCodes.of(new UnauthorizedException(failure(401)))).isEqualTo(3);
        assertThat(ExitCodes.of(new ForbiddenException(failure(403)))).isEqualTo(3);
        assertThat(ExitCodes.of(new ScopeVerificationException("s", "i", List.of("a"), List.of(), List.of())))
                .isEqualTo(3);
    }

    @Test
    void of_serviceFailures_are4() {
        assertThat(ExitCodes.of(new NotFoundException(failure(404)))).isEqualTo(4);
        assertThat(ExitCodes.of(new OperationFailedException("create", "failed", "id", "broker exploded"))).isEqualTo(4);
        assertThat(ExitCodes.of(new ProvisioningException(ProvisioningException.Reason.NO_QUOTA,
                ProvisioningStep.ENTITLEMENT, "s", "i", "no quota", List.of(), null))).isEqualTo(4);
        assertThat(ExitCodes.of(token(503, null))).isEqualTo(4);
        assertThat(ExitCodes.of(token(429, null))).isEqualTo(4);
    }

    @Test
    void of_timeouts_are5() {
        assertThat(ExitCodes.of(new CalmTimeoutException("slow", Duration.ofSeconds(1), null))).isEqualTo(5);
        assertThat(ExitCodes.of(new PollingTimeoutException("op", "in progress", 3, Duration.ofMinutes(1))))
                .isEqualTo(5);
        assertThat(ExitCodes.of(token(null, new CalmTimeoutException("slow", Duration.ofSeconds(1), null))))
                .isEqualTo(5);
    }

    @Test
    void of_noUsableAnswer_is6() {
        assertThat(ExitCodes.of(new CalmClientException("connect failed", new ConnectException("refused"))))
                .isEqualTo(6);
        assertThat(ExitCodes.of(token(null, new IOException("reset")))).isEqualTo(6);
    }

    @Test
    void of_provisioningException_isJudgedByItsCause() {
        assertThat(ExitCodes.of(provisioning(new PollingTimeoutException("op", "in progress", 3, Duration.ZERO))))
                .isEqualTo(5);
        assertThat(ExitCodes.of(provisioning(token(401, null)))).isEqualTo(3);
        assertThat(ExitCodes.of(provisioning(null))).isEqualTo(4);
    }

    @Test
    void of_somethingElse_is1() {
        assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(1);
        assertThat(ExitCodes.kind(1)).isEqualTo("unexpected");
    }

    @Test
    void kind_namesEveryCode() {
        assertThat(List.of(0, 2, 3, 4, 5, 6, 130)).extracting(ExitCodes::kind).containsExactly("ok", "bad-input",
                "auth-failure", "service-failure", "timeout", "unreachable", "interrupted");
    }

    private static ProvisioningException provisioning(Throwable cause) {
        return new ProvisioningException(ProvisioningStep.INSTANCE, "s", "i", "failed", List.of(), cause);
    }
}
