package io.calmsdk.reliability.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.btp.AccountsClient;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.EntitlementsClient;
import io.calmsdk.btp.ServiceManagerClient;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.internal.http.ClientOptionsAccess;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.reliability.support.Fixture;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client hands its {@link ClientOptions} to the token provider it builds: token requests go through the
 * same HTTP client and obey the same timeouts as the calls they serve, and closing the client releases every
 * thread calm-sdk started for it.
 */
@CalmSimulatorTest
class ClientOptionsSharingIT {

    /** One kind of client: how to build it from the simulator's keys and options, and one call that needs a token. */
    private record Kind(String name, Function<Setup, AutoCloseable> build, BiConsumer<Object, Setup> call) {
        static Kind of(String name, Function<Setup, AutoCloseable> build, BiConsumer<Object, Setup> call) {
            return new Kind(name, build, call);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record Setup(BtpSimulator sim, Fixture fx, ClientOptions options) {
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Kind.of("CloudAlmClient",
                        s -> CloudAlmClient.builder().options(s.options()).credentials(ServiceKeys.calm()
                                .fromJson(s.sim().seed().cloudAlmKey("calm-api.projects.read").json())).build(),
                        (c, s) -> ((CloudAlmClient) c).projects().list().stream().findFirst()),
                Kind.of("ServiceManagerClient",
                        s -> ServiceManagerClient.builder().options(s.options()).credentials(ServiceKeys.serviceManager()
                                .fromJson(s.sim().serviceManagerKey().json())).build(),
                        (c, s) -> ((ServiceManagerClient) c).findOffering("SAPCloudALMAPIs")),
                Kind.of("EntitlementsClient",
                        s -> EntitlementsClient.builder().options(s.options()).credentials(ServiceKeys.cis()
                                .fromJson(s.sim().cisCentralKey().json())).build(),
                        (c, s) -> ignoringServiceErrors(() -> ((EntitlementsClient) c)
                                .getAssignments(BtpSimulator.DEFAULT_SUBACCOUNT_ID, "SAPCloudALMAPIs", "standard"))),
                Kind.of("AccountsClient",
                        s -> AccountsClient.builder().options(s.options()).credentials(ServiceKeys.cis()
                                .fromJson(s.sim().cisCentralKey().json())).build(),
                        (c, s) -> ignoringServiceErrors(() -> ((AccountsClient) c)
                                .findServiceManagerBinding(BtpSimulator.DEFAULT_SUBACCOUNT_ID))),
                Kind.of("CloudAlmProvisioner",
                        s -> s.fx().builder().options(s.options()).build(),
                        (c, s) -> ((CloudAlmProvisioner) c).ensureBinding(s.fx().request().build())))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void tokenRequests_goThroughTheClientsHttpClient(Kind kind, BtpSimulator sim) throws Exception {
        CountingHttpClient http = new CountingHttpClient();
        Fixture fx = new Fixture(sim);
        Setup setup = new Setup(sim, fx, fx.options().httpClient(http).build());

        try (AutoCloseable client = kind.build().apply(setup)) {
            kind.call().accept(client, setup);
        }

        assertThat(http.sent()).as("token requests").contains("POST /oauth/token");
        assertThat(http.sent()).as("API requests").anyMatch(r -> !r.endsWith("/oauth/token"));
        assertThat(sim.journal().count(SimulatedApi.XSUAA, "POST", "/oauth/token"))
                .as("every token request went through the supplied client")
                .isEqualTo(http.sent().stream().filter(r -> r.equals("POST /oauth/token")).count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void tokenRequests_obeyTheClientsAttemptTimeout(Kind kind, BtpSimulator sim) throws Exception {
        sim.faults().slowAnswerNext(1, Fixture.ATTEMPT_TIMEOUT.multipliedBy(3),
                RequestMatcher.of("POST", "/oauth/token").on(SimulatedApi.XSUAA));
        Fixture fx = new Fixture(sim);
        Setup setup = new Setup(sim, fx, fx.options().attemptTimeout(Fixture.ATTEMPT_TIMEOUT).build());
        long before = sim.journal().count(SimulatedApi.XSUAA, "POST", "/oauth/token");

        try (AutoCloseable client = kind.build().apply(setup)) {
            kind.call().accept(client, setup);
        }

        // The slow answer was abandoned after the client's attempt timeout and asked again: at least two requests
        // for the first token (the provisioner fetches one more, for its second key).
        assertThat(sim.journal().count(SimulatedApi.XSUAA, "POST", "/oauth/token") - before).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void close_leavesNoCalmSdkThreadRunning(Kind kind, BtpSimulator sim) throws Exception {
        Set<Thread> before = calmSdkThreads();
        Fixture fx = new Fixture(sim);
        ClientOptions options = fx.options().build();
        Setup setup = new Setup(sim, fx, options);

        try (AutoCloseable client = kind.build().apply(setup)) {
            kind.call().accept(client, setup);
            assertThat(ClientOptionsAccess.sharedHttpClient(options).leases())
                    .as("the client and its token provider share the options' HTTP client").isGreaterThanOrEqualTo(2);
        }

        assertThat(ClientOptionsAccess.sharedHttpClient(options).leases()).isZero();
        Set<Thread> started = calmSdkThreads();
        started.removeAll(before);
        for (Thread t : started) {
            // A shut-down pool's idle threads end promptly; join with a bound so a leak fails instead of hanging.
            t.join(10_000);
        }
        assertThat(started).as("calm-sdk threads still running after close").noneMatch(Thread::isAlive);
    }

    private static Set<Thread> calmSdkThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("calm-sdk-"))
                .collect(Collectors.toSet());
    }

    private static void ignoringServiceErrors(Runnable call) {
        try {
            call.run();
        } catch (CalmServiceException e) {
            // The call reached the service with a token: that is all these tests need.
        }
    }
}
