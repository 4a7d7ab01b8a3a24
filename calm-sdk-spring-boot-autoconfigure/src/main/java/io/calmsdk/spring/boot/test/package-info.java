/**
 * Spring test support of calm-sdk: {@link io.calmsdk.spring.boot.test.WithCalmSimulator} and
 * {@link io.calmsdk.spring.boot.test.CalmSimulatorInitializer} run an application context against the
 * testkit simulator, with {@code calm.*} pointing at it.
 */
package io.calmsdk.spring.boot.test;
