/**
 * calm-sdk core: models, xs-security parameters, name rules, service keys, errors, the HTTP
 * transport, paging and polling.
 */
module io.calmsdk.core {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;
    requires org.slf4j;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.core;
    requires static org.immutables.value.annotations;

    exports io.calmsdk.core;
    exports io.calmsdk.core.exception;
    exports io.calmsdk.core.http;

    // Models, xs-security, names and service keys.
    exports io.calmsdk.core.model;
    exports io.calmsdk.core.keys;
    opens io.calmsdk.core.model to com.fasterxml.jackson.databind;
    // Request bodies only the SDK writes (users never name them).
    exports io.calmsdk.core.model.internal to io.calmsdk.btp;
    opens io.calmsdk.core.model.internal to com.fasterxml.jackson.databind;

    // Paging.
    exports io.calmsdk.core.paging;

    // Internals shared with the other calm-sdk modules only.
    exports io.calmsdk.core.internal.json to io.calmsdk.auth, io.calmsdk.btp, io.calmsdk.api;
    // Any ObjectMapper instantiates the serializer the models name (internal.json.ViaSdkMapper).
    opens io.calmsdk.core.internal.json to com.fasterxml.jackson.databind;

    exports io.calmsdk.core.internal.http to io.calmsdk.auth, io.calmsdk.btp, io.calmsdk.api;

    exports io.calmsdk.core.internal.paging to io.calmsdk.api;

    exports io.calmsdk.core.internal.polling to io.calmsdk.btp;

    exports io.calmsdk.core.internal.text to io.calmsdk.auth, io.calmsdk.btp, io.calmsdk.api;
}
