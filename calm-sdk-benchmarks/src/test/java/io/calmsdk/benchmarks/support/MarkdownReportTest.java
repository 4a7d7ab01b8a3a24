package io.calmsdk.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void replaceBlock_existingBlock_onlyBlockReplaced() {
        String doc = "# Title\n\nprose before\n\n" + MarkdownReport.BEGIN + "\nold results\n" + MarkdownReport.END
                + "\n\nprose after\n";

        String updated = MarkdownReport.replaceBlock(doc, "new results");

        assertThat(updated).startsWith("# Title\n\nprose before\n\n").endsWith("\n\nprose after\n")
                .contains("new results").doesNotContain("old results");
    }

    @Test
    void replaceBlock_noBlock_appendedAtEnd() {
        String updated = MarkdownReport.replaceBlock("# Title\n", "results");

        assertThat(updated).startsWith("# Title\n").endsWith(MarkdownReport.BEGIN + "\nresults\n"
                + MarkdownReport.END + "\n");
    }

    @Test
    void render_missedTarget_boldVerdictInSummaryAndSection() {
        Result result = new Result("B9", "a title", "a target").columns("A", "B").row(1, "x|y")
                .note("a note").measured("2x").verdict(Verdict.MISSED);

        String markdown = MarkdownReport.render(List.of("Machine: test"), List.of(result));

        assertThat(markdown).contains("- Machine: test")
                .contains("| B9 | a title | a target | 2x | **MISSED** |")
                .contains("### B9: a title")
                .contains("| 1 | x\\|y |")
                .contains("- a note");
    }

    @Test
    void verdictAnd_missedAndMet_missed() {
        assertThat(Verdict.MET.and(Verdict.MISSED)).isEqualTo(Verdict.MISSED);
        assertThat(Verdict.FAILED.and(Verdict.MET)).isEqualTo(Verdict.FAILED);
        assertThat(Verdict.of(true)).isEqualTo(Verdict.MET);
    }
}
