/**
 * JUnit 5 integration: {@link io.calmsdk.testkit.junit.CalmSimulatorTest} or
 * {@link io.calmsdk.testkit.junit.CalmSimulatorExtension} start one simulator per test class, reset it
 * before each test and inject it as a {@link io.calmsdk.testkit.BtpSimulator} parameter. Needs
 * {@code junit-jupiter-api} on the test class path (the testkit declares it optional).
 */
package io.calmsdk.testkit.junit;
