package io.calmsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import org.junit.jupiter.api.Test;

// tag::consumer-test[]
@CalmSimulatorTest                         // one simulator per class, reset before each test
class ProjectDigestIT {

    @Test
    void of_projectWithTasks_countsEveryTaskWithOneToken(BtpSimulator sim) {
        String projectId = sim.cloudAlm().createProject("S/4HANA rollout");
        sim.cloudAlm().seedTasks(projectId, 250);
        ServiceKey key = ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.tasks.read").json());

        try (CloudAlmClient calm = CloudAlmClient.create(key)) {
            assertThat(ProjectDigest.of(calm, projectId).total()).isEqualTo(250);
        }
        assertThat(sim.journal().tokenRequests()).isEqualTo(1);   // one token for every page
        assertThat(sim.journal().writes()).isZero();              // a digest never writes
    }

    @Test
    void of_cloudAlmBrieflyUnavailable_retriedAndCounted(BtpSimulator sim) {
        String projectId = sim.cloudAlm().createProject("Upgrade");
        sim.cloudAlm().createTask(projectId, "Back up the system", "CALMTASK");
        ServiceKey key = ServiceKeys.calm().fromJson(sim.seed().cloudAlmKey("calm-api.tasks.read").json());
        sim.faults().failNext(2, 503, RequestMatcher.api(SimulatedApi.CLOUD_ALM));

        try (CloudAlmClient calm = CloudAlmClient.create(key)) {
            assertThat(ProjectDigest.of(calm, projectId).total()).isEqualTo(1);
        }
    }
}
// end::consumer-test[]
