package io.calmsdk.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestJournal;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared fixture of the API family ITs: one simulator per test class (the testkit's
 * {@link CalmSimulatorExtension}, reset before each test), keys with chosen scopes, clients, the queries a
 * family sent and the 403 assertion. Register as {@code @RegisterExtension static final SimulatedCloudAlm CALM =
 * SimulatedCloudAlm.withODataPageSize(40);}.
 */
public final class SimulatedCloudAlm implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final CalmSimulatorExtension simulator;

    private SimulatedCloudAlm(CalmSimulatorExtension simulator) {
        this.simulator = simulator;
    }

    /**
     * A fixture with the simulator's default settings.
     *
     * @return the fixture
     */
    public static SimulatedCloudAlm create() {
        return new SimulatedCloudAlm(CalmSimulatorExtension.using(BtpSimulator.builder()));
    }

    /**
     * A fixture whose simulator pages OData collections at this server page size.
     *
     * @param pageSize the server page size
     * @return the fixture
     */
    public static SimulatedCloudAlm withODataPageSize(int pageSize) {
        return new SimulatedCloudAlm(CalmSimulatorExtension.using(BtpSimulator.builder().odataPageSize(pageSize)));
    }

    /**
     * The simulator of the running test class.
     *
     * @return the simulator
     */
    public BtpSimulator sim() {
        return simulator.simulator();
    }

    /**
     * A Cloud ALM key with these scopes.
     *
     * @param scopes scope names without the application prefix
     * @return the key
     */
    public ServiceKey key(String... scopes) {
        return ServiceKeys.calm().fromJson(sim().seed().cloudAlmKey(scopes).json());
    }

    /**
     * A client with a key with these scopes; close it.
     *
     * @param scopes scope names without the application prefix
     * @return the client
     */
    public CloudAlmClient client(String... scopes) {
        return CloudAlmClient.create(key(scopes));
    }

    /**
     * The query strings of the GETs sent to a Cloud ALM path since the journal was last cleared.
     *
     * @param path the path, e.g. {@code /api/calm-features/v1/Features}
     * @return the queries, in order
     */
    public List<String> queries(String path) {
        return sim().journal().filter(e -> e.api() == SimulatedApi.CLOUD_ALM && e.method().equals("GET")
                && e.path().equals(path)).stream().map(RequestJournal.Entry::query).collect(Collectors.toList());
    }

    /**
     * Asserts that a call fails with a 403 that names the missing scope.
     *
     * @param call the call
     * @param scope the scope the message and {@link ForbiddenException#requiredScope()} name
     */
    public static void assertForbidden(Runnable call, String scope) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.requiredScope().map(CalmScope::name)).contains(scope))
                .hasMessageContaining("needs scope " + scope);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator.beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        simulator.afterAll(context);
    }
}
