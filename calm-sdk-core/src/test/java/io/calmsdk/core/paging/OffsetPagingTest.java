package io.calmsdk.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.internal.paging.OffsetPageRequest;
import io.calmsdk.core.internal.paging.Paging;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link PagedIterable#ofOffsetLimit} and {@link PagedIterable#ofOData}. */
class OffsetPagingTest {

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    private static List<Long> offsets(FakeOffsetService service) {
        return service.requests.stream().map(OffsetPageRequest::offset).collect(Collectors.toList());
    }

    // offset/limit

    @Test
    void ofOffsetLimit_severalPages_asksForConsecutiveOffsetsAndStopsAfterShortPage() {
        FakeOffsetService service = new FakeOffsetService(25);

        assertThat(Paging.ofOffsetLimit(10, service.fetcher())).containsExactlyElementsOf(range(25));
        assertThat(offsets(service)).containsExactly(0L, 10L, 20L);
        assertThat(service.requests).allSatisfy(r -> {
            assertThat(r.limit()).isEqualTo(10);
            assertThat(r.nextLink()).isEmpty();
            assertThat(r.includeCount()).isFalse();
        });
    }

    @Test
    void ofOffsetLimit_collectionIsAMultipleOfTheLimit_stopsAtTheEmptyPage() {
        FakeOffsetService service = new FakeOffsetService(20);

        assertThat(Paging.ofOffsetLimit(10, service.fetcher())).containsExactlyElementsOf(range(20));
        assertThat(offsets(service)).containsExactly(0L, 10L, 20L);
    }

    @Test
    void ofOffsetLimit_emptyCollection_oneFetch() {
        FakeOffsetService service = new FakeOffsetService(0);

        assertThat(Paging.ofOffsetLimit(10, service.fetcher())).isEmpty();
        assertThat(service.fetches()).isEqualTo(1);
    }

    @Test
    void ofOffsetLimit_totalReported_stopsAtTheTotalWithoutAnExtraCall() {
        FakeOffsetService service = new FakeOffsetService(20).countingAlways();

        assertThat(Paging.ofOffsetLimit(10, service.fetcher())).containsExactlyElementsOf(range(20));
        assertThat(offsets(service)).containsExactly(0L, 10L);
    }

    @Test
    void ofOffsetLimit_serverCapsPageSizeAndReportsTotal_keepsGoingPastShortPages() {
        FakeOffsetService service = new FakeOffsetService(23).capPageSizeAt(5).countingAlways();

        assertThat(Paging.ofOffsetLimit(10, service.fetcher())).containsExactlyElementsOf(range(23));
        assertThat(offsets(service)).containsExactly(0L, 5L, 10L, 15L, 20L);
    }

    @Test
    void ofOffsetLimit_serverIgnoresPagingAndReturnsEverythingInAShortPage_oneFetch() {
        FakeOffsetService service = new FakeOffsetService(7).ignoringOffset().ignoringLimit();

        assertThat(Paging.ofOffsetLimit(10, service.fetcher())).containsExactlyElementsOf(range(7));
        assertThat(service.fetches()).isEqualTo(1);
    }

    @Test
    void ofOffsetLimit_serverIgnoresOffsetAndReturnsTheSameFullPage_throwsNoProgress() {
        FakeOffsetService service = new FakeOffsetService(50).ignoringOffset();
        PagedIterable<Integer> paged = Paging.ofOffsetLimit(10, service.fetcher());

        assertThatThrownBy(() -> paged.stream().count())
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("paging by offset/limit made no progress")
                .hasMessageContaining("the page at offset 10 has the same 10 items as the page at offset 0")
                .hasMessageContaining("check that this API supports offset/limit paging");
        assertThat(service.fetches()).isEqualTo(2);
    }

    @Test
    void ofOffsetLimit_serverIgnoresOffsetWithTotalReported_throwsNoProgressBeforeTheTotalHidesIt() {
        FakeOffsetService service = new FakeOffsetService(50).ignoringOffset().countingAlways();

        assertThatThrownBy(() -> Paging.ofOffsetLimit(10, service.fetcher()).stream().count())
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("made no progress");
    }

