package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.api.model.Feature;
import io.calmsdk.api.model.FeatureCreateRequest;
import io.calmsdk.api.model.FeatureUpdateRequest;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Cloud ALM Features API ({@code /calm-features/v1}, OData v4): features and their external
 * references. Obtained from {@link CloudAlmClient#features()}; reads need {@code calm-api.features.read},
 * changes {@code calm-api.features.write} (SAP's API scope list). Immutable and thread-safe.
 */
public final class FeaturesClient {

    private final EntitySet<Feature> features;
    private final EntitySet<Feature.Reference> references;
    private final ApiCaller caller;

    FeaturesClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.features = new EntitySet<>(caller, "/calm-features/v1/Features", Feature.class, "feature", "uuid");
        this.references = new EntitySet<>(caller, "/calm-features/v1/ExternalReferences", Feature.Reference.class,
                "feature reference", "id");
    }

    /**
     * Lists the features of a project, {@value ODataQuery#DEFAULT_PAGE_SIZE} per request.
     *
     * @param projectId the project
     * @return the features, fetched lazily page by page when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the project id is blank
     */
    public PagedIterable<Feature> list(String projectId) {
        return list(ODataQuery.builder().where("projectId", Checks.notBlank("projectId", projectId)).build());
    }

    /**
     * Lists the features a query selects, with {@code $skip}/{@code $top}/{@code $count}; filters name SAP's
     * properties ({@code projectId}, {@code statusCode}, {@code priorityCode}, {@code displayId}, ...).
     *
     * <pre>{@code
     * calm.features().list(ODataQuery.builder().where("projectId", projectId).where("priorityCode", 10).build())
     *     .forEach(f -> System.out.println(f.displayId().orElse("") + " " + f.title()));
     * }</pre>
     *
     * @param query the filter, order and page size
     * @return the features, fetched when iterated
     */
    public PagedIterable<Feature> list(ODataQuery query) {
        return features.list(query);
    }

    /**
     * Reads a feature.
     *
     * @param uuid the feature's uuid
     * @return the feature
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     * @throws io.calmsdk.core.exception.ValidationException if the uuid is blank
     */
    public Feature get(String uuid) {
        return features.get(uuid);
    }

    /**
     * Reads a feature, empty when there is none.
     *
     * @param uuid the feature's uuid
     * @return the feature, or empty
     * @throws io.calmsdk.core.exception.ValidationException if the uuid is blank
     */
    public Optional<Feature> find(String uuid) {
        return features.find(uuid);
    }

    /**
     * Creates a feature. Not retried once it may have reached Cloud ALM.
     *
     * @param request what to create
     * @return the created feature
     * @throws io.calmsdk.core.exception.ForbiddenException naming {@code calm-api.features.write} if the key
     *         lacks it
     */
    public Feature create(FeatureCreateRequest request) {
        return features.create(Objects.requireNonNull(request, "request"));
    }

    /**
     * Creates a feature from a request built in place: {@code features.create(f -> f.projectId(p).title("SSO"))}.
     *
     * @param request fills a {@link FeatureCreateRequest.Builder}
     * @return the created feature
     */
    public Feature create(Consumer<FeatureCreateRequest.Builder> request) {
        return create(Requests.build(FeatureCreateRequest.builder(), request, FeatureCreateRequest.Builder::build));
    }

    /**
     * Changes the fields set in the request.
     *
     * @param uuid the feature's uuid
     * @param request the fields to change
     * @return the feature after the change
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public Feature update(String uuid, FeatureUpdateRequest request) {
        return features.update(uuid, Objects.requireNonNull(request, "request"), null);
    }

    /**
     * Changes a feature with a request built in place: {@code features.update(uuid, f -> f.statusCode("CIPFEATDONE"))}.
     *
     * @param uuid the feature's uuid
     * @param request fills a {@link FeatureUpdateRequest.Builder}
     * @return the feature after the change
     */
    public Feature update(String uuid, Consumer<FeatureUpdateRequest.Builder> request) {
        return update(uuid, Requests.build(FeatureUpdateRequest.builder(), request, FeatureUpdateRequest.Builder::build));
    }

    /**
     * Deletes a feature.
     *
     * @param uuid the feature's uuid
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public void delete(String uuid) {
        features.delete(uuid, null);
    }

    /**
     * Lists the external references of a feature.
     *
     * @param featureUuid the feature's uuid
     * @return the references, fetched when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the uuid is blank
     */
    public PagedIterable<Feature.Reference> listReferences(String featureUuid) {
        return references.list(ODataQuery.builder().where("parentUuid", Checks.notBlank("featureUuid", featureUuid))
                .build());
    }

    /**
     * Adds an external reference (a named link) to a feature.
     *
     * @param featureUuid the feature's uuid
     * @param name the display name
     * @param url where it points
     * @return the created reference
     * @throws io.calmsdk.core.exception.ValidationException if an argument is blank
     */
    public Feature.Reference addReference(String featureUuid, String name, String url) {
        return references.create(WireMaps.object().put("parentUuid", Checks.notBlank("featureUuid", featureUuid))
                .put("name", Checks.notBlank("name", name)).put("url", Checks.notBlank("url", url)).build());
    }

    @Override
    public String toString() {
        return "FeaturesClient{" + caller.endpoint() + "/calm-features/v1}";
    }
}
