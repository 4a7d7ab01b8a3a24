package io.calmsdk.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.internal.paging.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the page sizes, iterating yields exactly the concatenation of the pages. */
class PagingPropertiesTest {

    @Property(tries = 300)
    void tokenPaging_anyPageSizes_yieldsTheConcatenation(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 20) Integer> pageSizes) {
        FakeTokenService service = FakeTokenService.withPageSizes(pageSizes, null);
        int total = pageSizes.stream().mapToInt(Integer::intValue).sum();
        PagedIterable<Integer> paged = PagedIterable.of(service.fetcher());

        List<Integer> items = new ArrayList<>();
        paged.forEach(items::add);

        assertThat(items).isEqualTo(IntStream.range(0, total).boxed().collect(Collectors.toList()));
        assertThat(service.fetches()).isEqualTo(pageSizes.size());
        assertThat(paged.streamByPage().map(p -> p.items().size()).collect(Collectors.toList()))
                .isEqualTo(pageSizes);
    }

    @Property(tries = 300)
    void tokenPaging_anyPageSizesAndLimit_yieldsThePrefix(
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 10) Integer> pageSizes,
            @ForAll @IntRange(min = 0, max = 250) int maxItems) {
        int total = pageSizes.stream().mapToInt(Integer::intValue).sum();

        List<Integer> items = PagedIterable.of(FakeTokenService.withPageSizes(pageSizes, null).fetcher())
                .withMaxItems(maxItems).stream().collect(Collectors.toList());

        assertThat(items).isEqualTo(IntStream.range(0, Math.min(total, maxItems)).boxed().collect(Collectors.toList()));
    }

    @Property(tries = 300)
    void offsetPaging_anyTotalLimitAndServerCap_yieldsEveryItemOnce(
            @ForAll @IntRange(min = 0, max = 200) int total,
            @ForAll @IntRange(min = 1, max = 40) int limit,
            @ForAll @IntRange(min = 1, max = 40) int serverCap) {
        // With a reported total, a server that caps the page size below the limit loses nothing.
        FakeOffsetService service = new FakeOffsetService(total).capPageSizeAt(serverCap).countingAlways();

        List<Integer> items = Paging.ofOffsetLimit(limit, service.fetcher()).stream()
                .collect(Collectors.toList());

        assertThat(items).isEqualTo(IntStream.range(0, total).boxed().collect(Collectors.toList()));
    }

    @Property(tries = 300)
    void odataPaging_anyTotalTopAndServerPageSize_yieldsEveryItemOnce(
            @ForAll @IntRange(min = 0, max = 200) int total,
            @ForAll @IntRange(min = 1, max = 40) int top,
            @ForAll @IntRange(min = 1, max = 40) int serverPageSize) {
        FakeOffsetService service = new FakeOffsetService(total).withNextLinks(serverPageSize);

        List<Integer> items = Paging.ofOData(top, service.fetcher()).stream().collect(Collectors.toList());

        assertThat(items).isEqualTo(IntStream.range(0, total).boxed().collect(Collectors.toList()));
    }
}
