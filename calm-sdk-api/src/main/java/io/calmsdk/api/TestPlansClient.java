package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.TestCaseAssignment;
import io.calmsdk.api.model.TestPlan;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;

/**
 * The Cloud ALM Test Plans API (OData v4, read-only): test plans and the test cases assigned to them. SAP's API
 * guide announces it as a read API of test plans "including their assigned manual and automated test cases"; its
 * path {@code /calm-testmanagement-testplans/v1} and entity sets {@code TestPlans} and {@code TestCaseAssignments}
 * are UNVERIFIED (consetto/calmcp, from SAP's API hub specification), as is the scope
 * {@code calm-api.testplans.read}. It is a service of its own, next to {@link TestCasesClient}'s
 * {@code /calm-testmanagement/v1}, hence a client of its own. Obtained from {@link CloudAlmClient#testPlans()}.
 * Immutable and thread-safe.
 */
public final class TestPlansClient {

    private final ApiCaller caller;
    private final EntitySet<TestPlan> plans;
    private final EntitySet<TestCaseAssignment> assignments;

    TestPlansClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.plans = new EntitySet<>(caller, "/calm-testmanagement-testplans/v1/TestPlans", TestPlan.class,
                "test plan", "uuid");
        this.assignments = new EntitySet<>(caller, "/calm-testmanagement-testplans/v1/TestCaseAssignments",
                TestCaseAssignment.class, "test case assignment", "uuid");
    }

    /**
     * Lists every test plan, {@value ODataQuery#DEFAULT_PAGE_SIZE} per request.
     *
     * @return the test plans, fetched lazily when iterated
     */
    public PagedIterable<TestPlan> list() {
        return list(ODataQuery.all());
    }

    /**
     * Lists the test plans a query selects.
     *
     * @param query the filter, order, selection and page size
     * @return the test plans, fetched lazily when iterated
     */
    public PagedIterable<TestPlan> list(ODataQuery query) {
        return plans.list(query);
    }

    /**
     * Reads a test plan.
     *
     * @param uuid the test plan's uuid
     * @return the test plan
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public TestPlan get(String uuid) {
        return plans.get(uuid);
    }

    /**
     * Reads a test plan, empty when there is none.
     *
     * @param uuid the test plan's uuid
     * @return the test plan, or empty
     */
    public Optional<TestPlan> find(String uuid) {
        return plans.find(uuid);
    }

    /**
     * Lists the test case assignments a query selects.
     *
     * @param query the filter, order, selection and page size
     * @return the assignments, fetched lazily when iterated
     */
    public PagedIterable<TestCaseAssignment> listTestCaseAssignments(ODataQuery query) {
        return assignments.list(query);
    }

    /**
     * Reads a test case assignment.
     *
     * @param uuid the assignment's uuid
     * @return the assignment
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public TestCaseAssignment getTestCaseAssignment(String uuid) {
        return assignments.get(uuid);
    }

    @Override
    public String toString() {
        return "TestPlansClient{" + caller.endpoint() + "/calm-testmanagement-testplans/v1}";
    }
}
