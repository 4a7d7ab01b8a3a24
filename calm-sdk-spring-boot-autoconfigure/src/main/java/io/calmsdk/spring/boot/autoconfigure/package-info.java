/**
 * Spring Boot auto-configuration of calm-sdk: {@link io.calmsdk.spring.boot.autoconfigure.CalmProperties}
 * ({@code calm.*}), the client, token provider and provisioner beans of
 * {@link io.calmsdk.spring.boot.autoconfigure.CalmAutoConfiguration}, the {@code calm} health indicator of
 * {@link io.calmsdk.spring.boot.autoconfigure.CalmHealthAutoConfiguration} and the Micrometer metrics of
 * {@link io.calmsdk.spring.boot.autoconfigure.CalmMetricsListener}.
 */
package io.calmsdk.spring.boot.autoconfigure;
