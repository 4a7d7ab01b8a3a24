package io.calmsdk.api.internal;

import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.internal.http.TransportRequest;
import io.calmsdk.core.internal.http.TransportResponse;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;

/**
 * One collection of a Cloud ALM API read and changed the same way by every family: listed lazily with
 * OData {@code $skip}/{@code $top}/{@code $count} (and the server's next links), read, created, changed
 * with {@code PATCH} and deleted by key, optionally with an {@code If-Match} ETag (a stale one answers
 * 412, a {@link io.calmsdk.core.exception.PreconditionFailedException}). The typed clients are thin layers
 * over it. Immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntitySet<T> {

    private final ApiCaller caller;
    private final String collection;
    private final PathTemplate entity;
    private final Class<T> type;
    private final String what;
    private final String keyField;
    private final PageDecoder<T> pages;

    /**
     * Creates the collection.
     *
     * @param caller the caller
     * @param collectionPath the collection path under {@code endpoints.Api}, e.g. {@code /calm-features/v1/Features}
     * @param type the entity type
     * @param what what one entity is, for messages, e.g. {@code feature}
     * @param keyField the JSON name of the key, e.g. {@code uuid}
     */
    public EntitySet(ApiCaller caller, String collectionPath, Class<T> type, String what, String keyField) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.collection = PathTemplate.parse(collectionPath).expand();
        this.entity = PathTemplate.parse(collectionPath + "/{key}");
        this.type = type;
        this.what = what;
        this.keyField = keyField;
        this.pages = PageDecoder.of(type, what + " items");
    }

    /**
     * The encoded collection path.
     *
     * @return e.g. {@code /calm-features/v1/Features}
     */
    public String path() {
        return collection;
    }

    /**
     * The encoded path of one entity.
     *
     * @param key the key, checked not blank
     * @return e.g. {@code /calm-features/v1/Features/4711}
     * @throws io.calmsdk.core.exception.ValidationException if the key is blank
     */
    public String entityPath(String key) {
        return entity.expand(Checks.notBlank(keyField, key));
    }

    /**
     * Lists the entities a query selects.
     *
     * @param query the query
     * @return the entities, fetched when iterated
     */
    public PagedIterable<T> list(ODataQuery query) {
        return caller.odata(collection, Objects.requireNonNull(query, "query"), pages, "list " + what + "s");
    }

    /**
     * Lists another collection of entities of this type, e.g. a navigation property.
     *
     * @param encodedPath the encoded collection path
     * @param query the query
     * @return the entities, fetched when iterated
     */
    public PagedIterable<T> listAt(String encodedPath, ODataQuery query) {
        return caller.odata(encodedPath, Objects.requireNonNull(query, "query"), pages, "list " + what + "s");
    }

    /**
     * Reads one entity.
     *
     * @param key the key
     * @return the entity
     * @throws NotFoundException if there is none
     * @throws io.calmsdk.core.exception.ValidationException if the key is blank
     */
    public T get(String key) {
        return get(key, new QueryString());
    }

    /**
     * Reads one entity with query options, e.g. {@code $expand}.
     *
     * @param key the key
     * @param query the query options
     * @return the entity
     * @throws NotFoundException if there is none
     */
    public T get(String key, QueryString query) {
        return getAt(entityPath(key), query);
    }

    /**
     * Reads the single entity at a path, e.g. the one a navigation of another entity names.
     *
     * @param encodedPath the encoded path
     * @return the entity, with its ETag
     * @throws NotFoundException if there is none
     */
    public T getAt(String encodedPath) {
        return getAt(encodedPath, new QueryString());
    }

    private T getAt(String encodedPath, QueryString query) {
        TransportResponse response = caller.send(TransportRequest.get(caller.uri(encodedPath, query))
                .operation("get " + what).decodeWith(EntityReader.IN_ATTEMPT).build(), encodedPath);
        return EntityReader.read(response, type, what);
    }

    /**
     * Calls an action on an entity: a {@code POST} with an empty JSON object, conditional on its ETag.
     *
     * @param encodedPath the encoded action path
     * @param ifMatch the ETag the action applies to
     * @param operation what the call does, for logs and errors
     * @return the entity the action answers with, with its ETag
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public T action(String encodedPath, String ifMatch, String operation) {
        TransportResponse response = caller.send(TransportRequest.post(caller.uri(encodedPath, new QueryString()))
                .jsonBody(java.util.Map.of()).header("If-Match", Checks.notBlank("etag", ifMatch))
                .operation(operation).build(), encodedPath);
        return EntityReader.read(response, type, what);
    }

    /**
     * Reads one entity, empty when there is none.
     *
     * @param key the key
     * @return the entity, or empty on 404
     * @throws io.calmsdk.core.exception.ValidationException if the key is blank
     */
    public Optional<T> find(String key) {
        try {
            return Optional.of(get(key));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates an entity in this collection.
     *
     * @param body the request, written as JSON
     * @return the created entity: the answer's fields over the fields sent
     */
    public T create(Object body) {
        return createAt(collection, body);
    }

    /**
     * Creates an entity of this type in another collection, e.g. a navigation property.
     *
     * @param encodedPath the encoded collection path
     * @param body the request, written as JSON
     * @return the created entity
     */
    public T createAt(String encodedPath, Object body) {
        Objects.requireNonNull(body, "request");
        TransportResponse response = caller.send(TransportRequest.post(caller.uri(encodedPath, new QueryString()))
                .jsonBody(body).operation("create " + what).build(), encodedPath);
        return EntityReader.created(response, body, type, what, keyField);
    }

    /**
     * Changes the fields the body holds.
     *
     * @param key the key
     * @param body the fields to change, written as JSON
     * @param ifMatch the ETag the change applies to, or {@code null} to change unconditionally
     * @return the entity after the change (read back when the answer has no body)
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public T update(String key, Object body, String ifMatch) {
        Objects.requireNonNull(body, "request");
        String path = entityPath(key);
        TransportRequest.Builder request = TransportRequest.patch(caller.uri(path, new QueryString())).jsonBody(body)
                .operation("update " + what);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        TransportResponse response = caller.send(request.build(), path);
        return response.body().length == 0 ? get(key) : EntityReader.read(response, type, what);
    }

    /**
     * Deletes an entity.
     *
     * @param key the key
     * @param ifMatch the ETag the delete applies to, or {@code null} to delete unconditionally
     * @throws NotFoundException if there is none
     * @throws io.calmsdk.core.exception.PreconditionFailedException if the ETag is stale
     */
    public void delete(String key, String ifMatch) {
        deleteAt(entityPath(key), ifMatch);
    }

    /**
     * Deletes the entity at a path.
     *
     * @param encodedPath the encoded entity path
     * @param ifMatch the ETag, or {@code null}
     */
    public void deleteAt(String encodedPath, String ifMatch) {
        TransportRequest.Builder request = TransportRequest.delete(caller.uri(encodedPath, new QueryString()))
                .operation("delete " + what);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        caller.send(request.build(), encodedPath);
    }

    @Override
    public String toString() {
        return "EntitySet{" + collection + "}";
    }
}
