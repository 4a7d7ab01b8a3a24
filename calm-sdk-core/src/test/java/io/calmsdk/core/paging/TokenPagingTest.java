package io.calmsdk.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.testing.LogCapture;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link PagedIterable#of(PagedIterable.PageFetcher)} and the behaviour every style shares. */
class TokenPagingTest {

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    @Test
    void iterator_severalPages_yieldsAllItemsInOrderAndFollowsTokens() {
        FakeTokenService service = FakeTokenService.withPageSizes(3, 3, 2);

        List<Integer> items = new ArrayList<>();
        PagedIterable.of(service.fetcher()).forEach(items::add);

        assertThat(items).containsExactlyElementsOf(range(8));
        assertThat(service.requests).containsExactly(Optional.empty(), Optional.of("p1"), Optional.of("p2"));
    }

    @Test
    void iterator_emptyLastPageWithToken_followsItAndEnds() {
        // Service Manager may hand out a token whose page turns out to be empty.
        FakeTokenService service = FakeTokenService.withPageSizes(2, 2, 0);

        assertThat(PagedIterable.of(service.fetcher()).stream()).containsExactly(0, 1, 2, 3);
        assertThat(service.fetches()).isEqualTo(3);
    }

    @Test
    void iterator_zeroItemPageInTheMiddle_isSkippedNotTakenAsTheEnd() {
        FakeTokenService service = FakeTokenService.withPageSizes(2, 0, 0, 3);

        assertThat(PagedIterable.of(service.fetcher()).stream()).containsExactly(0, 1, 2, 3, 4);
        assertThat(service.fetches()).isEqualTo(4);
    }

    @Test
    void iterator_singleEmptyPage_yieldsNothing() {
        FakeTokenService service = FakeTokenService.withPageSizes(0);

        Iterator<Integer> it = PagedIterable.of(service.fetcher()).iterator();

        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(service.fetches()).isEqualTo(1);
    }

    @Test
    void iterator_created_fetchesNothingUntilAsked() {
        FakeTokenService service = FakeTokenService.withPageSizes(2, 2);
        PagedIterable<Integer> paged = PagedIterable.of(service.fetcher());

        Iterator<Integer> it = paged.iterator();
        Stream<Integer> stream = paged.stream();
        paged.byPage().iterator();
        paged.spliterator();
        paged.toString();

        assertThat(service.fetches()).isZero();
        assertThat(it.next()).isZero();
        assertThat(service.fetches()).isEqualTo(1);
        stream.close();
    }

    @Test
    void stream_takeFewerThanAPage_fetchesOnlyTheFirstPage() {
        FakeTokenService service = FakeTokenService.withPageSizes(5, 5, 5);

        List<Integer> taken = PagedIterable.of(service.fetcher()).stream().limit(3).collect(Collectors.toList());

        assertThat(taken).containsExactly(0, 1, 2);
        assertThat(service.fetches()).isEqualTo(1);
    }

    @Test
    void stream_takeExactlyOnePage_doesNotFetchTheNext() {
        FakeTokenService service = FakeTokenService.withPageSizes(5, 5, 5);

        assertThat(PagedIterable.of(service.fetcher()).stream().limit(5).count()).isEqualTo(5);
        assertThat(service.fetches()).isEqualTo(1);
    }

    @Test
    void stream_takeIntoSecondPage_fetchesTwoPages() {
        FakeTokenService service = FakeTokenService.withPageSizes(5, 5, 5);

        assertThat(PagedIterable.of(service.fetcher()).stream().limit(7)).containsExactlyElementsOf(range(7));
        assertThat(service.fetches()).isEqualTo(2);
    }

    @Test
    void stream_findFirstMatch_stopsFetchingWhenFound() {
        FakeTokenService service = FakeTokenService.withPageSizes(4, 4, 4, 4);

        Optional<Integer> found = PagedIterable.of(service.fetcher()).stream().filter(i -> i == 6).findFirst();

        assertThat(found).contains(6);
        assertThat(service.fetches()).isEqualTo(2);
    }

    @Test
    void stream_closedEarly_fetchesNoMorePages() {
        FakeTokenService service = FakeTokenService.withPageSizes(2, 2, 2);
        Iterator<Integer> it;
        try (Stream<Integer> stream = PagedIterable.of(service.fetcher()).stream()) {
            it = stream.iterator();
            assertThat(it.next()).isZero();
        }

        assertThat(it.hasNext()).isFalse();
        assertThat(service.fetches()).isEqualTo(1);
    }

