package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.internal.QueryString;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.api.model.ManualTestCase;
import io.calmsdk.api.model.ManualTestCaseCreateRequest;
import io.calmsdk.api.model.ManualTestCaseUpdateRequest;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.TestActivityRequest;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Cloud ALM test management API ({@code /calm-testmanagement/v1}, OData v4): manual test cases created
 * with their activities, actions, applications and references in one call (deep insert), changed and deleted
 * with optimistic concurrency, as SAP's test management notebook does. Obtained from
 * {@link CloudAlmClient#testCases()}.
 *
 * <p>Changes and deletes send the test case's ETag as {@code If-Match} ({@link ManualTestCase#etag()}); when the
 * test case changed since it was read, Cloud ALM answers 412 and the call throws
 * {@link io.calmsdk.core.exception.PreconditionFailedException}: read it again and repeat the change. A plain
 * delete of a test case that was executed is refused with 412 too.
 *
 * <p>Scopes: reads {@code calm-api.testcases.read}, creates and changes {@code calm-api.testcases.write}
 * (UNVERIFIED name), deletes {@code calm-api.testcases.delete} (SAP's notebook). Immutable and thread-safe.
 */
public final class TestCasesClient {

    private static final String EXPAND = "toActivities($expand=toActions,toApplications),toReferences";

    private final EntitySet<ManualTestCase> testCases;
    private final EntitySet<ManualTestCase.Activity> activities;
    private final ApiCaller caller;

    TestCasesClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.testCases = new EntitySet<>(caller, "/calm-testmanagement/v1/ManualTestCases", ManualTestCase.class,
                "manual test case", "uuid");
        this.activities = new EntitySet<>(caller, "/calm-testmanagement/v1/Activities", ManualTestCase.Activity.class,
                "test activity", "uuid");
    }

    /**
     * Lists the manual test cases of a project (without their activities).
     *
     * @param projectId the project
     * @return the test cases, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException if the project id is blank
     */
    public PagedIterable<ManualTestCase> list(String projectId) {
        return list(ODataQuery.builder().where("projectId", Checks.notBlank("projectId", projectId)).build());
    }

    /**
     * Lists the manual test cases a query selects ({@code $filter} on {@code projectId}, {@code scopeId},
     * {@code isPrepared}, ...; {@code expand("toActivities")} for the activities).
     *
     * @param query the filter, order, expansion and page size
     * @return the test cases, fetched when iterated
     */
    public PagedIterable<ManualTestCase> list(ODataQuery query) {
        return testCases.list(query);
    }

    /**
     * Reads a manual test case with its activities (and their actions and applications) and references.
     *
     * @param uuid the test case's uuid
     * @return the test case
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public ManualTestCase get(String uuid) {
        return testCases.get(uuid, new QueryString().add("$expand", EXPAND));
    }

    /**
     * Reads a manual test case, empty when there is none.
     *
     * @param uuid the test case's uuid
     * @return the test case, or empty
     */
    public Optional<ManualTestCase> find(String uuid) {
        try {
            return Optional.of(get(uuid));
        } catch (io.calmsdk.core.exception.NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates a manual test case with everything the request holds in one call. Not retried once it may have
     * reached Cloud ALM.
     *
     * <pre>{@code
     * ManualTestCase tc = calm.testCases().create(t -> t.projectId(projectId).title("Order to cash")
     *         .activity(TestActivityRequest.builder().sequence(1).title("Create order")
     *                 .action(TestActionRequest.of(1, "Log in")).build()));
     * }</pre>
     *
     * @param request what to create
     * @return the created test case, with the keys of its activities
     */
    public ManualTestCase create(ManualTestCaseCreateRequest request) {
        return testCases.create(Objects.requireNonNull(request, "request"));
    }

    /**
     * Creates a manual test case from a request built in place.
     *
     * @param request fills a {@link ManualTestCaseCreateRequest.Builder}
     * @return the created test case
     */
    public ManualTestCase create(Consumer<ManualTestCaseCreateRequest.Builder> request) {
        return create(Requests.build(ManualTestCaseCreateRequest.builder(), request,
                ManualTestCaseCreateRequest.Builder::build));
    }

    /**
     * Changes the fields set in the request, if the test case still has the ETag given.
     *
     * @param uuid the test case's uuid
     * @param etag its ETag as last read, {@link ManualTestCase#etag()}
     * @param request the fields to change
     * @return the test case after the change, with its new ETag
     * @throws io.calmsdk.core.exception.PreconditionFailedException if it changed since it was read
     * @throws io.calmsdk.core.exception.ValidationException if the uuid or ETag is blank
     */
    public ManualTestCase update(String uuid, String etag, ManualTestCaseUpdateRequest request) {
        return testCases.update(uuid, Objects.requireNonNull(request, "request"), Checks.notBlank("etag", etag));
    }

    /**
     * Changes a test case with a request built in place:
     * {@code testCases.update(tc.uuid(), tc.etag().orElseThrow(), t -> t.isPrepared(true))}.
     *
     * @param uuid the test case's uuid
     * @param etag its ETag as last read
     * @param request fills a {@link ManualTestCaseUpdateRequest.Builder}
     * @return the test case after the change
     */
    public ManualTestCase update(String uuid, String etag, Consumer<ManualTestCaseUpdateRequest.Builder> request) {
        return update(uuid, etag, Requests.build(ManualTestCaseUpdateRequest.builder(), request,
                ManualTestCaseUpdateRequest.Builder::build));
    }

    /**
     * Deletes a test case (with its activities, actions, applications and references), if it still has the
     * ETag given; needs {@code calm-api.testcases.delete}.
     *
     * @param uuid the test case's uuid
     * @param etag its ETag as last read
     * @throws io.calmsdk.core.exception.PreconditionFailedException if it changed since it was read, or was
     *         executed (test runs are not deleted by a plain delete)
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public void delete(String uuid, String etag) {
        testCases.delete(uuid, Checks.notBlank("etag", etag));
    }

    /**
     * Lists the activities of a test case, with their actions and applications.
     *
     * @param testCaseUuid the test case's uuid
     * @return the activities, fetched when iterated
     */
    public PagedIterable<ManualTestCase.Activity> listActivities(String testCaseUuid) {
        return activities.listAt(testCases.entityPath(testCaseUuid) + "/toActivities", ODataQuery.all());
    }

    /**
     * Adds an activity (with its actions and applications) to a test case, as SAP's notebook does
     * ({@code POST ManualTestCases/{uuid}/toActivities} with {@code parent_ID}).
     *
     * @param testCaseUuid the test case's uuid
     * @param activity the activity
     * @return the created activity
     */
    public ManualTestCase.Activity addActivity(String testCaseUuid, TestActivityRequest activity) {
        Objects.requireNonNull(activity, "activity");
        String path = testCases.entityPath(testCaseUuid) + "/toActivities";
        return activities.createAt(path, WireMaps.object().putOthers(activity.fields()).put("parent_ID", testCaseUuid)
                .build());
    }

    @Override
    public String toString() {
        return "TestCasesClient{" + caller.endpoint() + "/calm-testmanagement/v1}";
    }
}
