package io.calmsdk.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.endpoint.SanitizableData;

/** Every spelling of the calm-sdk key settings is masked; other settings are left alone. */
class CalmSanitizingFunctionTest {

    private final CalmSanitizingFunction function = new CalmSanitizingFunction();

    @ParameterizedTest
    @ValueSource(strings = {"calm.service-key", "CALM_SERVICE_KEY", "calm.serviceKey", "serviceKey", "service-key",
            "calm.admin.cis-key", "CALM_ADMIN_CISKEY", "admin.cisKey", "cisKey", "calm.admin.sm-key", "smKey"})
    void keySettings_masked(String key) {
        SanitizableData data = function.apply(new SanitizableData(null, key, Keys.calm()));
        assertThat(data.getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"calm.call-timeout", "calm.instance-name", "server.port", "calm.health.path"})
    void otherSettings_leftAlone(String key) {
        assertThat(function.apply(new SanitizableData(null, key, "value")).getValue()).isEqualTo("value");
    }
}
