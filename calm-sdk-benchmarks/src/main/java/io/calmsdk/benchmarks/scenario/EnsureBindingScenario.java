package io.calmsdk.benchmarks.scenario;

import io.calmsdk.benchmarks.support.ChildJvm;
import io.calmsdk.benchmarks.support.RequestCounts;
import io.calmsdk.benchmarks.support.Result;
import io.calmsdk.benchmarks.support.Verdict;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.testkit.BtpSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * B4: what {@code ensureBinding} sends for a cold subaccount (nothing exists), a warm one with the same
 * provisioner, and a warm one from a new JVM process (nothing cached), counted in the simulator's journal.
 * The provisioner gets a sleeper that returns at once: the simulator's operations advance per poll, so the
 * number of polls is the same as with real waits, and the run takes milliseconds.
 */
public final class EnsureBindingScenario {

    static final String INSTANCE = "calm-api";
    static final String BINDING = "calm-api-key";

    private final int trials;

    /**
     * @param trials how many subaccounts go through cold, warm and new-process runs
     */
    public EnsureBindingScenario(int trials) {
        this.trials = trials;
    }

    /**
     * @param subaccountId the subaccount
     * @return the request all runs use
     */
    static BindingRequest request(String subaccountId) {
        return BindingRequest.builder().subaccountId(subaccountId).instanceName(INSTANCE).bindingName(BINDING)
                .scopes(CalmScope.PROJECTS_READ, CalmScope.TASKS_READ).build();
    }