    @Test
    void streamByPage_closedEarly_fetchesNoMorePages() {
        FakeTokenService service = FakeTokenService.withPageSizes(2, 2, 2);
        Iterator<Page<Integer>> it;
        try (Stream<Page<Integer>> pages = PagedIterable.of(service.fetcher()).streamByPage()) {
            it = pages.iterator();
            assertThat(it.next().items()).containsExactly(0, 1);
        }

        assertThat(it.hasNext()).isFalse();
        assertThat(service.fetches()).isEqualTo(1);
    }

    @Test
    void stream_isSequentialAndOrdered() {
        PagedIterable<Integer> paged = PagedIterable.of(FakeTokenService.withPageSizes(1).fetcher());

        try (Stream<Integer> stream = paged.stream()) {
            assertThat(stream.isParallel()).isFalse();
        }
        Spliterator<Integer> spliterator = paged.spliterator();
        assertThat(spliterator.hasCharacteristics(Spliterator.ORDERED)).isTrue();
        assertThat(spliterator.hasCharacteristics(Spliterator.SIZED)).isFalse();
        assertThat(spliterator.trySplit()).isNull();
        assertThat(spliterator.estimateSize()).isEqualTo(Long.MAX_VALUE);
        Spliterator<Page<Integer>> pages = paged.streamByPage().spliterator();
        assertThat(pages.trySplit()).isNull();
        assertThat(pages.hasCharacteristics(Spliterator.NONNULL)).isTrue();
    }

    @Test
    void stream_parallelRequested_stillYieldsEveryItemOnce() {
        FakeTokenService service = FakeTokenService.withPageSizes(3, 3, 3);

        List<Integer> items = PagedIterable.of(service.fetcher()).stream().parallel().collect(Collectors.toList());

        assertThat(items).containsExactlyElementsOf(range(9));
    }

    @Test
    void byPage_severalPages_yieldsPagesWithContinuationsAndTotal() {
        FakeTokenService service = FakeTokenService.withPageSizes(List.of(2, 2, 1), 5L);

        List<Page<Integer>> pages = new ArrayList<>();
        PagedIterable.of(service.fetcher()).byPage().forEach(pages::add);

        assertThat(pages).extracting(Page::items)
                .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
        assertThat(pages).extracting(p -> p.continuation().orElse("none")).containsExactly("p1", "p2", "none");
        assertThat(pages).allSatisfy(p -> assertThat(p.totalCount()).hasValue(5));
    }

    @Test
    void byPage_iteratedTwice_restartsFromTheFirstPage() {
        FakeTokenService service = FakeTokenService.withPageSizes(1, 1);
        Iterable<Page<Integer>> pages = PagedIterable.of(service.fetcher()).byPage();

        assertThat(pages).hasSize(2);
        assertThat(pages).hasSize(2);
        assertThat(service.requests).containsExactly(Optional.empty(), Optional.of("p1"),
                Optional.empty(), Optional.of("p1"));
    }

    @Test
    void iterator_calledTwice_eachIterationRestartsAndFetchesAgain() {
        FakeTokenService service = FakeTokenService.withPageSizes(2, 1);
        PagedIterable<Integer> paged = PagedIterable.of(service.fetcher());

        assertThat(paged).containsExactly(0, 1, 2);
        assertThat(paged).containsExactly(0, 1, 2);
        assertThat(service.fetches()).isEqualTo(4);
    }

    @Test
    void iterator_twoIteratorsInterleaved_areIndependent() {
        FakeTokenService service = FakeTokenService.withPageSizes(2, 2);
        PagedIterable<Integer> paged = PagedIterable.of(service.fetcher());
        Iterator<Integer> a = paged.iterator();
        Iterator<Integer> b = paged.iterator();

        assertThat(List.of(a.next(), a.next(), a.next(), b.next(), a.next(), b.next()))
                .containsExactly(0, 1, 2, 0, 3, 1);
    }

    @Test
    void stream_concurrentIterations_eachSeesTheWholeCollection() {
        FakeTokenService service = FakeTokenService.withPageSizes(50, 50, 50, 50);
        PagedIterable<Integer> paged = PagedIterable.of(service.fetcher());

        List<Long> sums = IntStream.range(0, 8).parallel()
                .mapToObj(i -> paged.stream().mapToLong(Integer::longValue).sum())
                .collect(Collectors.toList());

        assertThat(sums).hasSize(8).containsOnly(199L * 200 / 2);
    }

