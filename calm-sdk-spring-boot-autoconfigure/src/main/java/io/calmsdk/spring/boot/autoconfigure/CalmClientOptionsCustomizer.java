package io.calmsdk.spring.boot.autoconfigure;

import io.calmsdk.core.ClientOptions;

/**
 * Changes the {@link ClientOptions} the starter builds from {@code calm.*} properties, before they are
 * built: declare a bean of this type to set what properties cannot (a clock, a sleeper, an
 * {@link java.net.http.HttpClient} with a proxy, polling). Customizers run in {@code @Order}, after the
 * properties and the {@link io.calmsdk.core.http.RequestListener} beans have been applied.
 *
 * <pre>{@code
 * @Bean
 * CalmClientOptionsCustomizer proxy() {
 *     return options -> options.httpClient(HttpClient.newBuilder().proxy(ProxySelector.of(proxyAddress)).build());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CalmClientOptionsCustomizer {

    /**
     * Changes the options being built.
     *
     * @param options the builder, holding the {@code calm.*} settings
     */
    void customize(ClientOptions.Builder options);
}
