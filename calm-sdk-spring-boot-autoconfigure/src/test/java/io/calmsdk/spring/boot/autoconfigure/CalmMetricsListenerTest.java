package io.calmsdk.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.http.RequestListener.Event;
import io.calmsdk.core.http.RequestListener.Event.Outcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The meters of {@link CalmMetricsListener}: names, tags, and a bounded tag cardinality. */
class CalmMetricsListenerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CalmMetricsListener listener = new CalmMetricsListener(registry);

    @ParameterizedTest
    @CsvSource({
            "cloud-alm, https://t.eu10.alm.cloud.sap/api/calm-tasks/v1/tasks/8f2a1c4e-0b9d-4e2f-a1b3-5c6d7e8f9a0b, cloud-alm/calm-tasks",
            "cloud-alm, https://t.eu10.alm.cloud.sap/api/calm-projects/v1/projects?offset=100&limit=100, cloud-alm/calm-projects",
            "cloud-alm, http://127.0.0.1:41234/api/calm-processhierarchy/v1/HierarchyNodes('x'), cloud-alm/calm-processhierarchy",
            "cloud-alm, https://t.eu10.alm.cloud.sap/api/8f2a1c4e-0b9d-4e2f/tasks, cloud-alm/other",
            "cloud-alm, https://t.eu10.alm.cloud.sap/other/path, cloud-alm/other",
            "service-manager, https://sm.example.com/v1/service_instances/5d4c3b2a-1f0e, service-manager",
            "token, https://sub.authentication.eu10.hana.ondemand.com/oauth/token, token",
            "entitlements, https://e.example.com/entitlements/v1/assignments, entitlements",
            "accounts, https://a.example.com/accounts/v1/subaccounts/123, accounts",
            "something-new, https://x.example.com/y, other"
    })
    void apiFamily_neverHoldsAnIdOrUrl(String api, String url, String expected) {
        assertThat(CalmMetricsListener.apiFamily(api, url)).isEqualTo(expected);
    }

    @Test
    void attempt_recordedAsTimerWithBoundedTags() {
        listener.afterAttempt(Event.sending("cloud-alm", "GET",
                "https://t.eu10.alm.cloud.sap/api/calm-tasks/v1/tasks/8f2a1c4e", 1, "corr-1")
                .ended(Outcome.SUCCEEDED, 200, Duration.ofMillis(42), null));

        Timer timer = registry.get(CalmMetricsListener.REQUESTS).timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(42.0);
        assertThat(timer.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("api=cloud-alm/calm-tasks", "method=GET", "status=200", "outcome=SUCCEEDED");
    }

    @Test
    void retryingAttempt_countedAsRetry_noAnswerTaggedNone() {
        Event sending = Event.sending("service-manager", "get", "https://sm.example.com/v1/service_instances/abc", 1, "c");
        listener.afterAttempt(sending.ended(Outcome.RETRYING, -1, Duration.ofMillis(5), "connection refused"));
        listener.afterAttempt(sending.ended(Outcome.RETRYING, 503, Duration.ofMillis(5), null));
        listener.afterAttempt(sending.ended(Outcome.SUCCEEDED, 200, Duration.ofMillis(5), null));

        assertThat(registry.get(CalmMetricsListener.RETRIES).tag("api", "service-manager").tag("method", "GET")
                .counter().count()).isEqualTo(2.0);
        assertThat(registry.get(CalmMetricsListener.REQUESTS).tag("status", "NONE").timer().count()).isEqualTo(1);
        assertThat(registry.get(CalmMetricsListener.REQUESTS).timers()).hasSize(3);
    }

    @Test
    void manyIds_oneTimerPerTagCombination() {
        for (int i = 0; i < 500; i++) {
            listener.afterAttempt(Event.sending("cloud-alm", "GET",
                    "https://t.eu10.alm.cloud.sap/api/calm-tasks/v1/tasks/" + java.util.UUID.randomUUID(), 1, "c" + i)
                    .ended(Outcome.SUCCEEDED, 200, Duration.ofMillis(1), null));
        }
        assertThat(registry.getMeters()).hasSize(1);
        Meter only = registry.getMeters().get(0);
        assertThat(only.getId().getTags().toString()).doesNotContain("/v1/");
    }
}
