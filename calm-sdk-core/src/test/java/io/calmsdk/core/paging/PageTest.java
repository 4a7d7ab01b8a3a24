package io.calmsdk.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void of_itemsOnly_hasNoContinuationAndNoTotal() {
        Page<String> page = Page.of(List.of("a", "b"));

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.continuation()).isEmpty();
        assertThat(page.totalCount()).isEmpty();
    }

    @Test
    void of_continuationAndTotal_exposesBoth() {
        Page<String> page = Page.of(List.of("a"), "tok", 42L);

        assertThat(page.continuation()).contains("tok");
        assertThat(page.totalCount()).hasValue(42);
    }

    @Test
    void of_blankOrNullContinuation_meansLastPage() {
        assertThat(Page.of(List.of(), "  ").continuation()).isEmpty();
        assertThat(Page.of(List.of(), "").continuation()).isEmpty();
        assertThat(Page.of(List.of(), null, null).continuation()).isEmpty();
    }

    @Test
    void of_mutableList_isCopiedAndUnmodifiable() {
        List<String> source = new ArrayList<>(List.of("a"));
        Page<String> page = Page.of(source, null);
        source.add("b");

        assertThat(page.items()).containsExactly("a");
        assertThatThrownBy(() -> page.items().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void of_nullItems_keptInOrder() {
        Page<String> page = Page.of(Arrays.asList("a", null, "b"));

        assertThat(page.items()).containsExactly("a", null, "b");
    }

    @Test
    void of_nullList_throwsNamingItems() {
        assertThatThrownBy(() -> Page.of(null)).isInstanceOf(NullPointerException.class).hasMessage("items");
    }

    @Test
    void of_negativeTotal_throwsIllegalArgument() {
        assertThatThrownBy(() -> Page.of(List.of(), null, -1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("totalCount must not be negative, was -1");
    }

    @Test
    void truncate_fewerItems_keepsContinuationAndTotal() {
        Page<Integer> page = Page.of(List.of(1, 2, 3), "next", 10L);

        Page<Integer> cut = page.truncate(2);

        assertThat(cut.items()).containsExactly(1, 2);
        assertThat(cut.continuation()).contains("next");
        assertThat(cut.totalCount()).hasValue(10);
        assertThat(page.truncate(3)).isSameAs(page);
    }

    @Test
    void equals_sameContent_equalAndSameHash() {
        Page<Integer> a = Page.of(List.of(1, 2), "t", 5L);
        Page<Integer> b = Page.of(new ArrayList<>(List.of(1, 2)), "t", 5L);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a);
        assertThat(a).isNotEqualTo(Page.of(List.of(1, 2), "u", 5L))
                .isNotEqualTo(Page.of(List.of(1, 2), "t", 6L))
                .isNotEqualTo(Page.of(List.of(1), "t", 5L))
                .isNotEqualTo("not a page");
    }

    @Test
    void toString_showsCountsNotItemsOrContinuation() {
        Page<String> page = Page.of(List.of("secret-looking-item"), "opaque-token-value", 7L);

        assertThat(page.toString())
                .isEqualTo("Page{items=1, continuation=present, totalCount=7}")
                .doesNotContain("opaque-token-value", "secret-looking-item");
        assertThat(Page.of(List.of()).toString()).isEqualTo("Page{items=0, continuation=none}");
    }
}