    /**
     * Runs the trials.
     *
     * @return the B4 section
     * @throws Exception if a run cannot complete
     */
    public Result run() throws Exception {
        Result result = new Result("B4", "ensureBinding on a cold and on a warm subaccount (simulator)",
                "warm: 0 writes, <= 3 reads (same provisioner), <= 5 reads (new process); cold: exactly 3 writes "
                        + "+ polls; tokens: 1 per admin key");
        List<RequestCounts> cold = new ArrayList<>();
        List<RequestCounts> warm = new ArrayList<>();
        List<RequestCounts> fresh = new ArrayList<>();
        List<Integer> coldSdkCounts = new ArrayList<>();
        Path dir = ChildJvm.privateTempDir("calm-b4-");
        try (BtpSimulator sim = BtpSimulator.start()) {
            List<String> subaccounts = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                subaccounts.add(i == 0 ? sim.defaultSubaccountId() : sim.createSubaccount("b4-" + i));
            }
            CloudAlmProvisioner.Builder builder = CloudAlmProvisioner.builder()
                    .credentials(ServiceKeys.cis().fromJson(sim.cisCentralKey().json()))
                    .options(ClientOptions.builder().sleeper(noWait()).build());
            for (String s : subaccounts) {
                builder.credentials(s, ServiceKeys.serviceManager().fromJson(sim.serviceManagerKey(s).json()));
            }
            Path cisFile = ChildJvm.writeKey(dir, "cis.json", sim.cisCentralKey().json());
            try (CloudAlmProvisioner provisioner = builder.build()) {
                for (String s : subaccounts) {
                    sim.journal().clear();
                    ProvisioningResult first = provisioner.ensureBinding(request(s));
                    cold.add(RequestCounts.of(sim.journal().entries()));
                    coldSdkCounts.add(first.httpRequests());
                    check(sim, s);

                    sim.journal().clear();
                    provisioner.ensureBinding(request(s));
                    warm.add(RequestCounts.of(sim.journal().entries()));

                    Path smFile = ChildJvm.writeKey(dir, "sm-" + s + ".json", sim.serviceManagerKey(s).json());
                    sim.journal().clear();
                    ChildJvm.Outcome child = ChildJvm.run(NewProcessProbe.class, List.of("-Xmx256m"),
                            List.of(cisFile.toString(), smFile.toString(), s), Duration.ofMinutes(2));
                    if (child.exitCode() != 0) {
                        throw new IllegalStateException("new-process ensureBinding failed:\n" + child.tail());
                    }
                    fresh.add(RequestCounts.of(sim.journal().entries()));
                    check(sim, s);
                }
            }
        } finally {
            ChildJvm.deleteQuietly(dir);
        }
        boolean coldOk = cold.stream().allMatch(c -> c.writes() == 3 && c.tokens() == 2);
        boolean warmOk = warm.stream().allMatch(c -> c.writes() == 0 && c.allReads() <= 3 && c.tokens() == 0);
        boolean freshOk = fresh.stream().allMatch(c -> c.writes() == 0 && c.allReads() <= 5 && c.tokens() <= 2);
        result.columns("Run", "Writes", "Reads (lookups + polls)", "Token requests", "Target", "Verdict")
                .row("cold subaccount", worst(cold, RequestCounts::writes),
                        worst(cold, RequestCounts::reads) + " + " + worst(cold, RequestCounts::polls) + " polls",
                        worst(cold, RequestCounts::tokens), "3 writes + polls; 1 token per admin key (2)",
                        Verdict.of(coldOk).words())
                .row("warm, same provisioner", worst(warm, RequestCounts::writes),
                        worst(warm, RequestCounts::reads) + " + " + worst(warm, RequestCounts::polls) + " polls",
                        worst(warm, RequestCounts::tokens), "0 writes, <= 3 reads", Verdict.of(warmOk).words())
                .row("warm, new JVM process", worst(fresh, RequestCounts::writes),
                        worst(fresh, RequestCounts::reads) + " + " + worst(fresh, RequestCounts::polls) + " polls",
                        worst(fresh, RequestCounts::tokens), "0 writes, <= 5 reads; <= 1 token per admin key",
                        Verdict.of(freshOk).words())
                .row("minimum the contract allows (cold)", 3, "entitlement read, offering/plan lookup, instance and "
                        + "binding lookups + polls", 2, "", "")
                .note("Counts are the largest over " + trials + " subaccount(s) (they were identical in every trial: "
                        + "cold " + distinct(cold) + ", warm " + distinct(warm) + ", new process " + distinct(fresh)
                        + "). Keys: one Cloud Management key (plan central) and one Service Manager key per "
                        + "subaccount. Default simulator: operations finish on the 2nd poll, entitlements on the "
                        + "2nd observation.")
                .note("Cold requests: " + cold.get(0).breakdownText() + ".")
                .note("Warm, same provisioner: " + warm.get(0).breakdownText() + ".")
                .note("Warm, new process: " + fresh.get(0).breakdownText() + ".")
                .note("ProvisioningResult.httpRequests() of the cold run said " + coldSdkCounts
                        + " (the SDK's own count, token requests excluded).")
                .measured("cold " + cold.get(0).writes() + " writes; warm " + warm.get(0).writes() + " writes / "
                        + warm.get(0).allReads() + " reads; new process " + fresh.get(0).writes() + " writes / "
                        + fresh.get(0).allReads() + " reads / " + fresh.get(0).tokens() + " tokens")
                .verdict(Verdict.of(coldOk && warmOk && freshOk));
        return result;
    }

    private static void check(BtpSimulator sim, String subaccount) {
        int instances = sim.state().instances(subaccount).size();
        int bindings = sim.state().bindings(subaccount).size();
        if (instances != 1 || bindings != 1) {
            throw new IllegalStateException("subaccount " + subaccount + " has " + instances + " instances and "
                    + bindings + " bindings, expected 1 and 1");
        }
    }

    private static long worst(List<RequestCounts> runs, java.util.function.ToLongFunction<RequestCounts> f) {
        return runs.stream().mapToLong(f).max().orElse(0);
    }

    private static String distinct(List<RequestCounts> runs) {
        return runs.stream().map(c -> c.writes() + "w/" + c.allReads() + "r/" + c.tokens() + "t").distinct()
                .toList().toString();
    }

    /** @return a sleeper that returns at once (the simulator advances per poll, not per second) */
    static ClientOptions.Sleeper noWait() {
        return duration -> {
        };
    }

    /**
     * The "new process": a JVM that has never seen the subaccount runs {@code ensureBinding} once.
     */
    public static final class NewProcessProbe {

        private NewProcessProbe() {
        }

        /**
         * @param args the cis key file, the Service Manager key file, the subaccount id
         */
        public static void main(String[] args) {
            String subaccount = args[2];
            try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder()
                    .credentials(ServiceKeys.cis().fromFile(Path.of(args[0])))
                    .credentials(subaccount, ServiceKeys.serviceManager().fromFile(Path.of(args[1])))
                    .options(ClientOptions.builder().sleeper(noWait()).build())
                    .build()) {
                ProvisioningResult r = provisioner.ensureBinding(request(subaccount));
                ChildJvm.report("httpRequests", r.httpRequests());
                ChildJvm.report("httpWrites", r.httpWrites());
                ChildJvm.report("changed", r.changed());
            }
        }
    }
}
