package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentProvisioningIT {

    private static final int THREADS = 16;

    @RegisterExtension
    static final CalmSimulatorExtension SIM = CalmSimulatorExtension.using(BtpSimulator.builder()
            .workerThreads(16).operationPolls(3));

    private static BindingRequest request(BtpSimulator sim) {
        return BindingRequest.builder().subaccountId(sim.defaultSubaccountId()).instanceName("calm-api")
                .bindingName("calm-api-key").scopes(CalmScope.PROJECTS_READ).build();
    }

    private static CloudAlmProvisioner provisioner(BtpSimulator sim) {
        // Real time with short polls: the threads must really overlap.
        return CloudAlmProvisioner.builder()
                .credentials(SimKeys.cis(sim))
                .credentials(SimKeys.serviceManager(sim))
                .options(ClientOptions.builder().polling(PollingOptions.builder().initialDelay(Duration.ofMillis(5))
                        .maxInterval(Duration.ofMillis(50)).build()).build())
                .build();
    }

    @Test
    void ensureBinding_sixteenThreadsOneProvisioner_oneInstanceOneBindingSameKey(BtpSimulator sim) throws Exception {
        try (CloudAlmProvisioner provisioner = provisioner(sim)) {
            List<ProvisioningResult> results = runConcurrently(THREADS, i -> provisioner.ensureBinding(request(sim)));

            assertSingleInstanceAndBinding(sim, results);
        }
    }

    @Test
    void ensureBinding_sixteenProvisionersAtOnce_serverConflictsResolvedByAdoption(BtpSimulator sim) throws Exception {
        List<CloudAlmProvisioner> provisioners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            provisioners.add(provisioner(sim));
        }
        try {
            List<ProvisioningResult> results = runConcurrently(THREADS,
                    i -> provisioners.get(i).ensureBinding(request(sim)));

            assertSingleInstanceAndBinding(sim, results);
        } finally {
            provisioners.forEach(CloudAlmProvisioner::close);
        }
    }

    @Test
    void ensureBinding_twoJvmProcessesAndThisOne_oneInstanceOneBindingSameKey(BtpSimulator sim, @TempDir Path dir)
            throws Exception {
        Path cis = Files.writeString(dir.resolve("cis.json"), sim.cisCentralKey().json());
        Path sm = Files.writeString(dir.resolve("sm.json"), sim.serviceManagerKey().json());
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ProvisionMain.class.getName(),
                    cis.toString(), sm.toString(), sim.defaultSubaccountId(), "calm-api", "calm-api-key")
                    .redirectError(dir.resolve("child-" + i + ".err").toFile());
            processes.add(pb.start());
        }
        try (CloudAlmProvisioner provisioner = provisioner(sim)) {
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process p : processes) {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                assertThat(nextLine(out, "ready")).as("child started").isEqualTo("ready");
                outputs.add(out);
            }
            for (Process p : processes) {
                Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
                in.write("go\n");
                in.flush();
            }
            ProvisioningResult mine = provisioner.ensureBinding(request(sim));
            Set<String> lines = new HashSet<>();
            for (int i = 0; i < processes.size(); i++) {
                String line = nextLine(outputs.get(i), "result ");
                assertThat(processes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(processes.get(i).exitValue()).as(Files.readString(dir.resolve("child-" + i + ".err")))
                        .isZero();
                lines.add(line);
            }
            lines.add("result " + mine.instance().id() + " " + mine.binding().id() + " "
                    + mine.serviceKey().uaa().clientId() + " " + sha256(mine.serviceKey().uaa().clientSecret()
                    .orElseThrow().reveal()));
            assertThat(lines).hasSize(1);
            assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
            assertThat(sim.state().bindings(sim.defaultSubaccountId())).hasSize(1);
        } finally {
            processes.forEach(Process::destroy);
        }
    }

    private static void assertSingleInstanceAndBinding(BtpSimulator sim, List<ProvisioningResult> results) {
        assertThat(sim.state().instances(sim.defaultSubaccountId())).hasSize(1);
        assertThat(sim.state().bindings(sim.defaultSubaccountId())).hasSize(1);
        assertThat(results.stream().map(r -> r.instance().id()).distinct().collect(Collectors.toList())).hasSize(1);
        assertThat(results.stream().map(r -> r.binding().id()).distinct().collect(Collectors.toList())).hasSize(1);
        assertThat(results.stream().map(r -> r.serviceKey().uaa().clientSecret().orElseThrow().reveal()).distinct()
                .collect(Collectors.toList())).hasSize(1);
        assertThat(results).allSatisfy(r -> assertThat(CloudAlmProvisionerIT.callProjects(r.serviceKey())).isEqualTo(200));
    }

    private interface Call {
        ProvisioningResult run(int index) throws Exception;
    }

    private static List<ProvisioningResult> runConcurrently(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ProvisioningResult>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<ProvisioningResult> task = () -> {
                    start.await();
                    return call.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<ProvisioningResult> results = new ArrayList<>();
            for (Future<ProvisioningResult> f : futures) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The next line starting with the prefix; a child's log lines are skipped. */
    private static String nextLine(BufferedReader out, String prefix) throws java.io.IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
