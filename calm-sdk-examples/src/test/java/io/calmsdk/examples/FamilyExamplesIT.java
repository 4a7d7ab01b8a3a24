package io.calmsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.ManualTestCase;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API family examples against the simulator. */
@CalmSimulatorTest
class FamilyExamplesIT {

    @Test
    void featuresAndDocuments_createsAndListsByPriority(BtpSimulator sim) {
        sim.cloudAlm().seedFeatures("p1", 8);
        ServiceKey key = ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.features.read",
                "calm-api.features.write", "calm-api.documents.read", "calm-api.documents.write").json());
        assertThat(FeaturesAndDocuments.run(key, "p1")).containsExactly("Feature 1", "Feature 5", "Single sign-on");
        assertThat(sim.cloudAlm().count("/calm-documents/v1/Documents")).isEqualTo(1);
    }

    @Test
    void preparedTestCase_createsDeep_andMarksPreparedWithItsEtag(BtpSimulator sim) {
        ServiceKey key = ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.testcases.read",
                "calm-api.testcases.write").json());
        ManualTestCase tc = PreparedTestCase.run(key, "p1");
        assertThat(tc.isPrepared()).contains(true);
        assertThat(tc.activities()).hasSize(1);
        assertThat(tc.activities().get(0).actions()).hasSize(1);
    }

    @Test
    void scopeAndLandscapeReport_readsFourApis(BtpSimulator sim) {
        Map<String, Object> report = ScopeAndLandscapeReport.run(ScopeAndLandscapeReport.seeded(sim), "demo");
        assertThat(report).containsEntry("scopes", 3L).containsEntry("production systems", 6L);
        assertThat(report.get("tasks by status")).isEqualTo(Map.of("DONE", 18.0, "IN_PROGRESS", 15.0, "OPEN", 12.0));
        assertThat(sim.journal().writes()).isZero();
        try (CloudAlmClient calm = CloudAlmClient.create(ScopeAndLandscapeReport.seeded(sim))) {
            assertThat(calm.statusEvents().list().stream().count()).isEqualTo(12);
        }
    }

    @Test
    void monitoringSignals_readsFourMonitoringApis_writesNothing(BtpSimulator sim) {
        Map<String, Object> summary = MonitoringSignals.run(MonitoringSignals.seeded(sim), "hm");
        assertThat(summary).containsEntry("metric points", 150L).containsEntry("peak value", 150.0)
                .containsEntry("error logs", 13L).containsEntry("disruptions", 3L);
        assertThat(summary.get("tasks by status")).isEqualTo(Map.of("DONE", 9, "IN_PROGRESS", 7, "OPEN", 5));
        // The analytics data query is a POST that changes nothing: the only "write" the journal sees.
        assertThat(sim.journal().writeEntries()).extracting(io.calmsdk.testkit.RequestJournal.Entry::path)
                .containsOnly("/api/calm-analytics/v1/analytics/providers/data");
    }
}
