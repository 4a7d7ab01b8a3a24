package io.calmsdk.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ProvisioningException;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.ProvisioningStep;
import io.calmsdk.btp.ServiceManagerClient;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.reliability.support.Fixture;
import io.calmsdk.reliability.support.ReliabilityReport;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.FaultInjector.OperationKind;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.SimulatorState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every HTTP call {@code ensureBinding} makes, under every fault that can hit it, once (a transient fault)
 * and persistently (until the test clears it). A cell passes when:
 * <ol>
 * <li>the faulted run either succeeds or throws a {@link ProvisioningException} naming the step that made
 *     the call, with a calm-sdk exception as its cause (never an untyped or unnamed failure);</li>
 * <li>the faulted run leaves at most one instance and one binding and no binding without its instance;</li>
 * <li>a clean run on the same provisioner then converges to exactly one ready instance and one ready
 *     binding whose key works (token and Cloud ALM call), the one the run returned;</li>
 * <li>a further run by a new provisioner (a new process, in effect) changes nothing.</li>
 * </ol>
 * Time is simulated: backoffs, polls and {@code Retry-After} waits move the simulator's clock and take no
 * real time; only timeout faults cost wall-clock time (a {@value #SLOW_MILLIS} ms answer against a
 * 1 s attempt timeout). Cells run six at a time, each on its own simulator.
 */
@ExtendWith(ReliabilityReport.class)
@Execution(ExecutionMode.CONCURRENT)
class FaultMatrixIT {

    private static final long SLOW_MILLIS = 2_200;
    private static final int PERSISTENT = 100_000;

    /** Where a call is observed: a cold subaccount, one with its instance but no binding, or everything present. */
    enum Start {
        COLD, INSTANCE_ONLY, WARM
    }

    /** The HTTP calls of ensureBinding, the step that makes each first, and the state that makes it happen. */
    enum Call {
        TOKEN("token (first token request: Service Manager admin key)", RequestMatcher.of("POST", "/oauth/token")
                .on(SimulatedApi.XSUAA), ProvisioningStep.ENTITLEMENT, Start.COLD, null),
        INSTANCE_LOOKUP("instance lookup (GET /v1/service_instances?fieldQuery=name eq ...)",
                RequestMatcher.of("GET", "/v1/service_instances"), ProvisioningStep.ENTITLEMENT, Start.COLD, null),
        ASSIGNMENTS("assignments (GET /entitlements/v1/assignments)",
                RequestMatcher.of("GET", "/entitlements/v1/assignments"), ProvisioningStep.ENTITLEMENT, Start.COLD,
                null),
        ASSIGN("assign (PUT /entitlements/v1/subaccountServicePlans)",
                RequestMatcher.of("PUT", "/entitlements/v1/subaccountServicePlans"), ProvisioningStep.ENTITLEMENT,
                Start.COLD, null),
        OFFERINGS("offerings (GET /v1/service_offerings)", RequestMatcher.of("GET", "/v1/service_offerings"),
                ProvisioningStep.OFFERING_AND_PLAN, Start.COLD, null),
        PLANS("plans (GET /v1/service_plans)", RequestMatcher.of("GET", "/v1/service_plans"),
                ProvisioningStep.OFFERING_AND_PLAN, Start.COLD, null),
        INSTANCE_CREATE("instance create (POST /v1/service_instances)", RequestMatcher.of("POST",
                "/v1/service_instances"), ProvisioningStep.INSTANCE, Start.COLD, OperationKind.INSTANCE_CREATE),
        INSTANCE_OPERATION_POLL("instance operation poll (GET /v1/service_instances/{id}/operations/{op})",
                RequestMatcher.regex("GET", "/v1/service_instances/[^/]+/operations/[^/]+"), ProvisioningStep.INSTANCE,
                Start.COLD, null),
        INSTANCE_GET("instance get (GET /v1/service_instances/{id})",
                RequestMatcher.regex("GET", "/v1/service_instances/[^/]+"), ProvisioningStep.INSTANCE, Start.COLD,
                null),
        BINDING_LOOKUP("binding lookup (GET /v1/service_bindings?fieldQuery=...; instance exists, binding not)",
                RequestMatcher.of("GET", "/v1/service_bindings"), ProvisioningStep.BINDING, Start.INSTANCE_ONLY, null),
        BINDING_CREATE("binding create (POST /v1/service_bindings)", RequestMatcher.of("POST", "/v1/service_bindings"),
                ProvisioningStep.BINDING, Start.COLD, OperationKind.BINDING_CREATE),
        BINDING_OPERATION_POLL("binding operation poll (GET /v1/service_bindings/{id}/operations/{op})",
                RequestMatcher.regex("GET", "/v1/service_bindings/[^/]+/operations/[^/]+"), ProvisioningStep.BINDING,
                Start.COLD, null),
        BINDING_GET("binding get (GET /v1/service_bindings/{id})",
                RequestMatcher.regex("GET", "/v1/service_bindings/[^/]+"), ProvisioningStep.BINDING, Start.COLD, null),
        WARM_INSTANCE_LOOKUP("instance lookup, warm (everything exists)", RequestMatcher.of("GET",
                "/v1/service_instances"), ProvisioningStep.ENTITLEMENT, Start.WARM, null),
        WARM_BINDING_LOOKUP("binding lookup, warm (everything exists)", RequestMatcher.of("GET",
                "/v1/service_bindings"), ProvisioningStep.BINDING, Start.WARM, null);

        final String description;
        final RequestMatcher matcher;
        final ProvisioningStep step;
        final Start start;
        final OperationKind operation;

        Call(String description, RequestMatcher matcher, ProvisioningStep step, Start start, OperationKind operation) {
            this.description = description;
            this.matcher = matcher;
            this.step = step;
            this.start = start;
            this.operation = operation;
        }

        boolean startsAnOperation() {
            return operation != null || this == ASSIGN;
        }
    }

    /** The faults. */
    enum Fault {
        CONNECTION_RESET, HTTP_500, HTTP_503_RETRY_AFTER, HTTP_429_RETRY_AFTER, TIMEOUT, MALFORMED_JSON,
        TRUNCATED_BODY, FAILED_OPERATION;

        void inject(BtpSimulator sim, Call call, int count) {
            switch (this) {
                case CONNECTION_RESET:
                    sim.faults().resetNext(count, call.matcher);
                    break;
                case HTTP_500:
                    sim.faults().failNext(count, 500, call.matcher);
                    break;
                case HTTP_503_RETRY_AFTER:
                    sim.faults().failNext(count, 503, call.matcher);
                    break;
                case HTTP_429_RETRY_AFTER:
                    sim.faults().rateLimitNext(count, Duration.ofSeconds(3), call.matcher);
                    break;
                case TIMEOUT:
                    sim.faults().slowAnswerNext(count, Duration.ofMillis(SLOW_MILLIS), call.matcher);
                    break;
                case MALFORMED_JSON:
                    sim.faults().malformedBodyNext(count, call.matcher);
                    break;
                case TRUNCATED_BODY:
                    sim.faults().truncatedBodyNext(count, call.matcher);
                    break;
                case FAILED_OPERATION:
                default:
                    if (call == Call.ASSIGN) {
                        sim.faults().failNextEntitlement("injected: assignment failed");
                    } else {
                        sim.faults().failNextOperation(call.operation, "injected: broker failed the operation");
                    }
            }
        }
    }

    /** How long the fault lasts. */
    enum Intensity {
        ONCE, PERSISTENT
    }

    /** One simulator per concurrently running cell; a cell takes one, resets it, and gives it back. */
    private static final int SIMULATORS = 6;
    private static final BlockingQueue<BtpSimulator> POOL = new ArrayBlockingQueue<>(SIMULATORS);

    @BeforeAll
    static void start() {
        for (int i = 0; i < SIMULATORS; i++) {
            POOL.add(BtpSimulator.start());
        }
    }

    @AfterAll
    static void stop() throws IOException {
        POOL.forEach(BtpSimulator::close);
        POOL.clear();
        writeTable();
    }

    /** Outcome per cell for the table: {@code R} recovered, otherwise the cause's short name. */
    private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();

    /** Writes the matrix as a Markdown table (rows: calls, columns: faults, cell: once / persistent). */
    private static void writeTable() throws IOException {
        StringBuilder md = new StringBuilder("| Call | Start |");
        for (Fault f : Fault.values()) {
            md.append(' ').append(f.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" |");
        }
        md.append("\n|---|---|").append("---|".repeat(Fault.values().length)).append('\n');
        for (Call c : Call.values()) {
            md.append("| ").append(c.description).append(" | ").append(c.start.name().toLowerCase(Locale.ROOT)).append(" |");
            for (Fault f : Fault.values()) {
                String once = OUTCOMES.get(c + " " + f + " " + Intensity.ONCE);
                String persistent = OUTCOMES.get(c + " " + f + " " + Intensity.PERSISTENT);
                md.append(' ').append(once == null ? "–" : once).append(" / ")
                        .append(persistent == null ? "–" : persistent).append(" |");
            }
            md.append('\n');
        }
        Files.createDirectories(ReliabilityReport.DIRECTORY);
        Files.writeString(ReliabilityReport.DIRECTORY.resolve("FaultMatrix-table.md"), md.toString(),
                StandardCharsets.UTF_8);
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Call call : Call.values()) {
            for (Fault fault : Fault.values()) {
                for (Intensity intensity : Intensity.values()) {
                    String excluded = exclusion(call, fault, intensity);
                    if (excluded == null) {
                        cells.add(Arguments.of(call, fault, intensity));
                    } else {
                        ReliabilityReport.note(FaultMatrixIT.class, "excluded " + call + " x " + fault + " x "
                                + intensity, excluded);
                        ReliabilityReport.tally(FaultMatrixIT.class, "excluded cells");
                    }
                }
            }
        }
        return cells.stream();
    }

    private static String exclusion(Call call, Fault fault, Intensity intensity) {
        if (fault == Fault.FAILED_OPERATION && !call.startsAnOperation()) {
            return "the call starts no asynchronous operation or entitlement job";
        }
        if (fault == Fault.FAILED_OPERATION && intensity == Intensity.PERSISTENT) {
            return "an operation fails once and for all: the first failure already ends the run (ONCE covers it)";
        }
        return null;
    }

    @ParameterizedTest(name = "{0} x {1} x {2}")
    @MethodSource("cells")
    void ensureBinding_faultOnOneCall_recoversOrFailsNamingTheStepThenConverges(Call call, Fault fault,
            Intensity intensity) throws InterruptedException {
        BtpSimulator sim = POOL.take();
        try {
            runCell(sim, call, fault, intensity);
        } finally {
            POOL.put(sim);
        }
    }

    private static void runCell(BtpSimulator sim, Call call, Fault fault, Intensity intensity) {
        Fixture fx = new Fixture(sim);
        sim.reset();
        prepare(fx, call.start);
        sim.journal().clear();
        fault.inject(sim, call, intensity == Intensity.ONCE ? 1 : PERSISTENT);
        String cell = call + " x " + fault + " x " + intensity;

        try (CloudAlmProvisioner provisioner = fx.impatientProvisioner()) {
            String outcome;
            try {
                ProvisioningResult result = provisioner.ensureBinding(fx.request().build());
                assertThat(result.serviceKey()).isNotNull();
                outcome = "recovered";
            } catch (ProvisioningException e) {
                assertThat(e.step()).as("step named by %s", e).isEqualTo(call.step);
                assertThat(e.getMessage()).contains("failed at step " + call.step.words());
                assertThat(e.getCause()).isInstanceOf(CalmException.class);
                outcome = "failed at step " + e.step().words() + " (" + e.getCause().getClass().getSimpleName() + ")";
            }
            long faultedRequests = sim.journal().size();
            assertThat(fx.instances()).as("instances after the faulted run").hasSizeLessThanOrEqualTo(1);
            assertThat(fx.bindings()).as("bindings after the faulted run").hasSizeLessThanOrEqualTo(1);
            assertThat(fx.orphanedBindings()).as("orphaned bindings").isEmpty();

            sim.faults().clear();
            ProvisioningResult clean = provisioner.ensureBinding(fx.request().build());
            assertConverged(fx, clean);

            try (CloudAlmProvisioner next = fx.provisioner()) {
                ProvisioningResult again = next.ensureBinding(fx.request().build());
                assertThat(again.changed()).as("a further run changes nothing: %s", again.steps()).isFalse();
                assertThat(again.binding().id()).isEqualTo(clean.binding().id());
            }
            ReliabilityReport.tally(FaultMatrixIT.class, intensity + ": " + outcome.replaceAll(" \\(.*", ""));
            OUTCOMES.put(call + " " + fault + " " + intensity, outcome.equals("recovered") ? "R"
                    : "F:" + outcome.replaceAll(".*\\((.*)\\)", "$1").replace("Exception", ""));
            ReliabilityReport.note(FaultMatrixIT.class, cell, outcome + "; " + faultedRequests + " requests");
        }
    }

    private static void prepare(Fixture fx, Start start) {
        if (start == Start.COLD) {
            return;
        }
        try (CloudAlmProvisioner setup = fx.provisioner()) {
            ProvisioningResult result = setup.ensureBinding(fx.request().build());
            if (start == Start.INSTANCE_ONLY) {
                try (ServiceManagerClient sm = ServiceManagerClient.builder().credentials(fx.serviceManagerKey())
                        .options(ClientOptions.builder().clock(fx.time()).sleeper(fx.time()).build()).build()) {
                    sm.deleteBinding(result.binding().id()).waitForCompletion();
                }
                assertThat(fx.bindings()).isEmpty();
            }
        }
    }

    private static void assertConverged(Fixture fx, ProvisioningResult clean) {
        List<SimulatorState.InstanceView> instances = fx.instances();
        List<SimulatorState.BindingView> bindings = fx.bindings();
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).ready()).isTrue();
        assertThat(instances.get(0).id()).isEqualTo(clean.instance().id());
        assertThat(bindings).hasSize(1);
        assertThat(bindings.get(0).ready()).isTrue();
        assertThat(bindings.get(0).id()).isEqualTo(clean.binding().id());
        assertThat(bindings.get(0).instanceId()).isEqualTo(clean.instance().id());
        assertThat(bindings.get(0).name().toLowerCase(Locale.ROOT)).startsWith(Fixture.BINDING);
        fx.assertKeyWorks(clean.serviceKey());
    }
}
