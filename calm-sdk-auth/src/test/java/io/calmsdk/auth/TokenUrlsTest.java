package io.calmsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenUrlsTest {

    @ParameterizedTest
    @CsvSource({
        "https://sub.authentication.eu10.hana.ondemand.com, https://sub.authentication.eu10.hana.ondemand.com/oauth/token",
        "https://sub.authentication.eu10.hana.ondemand.com/, https://sub.authentication.eu10.hana.ondemand.com/oauth/token",
        "https://sub.authentication.eu10.hana.ondemand.com//, https://sub.authentication.eu10.hana.ondemand.com/oauth/token",
        "https://sub.authentication.eu10.hana.ondemand.com/oauth/token, https://sub.authentication.eu10.hana.ondemand.com/oauth/token",
        "https://sub.authentication.eu10.hana.ondemand.com/oauth/token/, https://sub.authentication.eu10.hana.ondemand.com/oauth/token",
        "https://host/tenant, https://host/tenant/oauth/token",
        "http://localhost:8080, http://localhost:8080/oauth/token"
    })
    void tokenEndpoint_variantsOfTheKeyUrl_giveOneTokenUrl(String base, String expected) {
        assertThat(TokenUrls.tokenEndpoint(URI.create(base), "uaa.url")).isEqualTo(URI.create(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://host/?a=b", "https://host/#frag", "/relative", "ftp://host/x"})
    void tokenEndpoint_unusableUrl_isRefusedNamingTheField(String url) {
        assertThatThrownBy(() -> TokenUrls.tokenEndpoint(URI.create(url), "uaa.url"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("uaa.url ");
    }
}
