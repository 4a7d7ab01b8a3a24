package io.calmsdk.testkit.internal.calm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one simulated Cloud ALM collection behaves: where it lives, its key, the scopes it checks, what may
 * be filtered and written, and whether changes need an {@code If-Match} ETag. One {@link EntitySetApi}
 * serves any collection described this way, so each API family is a few lines of configuration.
 *
 * @param path the collection path under {@code /api}, e.g. {@code /calm-features/v1/Features}
 * @param entityName the entity set name, for {@code @odata.context} and messages, e.g. {@code Features}
 * @param key the key field, {@code uuid} or {@code id}
 * @param style how collections page and answer
 * @param readScope the scope reads need
 * @param writeScope the scope creates and changes need, or {@code null} for a read-only collection
 * @param deleteScope the scope deletes need, or {@code null} when the collection cannot be deleted from
 * @param filterable the properties {@code $filter} (and REST query filters) may name
 * @param required the fields a create must send
 * @param queryFilters custom query options that filter by equality, by option name to property
 * @param etag whether {@code PATCH} and {@code DELETE} need {@code If-Match} with the entity's
 *     {@code modifiedAt} (412 when stale, 428 when missing)
 * @param navigations navigation properties holding arrays of child entities (deep insert, {@code POST
 *     {key}/{nav}}), with the navigations of those children
 */
record EntitySpec(String path, String entityName, String key, Style style, String readScope, String writeScope,
                  String deleteScope, Set<String> filterable, Set<String> required, Map<String, String> queryFilters,
                  boolean etag, Map<String, List<String>> navigations) {

    /** How a collection pages. */
    enum Style {
        /** OData v4: {@code $top/$skip/$count}, {@code {"value":[...]}}, next links past the server page size. */
        ODATA,
        /** REST: {@code offset/limit}, a bare JSON array. */
        REST
    }

    /**
     * A read-only collection.
     *
     * @return a spec without write scopes
     */
    static EntitySpec readOnly(String path, String entityName, String key, Style style, String readScope,
                               Set<String> filterable, Map<String, String> queryFilters) {
        return new EntitySpec(path, entityName, key, style, readScope, null, null, filterable, Set.of(),
                queryFilters, false, Map.of());
    }
}
