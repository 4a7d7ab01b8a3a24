/**
 * calm-sdk Cloud ALM API client: {@link io.calmsdk.api.CloudAlmClient} calls SAP Cloud ALM with a
 * Cloud ALM service key, fetching and caching its own tokens, with typed projects, tasks and process
 * hierarchy resources, lazy paging and errors that name the missing {@code calm-api.*} scope.
 */
module io.calmsdk.api {
    requires transitive io.calmsdk.core;
    requires transitive io.calmsdk.auth;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.calmsdk.api;
    exports io.calmsdk.api.model;

    // Jackson calls the models' @JsonCreator factories and @JsonValue methods reflectively.
    opens io.calmsdk.api.model to com.fasterxml.jackson.databind;
}
