package io.calmsdk.core.exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outcomes of waiting for long-running operations. */
class OperationExceptionsTest {

    @Test
    void operationFailed_everything_messageHasOperationStateResourceAndDescription() {
        OperationFailedException e = new OperationFailedException("create service instance calm-api", "failed",
                "5c1b-77", "Service broker error: xsappname already in use");

        assertThat(e.getMessage()).isEqualTo("create service instance calm-api ended in state failed"
                + " (resource 5c1b-77): Service broker error: xsappname already in use");
        assertThat(e.operation()).isEqualTo("create service instance calm-api");
        assertThat(e.state()).isEqualTo("failed");
        assertThat(e.resourceId()).contains("5c1b-77");
        assertThat(e).isInstanceOf(CalmException.class).isNotInstanceOf(CalmClientException.class);
    }

    @Test
    void operationFailed_noResourceNoDescription_messageHasOperationAndState() {
        OperationFailedException e = new OperationFailedException("entitlement of SAPCloudALMAPIs/standard",
                "PROCESSING_FAILED", null, null);

        assertThat(e.getMessage()).isEqualTo("entitlement of SAPCloudALMAPIs/standard ended in state PROCESSING_FAILED");
        assertThat(e.resourceId()).isEmpty();
    }

    @Test
    void operationFailed_blankDescription_leftOut() {
        assertThat(new OperationFailedException("op", "failed", null, "  ").getMessage())
                .isEqualTo("op ended in state failed");
    }

    @Test
    void operationFailed_nullOperationOrState_throws() {
        assertThatThrownBy(() -> new OperationFailedException(null, "failed", null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("operation");
        assertThatThrownBy(() -> new OperationFailedException("op", null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("state");
    }

    @Test
    void pollingTimeout_messageNamesAwaitedTimeoutStateAndPolls() {
        PollingTimeoutException e = new PollingTimeoutException("entitlement of SAPCloudALMAPIs/standard",
                "PROCESSING", 12, Duration.ofMinutes(10));

        assertThat(e.getMessage()).isEqualTo("entitlement of SAPCloudALMAPIs/standard did not finish within 10 min:"
                + " still PROCESSING after 12 polls");
        assertThat(e.lastState()).isEqualTo("PROCESSING");
        assertThat(e.attempts()).isEqualTo(12);
        assertThat(e.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(e.getCause()).isNull();
        assertThat(e).isInstanceOf(CalmTimeoutException.class);
    }

    @Test
    void pollingTimeout_onePoll_singular() {
        assertThat(new PollingTimeoutException("x", "in progress", 1, Duration.ofSeconds(5)).getMessage())
                .endsWith("still in progress after 1 poll");
    }

    @Test
    void pollingTimeout_nullState_throws() {
        assertThatThrownBy(() -> new PollingTimeoutException("x", null, 1, Duration.ofSeconds(5)))
                .isInstanceOf(NullPointerException.class).hasMessage("lastState");
    }
}
