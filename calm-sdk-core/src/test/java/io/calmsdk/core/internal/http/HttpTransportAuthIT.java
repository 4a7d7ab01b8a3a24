package io.calmsdk.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.UnauthorizedException;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.internal.http.AuthHeader;
import io.calmsdk.core.internal.http.Authenticator;
import org.junit.jupiter.api.Test;

class HttpTransportAuthIT extends TransportITSupport {

    private final RecordingAuthenticator auth = new RecordingAuthenticator("token-");

    private HttpTransport authenticated() {
        return track(builder().authenticator(auth).build());
    }

    @Test
    void send_authenticator_addsItsHeaderToEveryAttempt() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));

        authenticated().send(TransportRequest.get(url("/x")).build());

        wm.verify(getRequestedFor(urlEqualTo("/x")).withHeader("Authorization", equalTo("Bearer token-1")));
        assertThat(auth.invalidated()).isEmpty();
    }

    @Test
    void send_401ThenOk_invalidatesExactlyTheRefusedHeaderAndRetriesOnceWithAFreshOne() {
        wm.stubFor(get("/x").withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(status(401).withBody("{\"error\":\"invalid_token\"}")));
        wm.stubFor(get("/x").withHeader("Authorization", equalTo("Bearer token-2")).willReturn(okJson("{\"ok\":1}")));

        TransportResponse r = authenticated().send(TransportRequest.get(url("/x")).build());

        assertThat(r.json().get("ok").asInt()).isEqualTo(1);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(auth.invalidated()).containsExactly(auth.header(1));
        assertThat(sleeper.waits()).isEmpty();
        wm.verify(2, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_401Twice_throwsUnauthorizedAfterExactlyTwoRequests() {
        wm.stubFor(get("/x").willReturn(status(401)
                .withBody("{\"error\":\"invalid_token\",\"error_description\":\"expired\"}")));

        assertThatThrownBy(() -> authenticated().send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("invalid_token: expired")
                .hasMessageContaining("2 attempts");
        wm.verify(2, getRequestedFor(urlEqualTo("/x")));
        assertThat(auth.invalidated()).containsExactly(auth.header(1));
    }

    @Test
    void send_post401_isRetriedOnceSinceTheServiceRefusedIt() {
        wm.stubFor(post("/x").withHeader("Authorization", equalTo("Bearer token-1")).willReturn(status(401)));
        wm.stubFor(post("/x").withHeader("Authorization", equalTo("Bearer token-2")).willReturn(status(201)));

        TransportResponse r = authenticated().send(TransportRequest.post(url("/x")).jsonBody("{}").build());

        assertThat(r.status()).isEqualTo(201);
        wm.verify(2, postRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_401WithoutAuthenticator_isFinalAtOnce() {
        wm.stubFor(get("/x").willReturn(status(401)));

        assertThatThrownBy(() -> transport().send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(UnauthorizedException.class);
        wm.verify(1, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void send_401WithNoRetryPolicy_isStillRetriedOnceWithAFreshCredential() {
        wm.stubFor(get("/x").withHeader("Authorization", equalTo("Bearer token-1")).willReturn(status(401)));
        wm.stubFor(get("/x").withHeader("Authorization", equalTo("Bearer token-2")).willReturn(okJson("{}")));
        HttpTransport t = track(builder().authenticator(auth).retryPolicy(RetryPolicy.none()).build());

        assertThat(t.send(TransportRequest.get(url("/x")).build()).status()).isEqualTo(200);
    }

    @Test
    void send_requestAuthenticatorOverride_isUsedInsteadOfTransports() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));
        RecordingAuthenticator other = new RecordingAuthenticator("other-");

        authenticated().send(TransportRequest.get(url("/x")).authenticator(other).build());

        wm.verify(getRequestedFor(urlEqualTo("/x")).withHeader("Authorization", equalTo("Bearer other-1")));
        assertThat(auth.issued()).isEmpty();
    }

    @Test
    void send_noAuthentication_sendsNoAuthorizationHeader() {
        wm.stubFor(post("/oauth/token").willReturn(okJson("{\"access_token\":\"a\"}")));

        authenticated().send(TransportRequest.post(url("/oauth/token")).noAuthentication().build());

        wm.verify(postRequestedFor(urlEqualTo("/oauth/token")).withHeader("Authorization", absent()));
        assertThat(auth.issued()).isEmpty();
    }

    @Test
    void send_customHeaderName_isSent() {
        wm.stubFor(get("/x").willReturn(okJson("{}")));
        Authenticator apiKey = new Authenticator() {
            @Override
            public AuthHeader authorize() {
                return AuthHeader.of("APIKey", io.calmsdk.core.Secret.of("k-1"));
            }

            @Override
            public void invalidate(AuthHeader refused) {
            }
        };

        track(builder().authenticator(apiKey).build()).send(TransportRequest.get(url("/x")).build());

        wm.verify(getRequestedFor(urlEqualTo("/x")).withHeader("APIKey", equalTo("k-1")));
    }

    @Test
    void send_authenticatorFails_propagatesItsExceptionWithoutSending() {
        Authenticator failing = new Authenticator() {
            @Override
            public AuthHeader authorize() {
                throw new CalmClientException("no token for you");
            }

            @Override
            public void invalidate(AuthHeader refused) {
            }
        };

        assertThatThrownBy(() -> track(builder().authenticator(failing).build())
                .send(TransportRequest.get(url("/x")).build()))
                .isInstanceOf(CalmClientException.class).hasMessage("no token for you");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void toString_withAuthenticator_namesItsTypeOnly() {
        assertThat(authenticated().toString()).contains("authenticator=RecordingAuthenticator")
                .doesNotContain("token-");
    }
}
