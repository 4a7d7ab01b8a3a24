package io.calmsdk.core.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Service Manager style list in memory: page {@code i} is reached with token {@code "p<i>"}; the last
 * page has no token unless {@link #lastPageToken} is set. Records every request.
 */
final class FakeTokenService {

    final List<Optional<String>> requests = new CopyOnWriteArrayList<>();
    private final List<List<Integer>> pages;
    private final Long numItems;

    private FakeTokenService(List<List<Integer>> pages, Long numItems) {
        this.pages = pages;
        this.numItems = numItems;
    }

    /** Pages of the given sizes holding 0, 1, 2, ... in order. */
    static FakeTokenService withPageSizes(int... sizes) {
        return withPageSizes(IntStream.of(sizes).boxed().collect(Collectors.toList()), null);
    }

    static FakeTokenService withPageSizes(List<Integer> sizes, Long numItems) {
        List<List<Integer>> pages = new ArrayList<>();
        int next = 0;
        for (int size : sizes) {
            List<Integer> page = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                page.add(next++);
            }
            pages.add(page);
        }
        return new FakeTokenService(pages, numItems);
    }

    int fetches() {
        return requests.size();
    }

    PagedIterable.PageFetcher<Integer> fetcher() {
        return continuation -> {
            requests.add(continuation);
            int index = continuation.map(t -> Integer.parseInt(t.substring(1))).orElse(0);
            String token = index + 1 < pages.size() ? "p" + (index + 1) : null;
            return Page.of(pages.get(index), token, numItems);
        };
    }
}
