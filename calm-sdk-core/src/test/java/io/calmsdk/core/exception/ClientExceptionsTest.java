package io.calmsdk.core.exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client-side branch: nothing usable came back from a service. */
class ClientExceptionsTest {

    @Test
    void validationException_messageNamesFieldProblemAndAllowed() {
        ValidationException e = new ValidationException("instanceName", "is 40 characters long",
                "1-32 characters of A-Z a-z 0-9 . _ -");

        assertThat(e.getMessage())
                .isEqualTo("instanceName is 40 characters long; allowed: 1-32 characters of A-Z a-z 0-9 . _ -");
        assertThat(e.field()).isEqualTo("instanceName");
        assertThat(e.allowed()).isEqualTo("1-32 characters of A-Z a-z 0-9 . _ -");
        assertThat(e).isInstanceOf(CalmClientException.class);
    }

    @Test
    void validationException_nullFieldOrAllowed_throwsNamingIt() {
        assertThatThrownBy(() -> new ValidationException(null, "is empty", "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("field");
        assertThatThrownBy(() -> new ValidationException("url", "is plain http", null))
                .isInstanceOf(NullPointerException.class).hasMessage("allowed");
    }

    @Test
    void invalidServiceKeyException_exposesPathAndMessage() {
        InvalidServiceKeyException e = new InvalidServiceKeyException("uaa.clientsecret",
                "uaa.clientsecret is missing in the key from VCAP_SERVICES");

        assertThat(e.path()).isEqualTo("uaa.clientsecret");
        assertThat(e.getMessage()).isEqualTo("uaa.clientsecret is missing in the key from VCAP_SERVICES");
        assertThat(e.getCause()).isNull();
        assertThat(e).isInstanceOf(CalmClientException.class);
    }

    @Test
    void invalidServiceKeyException_withCause_keepsIt() {
        IOException cause = new IOException("Unexpected end-of-input");
        InvalidServiceKeyException e = new InvalidServiceKeyException("$", "the key is not JSON", cause);

        assertThat(e.path()).isEqualTo("$");
        assertThat(e.getCause()).isSameAs(cause);
    }

    @Test
    void invalidServiceKeyException_nullPath_throwsNamingIt() {
        assertThatThrownBy(() -> new InvalidServiceKeyException(null, "m")).hasMessage("path");
        assertThatThrownBy(() -> new InvalidServiceKeyException(null, "m", null)).hasMessage("path");
    }

    @Test
    void calmTimeoutException_exposesTimeoutAndCause() {
        IOException cause = new IOException("timed out");
        CalmTimeoutException e = new CalmTimeoutException("GET https://h/x did not answer within PT30S",
                Duration.ofSeconds(30), cause);

        assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e).isInstanceOf(CalmClientException.class);
    }

    @Test
    void rootExceptions_keepMessageAndCause() {
        RuntimeException cause = new RuntimeException("io");

        assertThat(new CalmException("m").getMessage()).isEqualTo("m");
        assertThat(new CalmException("m", cause).getCause()).isSameAs(cause);
        assertThat(new CalmClientException("c").getMessage()).isEqualTo("c");
        assertThat(new CalmClientException("c", cause).getCause()).isSameAs(cause);
        assertThat(new CalmClientException("c")).isInstanceOf(RuntimeException.class);
    }
}