    @Test
    void withMaxItems_limitInsideAPage_yieldsLimitAndFetchesNoMore() {
        FakeTokenService service = FakeTokenService.withPageSizes(4, 4, 4);

        PagedIterable<Integer> first6 = PagedIterable.of(service.fetcher()).withMaxItems(6);

        assertThat(first6).containsExactlyElementsOf(range(6));
        assertThat(service.fetches()).isEqualTo(2);
        assertThat(first6.maxItems()).hasValue(6);
    }

    @Test
    void withMaxItems_limitAtPageBoundary_doesNotFetchTheNextPage() {
        FakeTokenService service = FakeTokenService.withPageSizes(4, 4, 4);

        assertThat(PagedIterable.of(service.fetcher()).withMaxItems(4).stream()).hasSize(4);
        assertThat(service.fetches()).isEqualTo(1);
    }

    @Test
    void withMaxItems_zero_fetchesNothing() {
        FakeTokenService service = FakeTokenService.withPageSizes(4);

        assertThat(PagedIterable.of(service.fetcher()).withMaxItems(0)).isEmpty();
        assertThat(service.fetches()).isZero();
    }

    @Test
    void withMaxItems_moreThanTheCollection_yieldsEverything() {
        FakeTokenService service = FakeTokenService.withPageSizes(2, 1);

        assertThat(PagedIterable.of(service.fetcher()).withMaxItems(100)).containsExactly(0, 1, 2);
    }

    @Test
    void withMaxItems_byPage_cutsTheLastPageAndKeepsItsContinuation() {
        FakeTokenService service = FakeTokenService.withPageSizes(3, 3, 3);

        List<Page<Integer>> pages = PagedIterable.of(service.fetcher()).withMaxItems(5)
                .streamByPage().collect(Collectors.toList());

        assertThat(pages).extracting(Page::items).containsExactly(List.of(0, 1, 2), List.of(3, 4));
        assertThat(pages.get(1).continuation()).contains("p2");
        assertThat(service.fetches()).isEqualTo(2);
    }