    @Test
    void ofOffsetLimit_serverIgnoresLimitButHonoursOffset_yieldsEverythingOnce() {
        FakeOffsetService service = new FakeOffsetService(30).ignoringLimit();

        assertThat(Paging.ofOffsetLimit(10, service.fetcher())).containsExactlyElementsOf(range(30));
        assertThat(offsets(service)).containsExactly(0L, 30L);
    }

    @Test
    void ofOffsetLimit_byPage_continuationIsTheNextOffsetAndAbsentOnTheLast() {
        FakeOffsetService service = new FakeOffsetService(15);

        List<Page<Integer>> pages = Paging.ofOffsetLimit(10, service.fetcher())
                .streamByPage().collect(Collectors.toList());

        assertThat(pages).extracting(p -> p.continuation().orElse("none")).containsExactly("10", "none");
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(10, 5);
    }

    @Test
    void ofOffsetLimit_takeFewItems_fetchesOnePage() {
        FakeOffsetService service = new FakeOffsetService(1000);

        assertThat(Paging.ofOffsetLimit(100, service.fetcher()).stream().limit(100).count()).isEqualTo(100);
        assertThat(service.fetches()).isEqualTo(1);
    }

    @Test
    void ofOffsetLimit_withMaxItems_stopsAtTheLimit() {
        FakeOffsetService service = new FakeOffsetService(1000);

        assertThat(Paging.ofOffsetLimit(100, service.fetcher()).withMaxItems(150))
                .containsExactlyElementsOf(range(150));
        assertThat(offsets(service)).containsExactly(0L, 100L);
    }

    @Test
    void ofOffsetLimit_fetcherThrows_exceptionPropagatesUnchanged() {
        ForbiddenException forbidden = new ForbiddenException(ServiceFailure.builder().status(403).method("GET")
                .url("https://t.eu10.alm.cloud.sap/api/calm-tasks/v1/tasks").build(), io.calmsdk.core.model.CalmScope.TASKS_READ, List.of());

        assertThatThrownBy(() -> Paging.<Integer>ofOffsetLimit(10, r -> {
            throw forbidden;
        }).iterator().hasNext()).isSameAs(forbidden);
    }

    @Test
    void ofOffsetLimit_fetcherReturnsNull_throwsNamingTheRequest() {
        assertThatThrownBy(() -> Paging.<Integer>ofOffsetLimit(10, r -> null).iterator().hasNext())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("the page fetcher returned null for OffsetPageRequest{offset=0, limit=10}");
    }

