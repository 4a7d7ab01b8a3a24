package io.calmsdk.reliability.races;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ProvisioningException;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.RotationResult;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.reliability.support.Fixture;
import io.calmsdk.reliability.support.ReliabilityReport;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.SimulatorState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many callers at once, in this JVM and in two other JVM processes, on one simulated landscape: the
 * same request, a rotation while others ensure, a deprovisioning racing ensures. Nothing may be created
 * twice, no binding may outlive its instance, and every key handed out must work unless it was
 * retired on purpose (rotation) or removed on purpose (deprovisioning).
 *
 * <p>Real time with short polls: the callers must really overlap. The two worker JVMs start once for
 * the class and take one command per scenario; each command builds a fresh provisioner, so no cache is
 * shared with this JVM.
 */
@ExtendWith(ReliabilityReport.class)
class RaceIT {

    private static final int THREADS = 16;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static BtpSimulator sim;
    private static Fixture fx;
    private static final List<RaceWorker> WORKERS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sim = BtpSimulator.builder().workerThreads(THREADS).start();
        fx = new Fixture(sim);
        Path cis = dir.resolve("cis-key.json");
        Path sm = dir.resolve("sm-key.json");
        ServiceKeys.write(cis, fx.cisKey());
        ServiceKeys.write(sm, fx.serviceManagerKey());
        for (int i = 0; i < 2; i++) {
            WORKERS.add(RaceWorker.start(dir, "worker-" + i, cis.toString(), sm.toString(), sim.defaultSubaccountId(),
                    Fixture.INSTANCE, Fixture.BINDING));
        }
        for (RaceWorker w : WORKERS) {
            w.awaitReady(WAIT);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (RaceWorker w : WORKERS) {
                assertThat(w.quit(Duration.ofSeconds(20))).as("worker exit code; stderr: %s", w.stderrText()).isZero();
            }
        } finally {
            WORKERS.forEach(RaceWorker::close);
            WORKERS.clear();
            sim.close();
        }
    }

    @BeforeEach
    void clean() {
        sim.reset();
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void ensureBinding_sixteenThreadsAndTwoProcesses_oneInstanceOneBindingOneKey() throws Exception {
        List<Callable<String>> callers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            callers.add(() -> ensureHere(true));
        }
        for (RaceWorker w : WORKERS) {
            callers.add(() -> ask(w, "ensure"));
        }

        List<String> results = together(callers);

        assertThat(results).allMatch(r -> r.startsWith("ok "), "every caller succeeded");
        assertThat(results.stream().map(RaceIT::keyOf).distinct()).as("one key for all 18 callers").hasSize(1);
        assertOneInstanceOneBinding();
        assertThat(fx.bindings().get(0).id()).isEqualTo(field(results.get(0), 2));
        note("same request", results.size() + " callers (16 threads, 2 JVMs), 1 instance, 1 binding, 1 key; "
                + creates("/v1/service_instances") + " instance create request(s), "
                + creates("/v1/service_bindings") + " binding create request(s)");
    }

    @Test
    void rotateBinding_othersEnsureDuringGrace_allGetTheNewKeyAndTheOldOneIsRetired() throws Exception {
        ProvisioningResult before = ensureResult(fx.provisioner());
        GateSleeper gate = new GateSleeper();
        ExecutorService rotator = Executors.newSingleThreadExecutor();
        try (CloudAlmProvisioner rotating = realTime().options(realTimeOptions().sleeper(gate).build()).build()) {
            Future<RotationResult> rotation = rotator.submit(() -> rotating.rotateBinding(fx.request().build(),
                    GateSleeper.GRACE));
            assertThat(gate.inGrace.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("rotation reached its grace").isTrue();

            List<Callable<String>> callers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                callers.add(() -> ensureHere(true));
            }
            for (RaceWorker w : WORKERS) {
                callers.add(() -> ask(w, "ensure"));
            }
            List<String> during = together(callers);
            gate.release.countDown();
            RotationResult rotated = rotation.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            String newBinding = rotated.current().binding().id();
            assertThat(newBinding).isNotEqualTo(before.binding().id());
            assertThat(rotated.retiredBindingIds()).containsExactly(before.binding().id());
            assertThat(during).allMatch(r -> r.startsWith("ok "), "every caller succeeded");
            assertThat(during).as("callers during the grace period get the newest key")
                    .allMatch(r -> field(r, 2).equals(newBinding));
            assertOneInstanceOneBinding();
            assertThat(fx.bindings().get(0).id()).isEqualTo(newBinding);
            fx.assertKeyWorks(rotated.current().serviceKey());
            note("rotation, others ensure during the grace", during.size() + " callers all got the new key; old binding"
                    + " retired after the grace; 1 instance, 1 binding left");
        } finally {
            gate.release.countDown();
            rotator.shutdownNow();
        }
    }

    @Test
    void rotateBinding_inAnotherProcessWhileSixteenThreadsEnsure_noDuplicateNoOrphanNewestKeyWorks() throws Exception {
        ensureResult(fx.provisioner());
        List<Callable<String>> callers = new ArrayList<>();
        callers.add(() -> ask(WORKERS.get(0), "rotate 200"));
        callers.add(() -> ask(WORKERS.get(1), "ensure"));
        for (int i = 0; i < THREADS; i++) {
            callers.add(() -> ensureHere(false));
        }

        List<String> results = together(callers);

        String rotation = results.get(0);
        assertThat(rotation).startsWith("rotated ");
        assertThat(results.subList(1, results.size())).allMatch(r -> r.startsWith("ok "), "every ensure succeeded");
        String newest = field(rotation, 2);
        Set<String> handedOut = results.subList(1, results.size()).stream().map(r -> field(r, 2))
                .collect(Collectors.toSet());
        Set<String> retired = Set.of(field(rotation, 5).split(","));
        assertThat(handedOut).as("every key handed out is the new one or one retired on purpose")
                .allMatch(id -> id.equals(newest) || retired.contains(id));
        assertOneInstanceOneBinding();
        assertThat(fx.bindings().get(0).id()).isEqualTo(newest);
        try (CloudAlmProvisioner later = fx.provisioner()) {
            ProvisioningResult after = ensureResult(later);
            assertThat(after.binding().id()).isEqualTo(newest);
            assertThat(after.changed()).isFalse();
        }
        note("rotation in another JVM, 17 callers ensure", handedOut.size() + " distinct binding(s) handed out, all"
                + " newest or retired on purpose; 1 instance, 1 binding left");
    }

    @Test
    void deprovision_racingEnsures_neverOrphansNeverDuplicatesThenConverges() throws Exception {
        int rounds = 3;
        int failures = 0;
        int deprovisioned = 0;
        Map<String, Integer> errorKinds = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            ensureResult(fx.provisioner());
            List<Callable<String>> callers = new ArrayList<>();
            callers.add(() -> ask(WORKERS.get(0), "deprovision"));
            callers.add(() -> ask(WORKERS.get(1), "ensure"));
            callers.add(() -> deprovisionHere());
            for (int i = 0; i < THREADS - 1; i++) {
                callers.add(() -> ensureHere(false));
            }

            List<String> results = together(callers);

            assertThat(results).as("every failure is a typed calm-sdk exception")
                    .allMatch(r -> !r.startsWith("error ") || r.endsWith(" true"));
            failures += (int) results.stream().filter(r -> r.startsWith("error ")).count();
            results.stream().filter(r -> r.startsWith("error ")).forEach(r -> errorKinds.merge(field(r, 1) + " at "
                    + field(r, 2), 1, Integer::sum));
            deprovisioned += (int) results.stream().filter(r -> r.equals("deprovisioned true")).count();
            assertThat(fx.orphanedBindings()).as("bindings without their instance").isEmpty();
            assertThat(fx.instances()).as("instances after round %d", round).hasSizeLessThanOrEqualTo(1);
            assertThat(fx.bindings()).as("bindings after round %d", round).hasSizeLessThanOrEqualTo(1);
            for (String r : results) {
                if (r.startsWith("ok ")) {
                    String binding = field(r, 2);
                    assertThat(fx.bindings().stream().map(SimulatorState.BindingView::id).anyMatch(binding::equals)
                            || sim.state().bindings().stream().noneMatch(b -> b.id().equals(binding)))
                            .as("a handed-out key is either still there or removed by the deprovisioning").isTrue();
                }
            }
        }
        try (CloudAlmProvisioner later = fx.provisioner()) {
            ProvisioningResult after = ensureResult(later);
            assertOneInstanceOneBinding();
            fx.assertKeyWorks(after.serviceKey());
        }
        note("deprovision racing ensure", rounds + " rounds x 18 callers (2 deprovisions, 16 ensures): "
                + deprovisioned + " deprovisioning(s) removed something, " + failures + " typed failure(s) " + errorKinds
                + ", 0 orphans, 0 duplicates; converged afterwards");
    }

    // ------------------------------------------------------------------ helpers

    private static void note(String scenario, String text) {
        ReliabilityReport.note(RaceIT.class, scenario, text);
    }

    /** Create requests to a collection and how they were answered, e.g. {@code 14 (201/202: 1, 409: 13)}. */
    private static String creates(String collection) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        sim.journal().filter(e -> e.method().equals("POST") && e.path().equals(collection))
                .forEach(e -> byStatus.merge(e.status(), 1, Integer::sum));
        return byStatus.values().stream().mapToInt(Integer::intValue).sum() + " " + byStatus;
    }

    private static void assertOneInstanceOneBinding() {
        assertThat(fx.instances()).hasSize(1);
        assertThat(fx.bindings()).hasSize(1);
        assertThat(fx.orphanedBindings()).isEmpty();
        assertThat(fx.bindings().get(0).instanceId()).isEqualTo(fx.instances().get(0).id());
    }

    private static CloudAlmProvisioner.Builder realTime() {
        return CloudAlmProvisioner.builder()
                .credentials(fx.cisKey())
                .credentials(fx.serviceManagerKey())
                .options(realTimeOptions().build());
    }

    private static ClientOptions.Builder realTimeOptions() {
        return ClientOptions.builder().polling(PollingOptions.builder().initialDelay(Duration.ofMillis(5))
                .maxInterval(Duration.ofMillis(50)).build());
    }

    private static ProvisioningResult ensureResult(CloudAlmProvisioner provisioner) {
        try (provisioner) {
            return provisioner.ensureBinding(request());
        }
    }

    private static BindingRequest request() {
        return BindingRequest.builder().subaccountId(sim.defaultSubaccountId()).instanceName(Fixture.INSTANCE)
                .bindingName(Fixture.BINDING).scopes(CalmScope.PROJECTS_READ).timeout(Duration.ofMinutes(1)).build();
    }

    /**
     * One ensure with a provisioner of its own (no in-JVM lock shared with the others), as a result line;
     * with {@code checkKey}, the key it returned is used at once (token and Cloud ALM call).
     */
    private static String ensureHere(boolean checkKey) {
        try (CloudAlmProvisioner provisioner = realTime().build()) {
            ProvisioningResult result = provisioner.ensureBinding(request());
            if (checkKey) {
                fx.assertKeyWorks(result.serviceKey());
            }
            return "ok " + RaceWorkerMain.describe(result);
        } catch (RuntimeException e) {
            return errorLine(e);
        }
    }

    private static String deprovisionHere() {
        try (CloudAlmProvisioner provisioner = realTime().build()) {
            return "deprovisioned " + provisioner.deprovision(request()).changed();
        } catch (RuntimeException e) {
            return errorLine(e);
        }
    }

    private static String errorLine(RuntimeException e) {
        String step = e instanceof ProvisioningException ? ((ProvisioningException) e).step().name() : "-";
        return "error " + e.getClass().getSimpleName() + " " + step + " " + (e instanceof CalmException);
    }

    private static String ask(RaceWorker worker, String command) {
        worker.send(command);
        return worker.next(WAIT);
    }

    /** Word {@code index} of a result line ({@code ok <instance> <binding> <client> <hash>}: binding is 2). */
    private static String field(String line, int index) {
        String[] words = line.split(" ");
        return index < words.length ? words[index] : "";
    }

    private static String keyOf(String line) {
        return field(line, 1) + " " + field(line, 2) + " " + field(line, 3) + " " + field(line, 4);
    }

    /** Runs all callers at the same moment and returns their results in order. */
    private static List<String> together(List<Callable<String>> callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> c : callers) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) {
                results.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A sleeper that holds the rotation's grace period until the test releases it, and really waits for
     * everything else (polls and backoffs of a few milliseconds).
     */
    private static final class GateSleeper implements ClientOptions.Sleeper {
        static final Duration GRACE = Duration.ofMinutes(7).plusMillis(123);
        final CountDownLatch inGrace = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (duration.equals(GRACE)) {
                inGrace.countDown();
                if (!release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the grace period");
                }
                return;
            }
            ClientOptions.Sleeper.system().sleep(duration);
        }
    }
}
