/**
 * calm-sdk testkit: a faithful, stateful simulator of XSUAA, the Cloud Management (cis) Entitlements and
 * Accounts APIs, Service Manager and the SAP Cloud ALM APIs, built on the JDK's own HTTP server.
 *
 * <p>It does not depend on calm-sdk-core on purpose: it implements the wire contract independently, so
 * that it can check our client against the contract rather than against itself.
 */
module io.calmsdk.testkit {
    requires transitive com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires org.slf4j;
    requires static transitive org.junit.jupiter.api;

    exports io.calmsdk.testkit;
    exports io.calmsdk.testkit.junit;
}
