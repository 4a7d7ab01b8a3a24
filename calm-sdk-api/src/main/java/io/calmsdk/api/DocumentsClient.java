package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.model.Document;
import io.calmsdk.api.model.DocumentCreateRequest;
import io.calmsdk.api.model.DocumentUpdateRequest;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Cloud ALM Documents API ({@code /calm-documents/v1}, OData v4). Obtained from
 * {@link CloudAlmClient#documents()}; reads need {@code calm-api.documents.read}, creates and changes
 * {@code calm-api.documents.write}, deletes {@code calm-api.documents.delete} (SAP's API scope list).
 * Immutable and thread-safe.
 */
public final class DocumentsClient {

    private final EntitySet<Document> documents;
    private final ApiCaller caller;

    DocumentsClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.documents = new EntitySet<>(caller, "/calm-documents/v1/Documents", Document.class, "document", "uuid");
    }

    /**
     * Lists the documents of a project, {@value ODataQuery#DEFAULT_PAGE_SIZE} per request.
     *
     * @param projectId the project
     * @return the documents, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the project id is blank
     */
    public PagedIterable<Document> list(String projectId) {
        return list(ODataQuery.builder().where("projectId", Checks.notBlank("projectId", projectId)).build());
    }

    /**
     * Lists the documents a query selects ({@code $filter} on {@code projectId}, {@code documentTypeCode},
     * {@code statusCode}, ...), lazily with {@code $skip}/{@code $top}/{@code $count}.
     *
     * @param query the filter, order and page size
     * @return the documents, fetched when iterated
     */
    public PagedIterable<Document> list(ODataQuery query) {
        return documents.list(query);
    }

    /**
     * Reads a document.
     *
     * @param uuid the document's uuid
     * @return the document
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public Document get(String uuid) {
        return documents.get(uuid);
    }

    /**
     * Reads a document, empty when there is none.
     *
     * @param uuid the document's uuid
     * @return the document, or empty
     */
    public Optional<Document> find(String uuid) {
        return documents.find(uuid);
    }

    /**
     * Creates a document. Not retried once it may have reached Cloud ALM.
     *
     * @param request what to create
     * @return the created document
     */
    public Document create(DocumentCreateRequest request) {
        return documents.create(Objects.requireNonNull(request, "request"));
    }

    /**
     * Creates a document from a request built in place: {@code documents.create(d -> d.title("Design"))}.
     *
     * @param request fills a {@link DocumentCreateRequest.Builder}
     * @return the created document
     */
    public Document create(Consumer<DocumentCreateRequest.Builder> request) {
        return create(Requests.build(DocumentCreateRequest.builder(), request, DocumentCreateRequest.Builder::build));
    }

    /**
     * Changes the fields set in the request.
     *
     * @param uuid the document's uuid
     * @param request the fields to change
     * @return the document after the change
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public Document update(String uuid, DocumentUpdateRequest request) {
        return documents.update(uuid, Objects.requireNonNull(request, "request"), null);
    }

    /**
     * Changes a document with a request built in place.
     *
     * @param uuid the document's uuid
     * @param request fills a {@link DocumentUpdateRequest.Builder}
     * @return the document after the change
     */
    public Document update(String uuid, Consumer<DocumentUpdateRequest.Builder> request) {
        return update(uuid, Requests.build(DocumentUpdateRequest.builder(), request,
                DocumentUpdateRequest.Builder::build));
    }

    /**
     * Deletes a document; needs {@code calm-api.documents.delete}.
     *
     * @param uuid the document's uuid
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public void delete(String uuid) {
        documents.delete(uuid, null);
    }

    @Override
    public String toString() {
        return "DocumentsClient{" + caller.endpoint() + "/calm-documents/v1}";
    }
}
