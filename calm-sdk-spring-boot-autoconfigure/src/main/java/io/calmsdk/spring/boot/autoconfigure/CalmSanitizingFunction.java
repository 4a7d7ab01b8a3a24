package io.calmsdk.spring.boot.autoconfigure;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the calm-sdk key settings in {@code /actuator/configprops} and {@code /actuator/env}, even when
 * {@code management.endpoint.*.show-values} is {@code always}: {@code calm.service-key},
 * {@code calm.admin.cis-key}, {@code calm.admin.sm-key}, in every spelling Spring Boot's relaxed binding
 * accepts ({@code CALM_SERVICE_KEY}, {@code calm.serviceKey}, ...). The configprops endpoint names a
 * property by its path inside {@code calm}, hence the keys without prefix.
 */
final class CalmSanitizingFunction implements SanitizingFunction {

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null || data.getKey() == null) {
            return data;
        }
        String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        boolean secret = key.equals("calmservicekey") || key.equals("servicekey")
                || key.equals("calmadminciskey") || key.equals("adminciskey") || key.equals("ciskey")
                || key.equals("calmadminsmkey") || key.equals("adminsmkey") || key.equals("smkey");
        return secret ? data.withSanitizedValue() : data;
    }
}
