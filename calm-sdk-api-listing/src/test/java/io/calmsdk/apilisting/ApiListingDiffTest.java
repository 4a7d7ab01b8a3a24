package io.calmsdk.apilisting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The line diff that shows a failing API check's changes.
 */
class ApiListingDiffTest {

    @Test
    void theEditScriptKeepsEveryLineInOrder() {
        assertThat(LineDiff.editScript(List.of("a", "b", "c", "d"), List.of("a", "c", "x", "d")))
                .containsExactly(" a", "-b", " c", "+x", " d");
    }

    @Test
    void equalListingsHaveNoChanges() {
        assertThat(LineDiff.changes(List.of("t", "  m"), List.of("t", "  m"), 10)).isEmpty();
    }

    @Test
    void aChangedMemberIsShownUnderItsType() {
        List<String> before = List.of("class A", "  int a()", "", "class B", "  int b()", "  int c()");
        List<String> after = List.of("class A", "  int a()", "", "class B", "  long b()", "  int c()");

        assertThat(LineDiff.changes(before, after, 10))
                .containsExactly("  class B", "-   int b()", "+   long b()");
    }

    @Test
    void anAddedTypeIsShownWithItsMembers() {
        List<String> before = List.of("class A", "  int a()");
        List<String> after = List.of("class A", "  int a()", "", "class C", "  int c()");

        assertThat(LineDiff.changes(before, after, 10)).containsExactly("+ class C", "+   int c()");
    }

    @Test
    void manyChangesAreCutShortAndCounted() {
        List<String> before = List.of("class A");
        List<String> after = IntStream.range(0, 5).mapToObj(i -> i == 0 ? "class A" : "  int m" + i + "()")
                .collect(Collectors.toList());

        assertThat(LineDiff.changes(before, after, 2))
                .containsExactly("  class A", "+   int m1()", "+   int m2()", "... and 2 more changed lines");
    }

    @Test
    void largeListingsWithASmallChangeStayCheap() {
        // 20,000 lines each: without cutting the common head and tail the table would take gigabytes.
        List<String> before = IntStream.range(0, 20_000).mapToObj(i -> "  m" + i).collect(Collectors.toList());
        List<String> after = IntStream.range(0, 20_000).mapToObj(i -> i == 10_000 ? "  changed" : "  m" + i)
                .collect(Collectors.toList());

        assertThat(LineDiff.changes(before, after, 10)).containsExactly("-   m10000", "+   changed");
    }
}