    @Test
    void withMaxItems_negative_throwsNamingTheSetting() {
        PagedIterable<Integer> paged = PagedIterable.of(FakeTokenService.withPageSizes(1).fetcher());

        assertThatThrownBy(() -> paged.withMaxItems(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxItems must not be negative, was -1");
        assertThat(paged.maxItems()).isEmpty();
    }

    @Test
    void iterator_fetcherThrowsOnSecondPage_exceptionPropagatesUnchangedAfterFirstPageItems() {
        CalmServiceException failure = new CalmServiceException(ServiceFailure.builder()
                .status(503).method("GET").url("https://sm.example/v1/service_instances?token=p1").build());
        AtomicInteger calls = new AtomicInteger();
        PagedIterable<Integer> paged = PagedIterable.of(token -> {
            if (calls.incrementAndGet() == 2) {
                throw failure;
            }
            return Page.of(List.of(1, 2), "p1");
        });
        Iterator<Integer> it = paged.iterator();

        assertThat(it.next()).isEqualTo(1);
        assertThat(it.next()).isEqualTo(2);
        assertThatThrownBy(it::hasNext).isSameAs(failure);
    }

    @Test
    void stream_fetcherThrowsOnFirstPage_exceptionPropagatesUnchanged() {
        CalmException failure = new CalmClientException("connection refused by sm.example");
        PagedIterable<Integer> paged = PagedIterable.of(token -> {
            throw failure;
        });

        assertThatThrownBy(() -> paged.stream().count()).isSameAs(failure);
        assertThatThrownBy(() -> paged.byPage().iterator().next()).isSameAs(failure);
    }

    @Test
    void iterator_serverRepeatsTheTokenItWasGiven_throwsNoProgressInsteadOfLooping() {
        AtomicInteger calls = new AtomicInteger();
        PagedIterable<Integer> paged = PagedIterable.of(token -> {
            calls.incrementAndGet();
            return Page.of(List.of(1), "same");
        });

        assertThatThrownBy(() -> paged.stream().count())
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("paging made no progress")
                .hasMessageContaining("page 2")
                .hasMessageContaining("same page again");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void iterator_fetcherReturnsNull_throwsNamingThePage() {
        PagedIterable<Integer> paged = PagedIterable.of(token -> token.isPresent() ? null : Page.of(List.of(1), "x"));

        assertThatThrownBy(() -> paged.stream().count())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("the page fetcher returned null for page 2");
    }

    @Test
    void of_nullFetcher_throws() {
        assertThatThrownBy(() -> PagedIterable.of(null)).isInstanceOf(NullPointerException.class).hasMessage("fetcher");
    }

    @Test
    void map_convertsItemsPageByPageKeepingContinuationAndTotal() {
        FakeTokenService service = FakeTokenService.withPageSizes(List.of(2, 1), 3L);

        PagedIterable<String> mapped = PagedIterable.of(service.fetcher()).map(i -> "#" + i);

        assertThat(mapped).containsExactly("#0", "#1", "#2");
        List<Page<String>> pages = mapped.streamByPage().collect(Collectors.toList());
        assertThat(pages.get(0).continuation()).contains("p1");
        assertThat(pages.get(1).continuation()).isEmpty();
        assertThat(pages).allSatisfy(p -> assertThat(p.totalCount()).hasValue(3));
    }

    @Test
    void map_keepsMaxItemsAndStaysLazy() {
        FakeTokenService service = FakeTokenService.withPageSizes(2, 2, 2);
        PagedIterable<Integer> paged = PagedIterable.of(service.fetcher()).withMaxItems(3).map(i -> i * 10);

        assertThat(service.fetches()).isZero();
        assertThat(paged).containsExactly(0, 10, 20);
        assertThat(service.fetches()).isEqualTo(2);
        assertThat(paged.maxItems()).hasValue(3);
    }

    @Test
    void map_mapperThrows_exceptionPropagatesUnchanged() {
        IllegalStateException boom = new IllegalStateException("cannot decode item");
        PagedIterable<Integer> paged = PagedIterable.of(FakeTokenService.withPageSizes(1).fetcher()).map(i -> {
            throw boom;
        });

        assertThatThrownBy(() -> paged.iterator().next()).isSameAs(boom);
    }

    @Test
    void empty_yieldsNothingAndHasNoPages() {
        assertThat(PagedIterable.<String>empty()).isEmpty();
        assertThat(PagedIterable.<String>empty().byPage()).isEmpty();
        assertThat(PagedIterable.<String>empty().stream()).isEmpty();
    }

    @Test
    void stream_hundredThousandItems_streamsThemAllOnePageAtATime() {
        AtomicInteger fetches = new AtomicInteger();
        PagedIterable<Integer> paged = PagedIterable.of(token -> {
            int page = token.map(Integer::parseInt).orElse(0);
            fetches.incrementAndGet();
            List<Integer> items = IntStream.range(page * 1000, page * 1000 + 1000).boxed().collect(Collectors.toList());
            return Page.of(items, page < 99 ? Integer.toString(page + 1) : null);
        });

        long sum = paged.stream().mapToLong(Integer::longValue).sum();

        assertThat(sum).isEqualTo(99_999L * 100_000 / 2);
        assertThat(fetches.get()).isEqualTo(100);
    }

    @Test
    void iterator_pagesAlreadyConsumed_areNotRetained() throws Exception {
        List<java.lang.ref.WeakReference<Object>> firstPageItems = new ArrayList<>();
        PagedIterable<Object> paged = PagedIterable.of(token -> {
            int page = token.map(Integer::parseInt).orElse(0);
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Object item = new byte[1024];
                if (page == 0) {
                    firstPageItems.add(new java.lang.ref.WeakReference<>(item));
                }
                items.add(item);
            }
            return Page.of(items, page < 5 ? Integer.toString(page + 1) : null);
        });
        Iterator<Object> it = paged.iterator();
        for (int i = 0; i < 2500; i++) {
            it.next(); // now on the third page
        }

        for (int i = 0; i < 20 && firstPageItems.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.onSpinWait();
        }

        assertThat(firstPageItems).allSatisfy(ref -> assertThat(ref.get()).isNull());
        assertThat(it.hasNext()).isTrue();
    }

    @Test
    void iterator_eachPage_loggedAtDebugWithCountsButNotTokens() {
        FakeTokenService service = FakeTokenService.withPageSizes(List.of(2, 1), 3L);

        try (LogCapture logs = LogCapture.start()) {
            PagedIterable.of(service.fetcher()).stream().count();

            assertThat(logs.events()).extracting(e -> e.getLevel()).containsOnly(Level.DEBUG);
            assertThat(logs.text())
                    .contains("Fetched page 1 with 2 items of 3")
                    .contains("Fetched page 2 with 1 items of 3 (last page)")
                    .doesNotContain("p1");
        }
    }

    @Test
    void toString_showsTheLimitWithoutFetching() {
        FakeTokenService service = FakeTokenService.withPageSizes(1);
        PagedIterable<Integer> paged = PagedIterable.of(service.fetcher());

        assertThat(paged.toString()).isEqualTo("PagedIterable{all items}");
        assertThat(paged.withMaxItems(5).toString()).isEqualTo("PagedIterable{maxItems=5}");
        assertThat(service.fetches()).isZero();
    }
}
