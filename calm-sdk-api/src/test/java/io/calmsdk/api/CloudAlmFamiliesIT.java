package io.calmsdk.api;

import static io.calmsdk.api.testing.SimulatedCloudAlm.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.api.model.Document;
import io.calmsdk.api.model.DocumentCreateRequest;
import io.calmsdk.api.model.Feature;
import io.calmsdk.api.model.ManualTestCase;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.TestActionRequest;
import io.calmsdk.api.model.TestActivityRequest;
import io.calmsdk.api.testing.SimulatedCloudAlm;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.exception.PreconditionFailedException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.paging.Page;
import io.calmsdk.testkit.RequestMatcher;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Acceptance: the features, documents and test management clients against the testkit simulator. */
class CloudAlmFamiliesIT {

    private static final String[] ALL = {"calm-api.features.read", "calm-api.features.write",
        "calm-api.documents.read", "calm-api.documents.write", "calm-api.documents.delete",
        "calm-api.testcases.read", "calm-api.testcases.write", "calm-api.testcases.delete"};

    @RegisterExtension
    static final SimulatedCloudAlm CALM = SimulatedCloudAlm.withODataPageSize(40);

    @Test
    void features_pageAcrossThreePages_withCountAndTypedFilter() {
        CALM.sim().cloudAlm().seedFeatures("p1", 95);
        CALM.sim().cloudAlm().seedFeatures("p2", 5);
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            CALM.sim().journal().clear();
            List<Feature> features = calm.features().list(ODataQuery.builder().where("projectId", "p1").pageSize(35)
                    .build()).stream().collect(Collectors.toList());
            assertThat(features).hasSize(95).extracting(Feature::projectId).containsOnly(java.util.Optional.of("p1"));
            assertThat(features.stream().map(Feature::uuid).distinct().count()).isEqualTo(95);
            List<String> queries = CALM.queries("/api/calm-features/v1/Features");
            assertThat(queries).hasSize(3);
            assertThat(queries.get(0)).contains("$filter=projectId%20eq%20'p1'").contains("$count=true")
                    .contains("$top=35").contains("$skip=0");
            assertThat(queries.get(2)).contains("$skip=70");

            Page<Feature> first = calm.features().list("p1").byPage().iterator().next();
            assertThat(first.totalCount()).hasValue(95L);
            assertThat(calm.features().list(ODataQuery.builder().where("projectId", "p1").where("priorityCode", 10)
                    .build())).hasSize(24).allSatisfy(f -> assertThat(f.priorityCode()).contains(10));
        }
    }

    @Test
    void features_getOfAGarbledOrCutShortAnswer_isReadAgainInsideTheCall() {
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            Feature created = calm.features().create(f -> f.projectId("p1").title("Audit trail"));
            CALM.sim().journal().clear();
            // The entity is decoded inside the attempt: that one read is also the check that retries a broken body.
            CALM.sim().faults().malformedBodyNext(1, RequestMatcher.of("GET", "/api/calm-features/v1/Features*"));
            assertThat(calm.features().get(created.uuid()).title()).isEqualTo("Audit trail");
            CALM.sim().faults().truncatedBodyNext(1, RequestMatcher.of("GET", "/api/calm-features/v1/Features*"));
            assertThat(calm.features().get(created.uuid()).title()).isEqualTo("Audit trail");
            assertThat(CALM.sim().journal().filter(e -> e.method().equals("GET")
                    && e.path().startsWith("/api/calm-features/v1/Features"))).hasSize(4);
        }
    }

    @Test
    void features_createUpdateReferenceDelete() {
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            Feature created = calm.features().create(f -> f.projectId("p1").title("Single sign-on").priorityCode(20)
                    .tags(List.of("security")));
            assertThat(created.uuid()).isNotBlank();
            assertThat(created.tags()).containsExactly("security");
            assertThat(created.createdAt()).isPresent();

            Feature changed = calm.features().update(created.uuid(), f -> f.statusCode("CIPFEATDONE").title("SSO"));
            assertThat(changed.title()).isEqualTo("SSO");
            assertThat(changed.statusCode()).contains("CIPFEATDONE");
            assertThat(changed.priorityCode()).contains(20);

            Feature.Reference ref = calm.features().addReference(created.uuid(), "Spec", "https://example.com/spec");
            assertThat(ref.parentUuid()).isEqualTo(created.uuid());
            assertThat(calm.features().listReferences(created.uuid())).extracting(Feature.Reference::url)
                    .containsExactly(java.util.Optional.of("https://example.com/spec"));

            calm.features().delete(created.uuid());
            assertThat(calm.features().find(created.uuid())).isEmpty();
            assertThatThrownBy(() -> calm.features().get(created.uuid())).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void features_keyWithoutWrite_forbiddenNamesScope_andNothingIsSent() {
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key("calm-api.features.read"))) {
            assertForbidden(() -> calm.features().create(f -> f.projectId("p1").title("No")), "calm-api.features.write");
            long before = CALM.sim().journal().size();
            assertThatThrownBy(() -> calm.features().create(f -> f.projectId("p1").title(" ")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("title");
            assertThat(CALM.sim().journal().size()).isEqualTo(before);
        }
    }

    @Test
    void documents_crudAndPaging_deleteNeedsDeleteScope() {
        CALM.sim().cloudAlm().seedDocuments("p1", 85);
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            CALM.sim().journal().clear();
            assertThat(calm.documents().list(ODataQuery.builder().where("projectId", "p1").pageSize(30).build())
                    .stream().map(Document::uuid).distinct().count()).isEqualTo(85);
            assertThat(CALM.queries("/api/calm-documents/v1/Documents")).hasSize(3);

            Document doc = calm.documents().create(DocumentCreateRequest.builder().title("Blueprint").projectId("p1")
                    .content("<p>Scope</p>").documentTypeCode("CALMDOCTYPEDEF").build());
            assertThat(doc.content()).contains("<p>Scope</p>");
            assertThat(calm.documents().update(doc.uuid(), d -> d.title("Blueprint v2")).title())
                    .isEqualTo("Blueprint v2");
            assertThat(calm.documents().get(doc.uuid()).documentTypeCode()).contains("CALMDOCTYPEDEF");
        }
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key("calm-api.documents.read", "calm-api.documents.write"))) {
            String uuid = calm.documents().list("p1").stream().findFirst().orElseThrow().uuid();
            assertForbidden(() -> calm.documents().delete(uuid), "calm-api.documents.delete");
        }
    }

    @Test
    void testCases_deepInsert_thenEtagGuardsChanges() {
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            ManualTestCase created = calm.testCases().create(t -> t.projectId("p1").scopeId("s1")
                    .title("Notebook Demo: Initial TestCase").reference("Initial Reference Link", "https://help.sap.com")
                    .activity(TestActivityRequest.builder().sequence(1).title("Activity 1: Setup Test Data")
                            .application("Fiori App", "https://fiori.apps.library.url")
                            .action(TestActionRequest.builder().sequence(1).title("Action 1.1: Log in")
                                    .expectedResult("User is logged in").build()).build()));
            assertThat(created.activities()).hasSize(1);
            ManualTestCase.Activity activity = created.activities().get(0);
            assertThat(activity.uuid()).isNotBlank();
            assertThat(activity.actions()).singleElement().satisfies(a -> {
                assertThat(a.uuid()).isNotBlank();
                assertThat(a.expectedResult()).contains("User is logged in");
            });
            assertThat(activity.applications()).singleElement().satisfies(a -> assertThat(a.url())
                    .contains("https://fiori.apps.library.url"));
            assertThat(created.references()).singleElement().satisfies(r -> assertThat(r.name())
                    .contains("Initial Reference Link"));

            ManualTestCase read = calm.testCases().get(created.uuid());
            assertThat(read.activities().get(0).actions()).hasSize(1);
            String etag = read.etag().orElseThrow();

            ManualTestCase prepared = calm.testCases().update(read.uuid(), etag, t -> t.isPrepared(true)
                    .title("Notebook Demo: Final TestCase (Prepared)"));
            assertThat(prepared.isPrepared()).contains(true);
            assertThat(prepared.etag()).isPresent().isNotEqualTo(read.etag());

            // The first ETag is stale now: a change and a delete with it are refused with 412.
            assertThatThrownBy(() -> calm.testCases().update(read.uuid(), etag, t -> t.title("Lost update")))
                    .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("412");
            assertThatThrownBy(() -> calm.testCases().delete(read.uuid(), etag))
                    .isInstanceOf(PreconditionFailedException.class);
            assertThat(calm.testCases().get(read.uuid()).title()).isEqualTo("Notebook Demo: Final TestCase (Prepared)");

            ManualTestCase.Activity added = calm.testCases().addActivity(read.uuid(), TestActivityRequest.builder().sequence(2)
                    .title("Activity 2: Execute").action(TestActionRequest.of(1, "Create sales order")).build());
            assertThat(added.actions()).hasSize(1);
            assertThat(calm.testCases().listActivities(read.uuid())).extracting(ManualTestCase.Activity::title)
                    .containsExactly("Activity 1: Setup Test Data", "Activity 2: Execute");

            ManualTestCase current = calm.testCases().get(read.uuid());
            calm.testCases().delete(current.uuid(), current.etag().orElseThrow());
            assertThat(calm.testCases().find(current.uuid())).isEmpty();
        }
    }

    @Test
    void testCases_executedCaseRefusesPlainDelete_pagingAndScopes() {
        CALM.sim().cloudAlm().seedManualTestCases("p1", 90);
        String executed = CALM.sim().cloudAlm().createManualTestCase("p1", "Executed");
        CALM.sim().cloudAlm().markTestCaseExecuted(executed);
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            ManualTestCase tc = calm.testCases().get(executed);
            assertThatThrownBy(() -> calm.testCases().delete(executed, tc.etag().orElseThrow()))
                    .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("force delete");
            CALM.sim().journal().clear();
            assertThat(calm.testCases().list(ODataQuery.builder().where("projectId", "p1").pageSize(40).build())
                    .stream().count()).isEqualTo(91);
            assertThat(CALM.queries("/api/calm-testmanagement/v1/ManualTestCases")).hasSize(3);
            assertThatThrownBy(() -> calm.testCases().update(executed, " ", t -> t.isPrepared(true)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("etag");
        }
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key("calm-api.testcases.read"))) {
            assertForbidden(() -> calm.testCases().create(t -> t.projectId("p1").title("No")),
                    "calm-api.testcases.write");
            ManualTestCase tc = calm.testCases().get(executed);
            assertForbidden(() -> calm.testCases().delete(executed, tc.etag().orElseThrow()), "calm-api.testcases.delete");
        }
    }
}