    @Test
    void ofOffsetLimit_limitBelowOne_throwsNamingTheSetting() {
        assertThatThrownBy(() -> Paging.ofOffsetLimit(0, r -> Page.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be at least 1, was 0");
        assertThatThrownBy(() -> Paging.ofOffsetLimit(1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("fetcher");
    }

    @Test
    void ofOffsetLimit_limitOfOne_pagesItemByItem() {
        FakeOffsetService service = new FakeOffsetService(3);

        assertThat(Paging.ofOffsetLimit(1, service.fetcher())).containsExactly(0, 1, 2);
        assertThat(offsets(service)).containsExactly(0L, 1L, 2L, 3L);
    }

    // OData

    @Test
    void ofOData_countRequestedOnFirstPageOnly_andUsedToStop() {
        FakeOffsetService service = new FakeOffsetService(20).countingWhenAsked();

        List<Page<Integer>> pages = Paging.ofOData(10, service.fetcher()).streamByPage()
                .collect(Collectors.toList());

        assertThat(service.requests).extracting(OffsetPageRequest::includeCount).containsExactly(true, false);
        assertThat(offsets(service)).containsExactly(0L, 10L);
        assertThat(pages).allSatisfy(p -> assertThat(p.totalCount()).hasValue(20));
        assertThat(pages.get(1).continuation()).isEmpty();
    }

    @Test
    void ofOData_serverDrivenPagingWithNextLinks_followsLinksAndStopsWhenNoneIsSent() {
        FakeOffsetService service = new FakeOffsetService(23).withNextLinks(10).countingWhenAsked();

        List<Page<Integer>> pages = Paging.ofOData(100, service.fetcher()).streamByPage()
                .collect(Collectors.toList());

        assertThat(pages.stream().flatMap(p -> p.items().stream())).containsExactlyElementsOf(range(23));
        assertThat(service.requests).extracting(r -> r.nextLink().orElse("none"))
                .containsExactly("none", "next?skip=10", "next?skip=20");
        assertThat(pages).extracting(p -> p.continuation().orElse("none"))
                .containsExactly("next?skip=10", "next?skip=20", "none");
        assertThat(service.requests).extracting(OffsetPageRequest::includeCount).containsExactly(true, false, false);
        assertThat(offsets(service)).containsExactly(0L, 10L, 20L);
    }

    @Test
    void ofOData_nextLinkWinsOverAReachedTotal() {
        // A stale @count must not cut off pages the server still links to.
        AtomicInteger calls = new AtomicInteger();
        PagedIterable<Integer> paged = Paging.ofOData(2, r -> calls.incrementAndGet() == 1
                ? Page.of(List.of(1, 2), "more", 2L)
                : Page.of(List.of(3), null, 2L));

        assertThat(paged).containsExactly(1, 2, 3);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void ofOData_nextLinkPointsToItself_throwsNoProgress() {
        AtomicInteger calls = new AtomicInteger();
        PagedIterable<Integer> paged = Paging.ofOData(2, r -> Page.of(List.of(calls.incrementAndGet()), "self"));

        assertThatThrownBy(() -> paged.stream().count())
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("paging by $skip/$top made no progress")
                .hasMessageContaining("links to itself");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void ofOData_serverIgnoresSkip_throwsNoProgressNamingODataParameters() {
        FakeOffsetService service = new FakeOffsetService(40).ignoringOffset().countingAlways();

        assertThatThrownBy(() -> Paging.ofOData(10, service.fetcher()).stream().count())
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("the service seems to ignore $skip/$top");
    }

    @Test
    void ofOData_noCountNoLinks_stopsAfterShortPage() {
        FakeOffsetService service = new FakeOffsetService(12);

        assertThat(Paging.ofOData(5, service.fetcher())).containsExactlyElementsOf(range(12));
        assertThat(offsets(service)).containsExactly(0L, 5L, 10L);
    }

    @Test
    void ofOData_topBelowOne_throwsNamingTop() {
        assertThatThrownBy(() -> Paging.ofOData(-3, r -> Page.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("top must be at least 1, was -3");
    }

    @Test
    void ofOData_iteratedTwice_restartsWithCountAtOffsetZero() {
        FakeOffsetService service = new FakeOffsetService(3).countingWhenAsked();
        PagedIterable<Integer> paged = Paging.ofOData(10, service.fetcher());

        paged.stream().count();
        paged.stream().count();

        assertThat(service.requests).extracting(OffsetPageRequest::offset).containsExactly(0L, 0L);
        assertThat(service.requests).extracting(OffsetPageRequest::includeCount).containsExactly(true, true);
    }

    // OffsetPageRequest value

    @Test
    void offsetPageRequest_valueSemanticsAndToString() {
        OffsetPageRequest a = new OffsetPageRequest(20, 10, "next?skip=20", true);

        assertThat(a).isEqualTo(new OffsetPageRequest(20, 10, "next?skip=20", true))
                .hasSameHashCodeAs(new OffsetPageRequest(20, 10, "next?skip=20", true))
                .isEqualTo(a)
                .isNotEqualTo(new OffsetPageRequest(21, 10, "next?skip=20", true))
                .isNotEqualTo(new OffsetPageRequest(20, 11, "next?skip=20", true))
                .isNotEqualTo(new OffsetPageRequest(20, 10, null, true))
                .isNotEqualTo(new OffsetPageRequest(20, 10, "next?skip=20", false))
                .isNotEqualTo("x");
        assertThat(a.toString())
                .isEqualTo("OffsetPageRequest{offset=20, limit=10, nextLink=next?skip=20, includeCount=true}");
        assertThat(a.nextLink()).isEqualTo(Optional.of("next?skip=20"));
    }
}
