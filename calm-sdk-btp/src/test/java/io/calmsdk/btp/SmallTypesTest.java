package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.btp.internal.Deadline;
import io.calmsdk.btp.internal.RequestStats;
import io.calmsdk.core.internal.polling.PollResponse;
import io.calmsdk.core.internal.polling.Poller;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallTypesTest {

    @Test
    void listQuery_conditions_areJoinedAndQuoted() {
        ListQuery q = ListQuery.builder().field("name", "o'neil").fieldExpression("ready eq true")
                .label("team", "alm").maxItems(50).build();

        assertThat(q.fieldQuery()).contains("name eq 'o''neil' and ready eq true");
        assertThat(q.labelQuery()).contains("team eq 'alm'");
        assertThat(q.maxItems()).isEqualTo(50);
        assertThat(ListQuery.all().fieldQuery()).isEmpty();
        assertThatThrownBy(() -> ListQuery.builder().maxItems(-1).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxItems");
    }

    @Test
    void stepOutcome_isChange_onlyForWrites() {
        assertThat(List.of(StepResult.Outcome.values())).filteredOn(StepResult.Outcome::isChange)
                .containsExactly(StepResult.Outcome.CREATED, StepResult.Outcome.UPDATED, StepResult.Outcome.DELETED);
    }

    @Test
    void stepResult_describesItself() {
        StepResult r = StepResult.of(ProvisioningStep.OFFERING_AND_PLAN, StepResult.Outcome.UNCHANGED, "cached", "p-1",
                Duration.ofMillis(5));

        assertThat(r.toString()).isEqualTo("offering and plan: UNCHANGED (cached) in 5 ms");
        assertThat(r.resourceId()).contains("p-1");
        assertThat(r).isEqualTo(StepResult.of(ProvisioningStep.OFFERING_AND_PLAN, StepResult.Outcome.UNCHANGED, "cached", "p-1",
                Duration.ofMillis(5))).hasSameHashCodeAs(StepResult.of(ProvisioningStep.OFFERING_AND_PLAN,
                StepResult.Outcome.UNCHANGED, "cached", "p-1", Duration.ofMillis(5)));
    }

    @Test
    void deadline_followsTheClock() {
        FakeTime time = new FakeTime();
        Deadline d = Deadline.start(time, Duration.ofSeconds(10));

        time.sleep(Duration.ofSeconds(4));
        assertThat(d.remaining()).isEqualTo(Duration.ofSeconds(6));
        assertThat(d.elapsed()).isEqualTo(Duration.ofSeconds(4));
        time.sleep(Duration.ofSeconds(7));
        assertThat(d.expired()).isTrue();
        assertThat(d.remaining()).isZero();
        assertThat(d.remainingAtLeast(Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void requestStats_countsOnlyWhileBound() {
        RequestStats stats = new RequestStats();
        RequestStats.record("GET", 1);

        stats.during(() -> {
            RequestStats.record("GET", 2);
            RequestStats.record("POST", 1);
            return null;
        });

        assertThat(stats.reads()).isEqualTo(2);
        assertThat(stats.writes()).isEqualTo(1);
    }

    @Test
    void longRunningOperation_withoutOperationUrl_isDone() {
        LongRunningOperation<String> sync = LongRunningOperation.<String>builder("create x", Poller.create())
                .resourceId("id").state("done, HTTP 201").done(() -> "x");
        LongRunningOperation<String> async = LongRunningOperation.<String>builder("create x", Poller.create())
                .resourceId("id").operationId("o").state("accepted, HTTP 202")
                .operationUrl(URI.create("http://127.0.0.1/v1/service_instances/id/operations/o"))
                .polling(() -> PollResponse.<String>inProgress("in progress"), v -> v);

        assertThat(sync.status().isTerminal()).isTrue();
        assertThat(async.status().isTerminal()).isFalse();
        assertThat(async.toString()).contains("202", "operations/o");
    }
}
