package io.calmsdk.reliability.races;

import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.btp.DeprovisioningResult;
import io.calmsdk.btp.ProvisioningException;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.RotationResult;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.ServiceKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The second (and third) JVM of the race suite. It reads the admin keys from files, prints
 * {@code ready}, then runs one command per line of standard input, each with a fresh provisioner
 * (a new process, as far as caches go), and prints one result line per command:
 * <ul>
 * <li>{@code ensure} → {@code ok <instance id> <binding id> <client id> <sha-256 of the secret>}</li>
 * <li>{@code rotate <grace ms>} → {@code rotated <instance id> <binding id> <client id> <sha-256> <retired ids,...>}</li>
 * <li>{@code deprovision} → {@code deprovisioned <changed>}</li>
 * <li>any failure → {@code error <exception class> <step or -> <typed: true when a calm-sdk exception>}</li>
 * <li>{@code quit}, or the end of standard input → exits</li>
 * </ul>
 * Secrets are never printed, only their hashes. A watchdog ends the process after two minutes even if
 * the parent forgets it.
 */
public final class RaceWorkerMain {

    static final Duration WATCHDOG = Duration.ofMinutes(2);

    private RaceWorkerMain() {
    }

    /**
     * Runs commands until {@code quit} or end of input.
     *
     * @param args cis key file, Service Manager key file, subaccount id, instance name, binding name
     * @throws Exception on a failure outside the commands (the exit code tells the parent)
     */
    public static void main(String[] args) throws Exception {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "race-worker-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.schedule(() -> {
            System.err.println("race worker: watchdog expired, exiting");
            System.exit(3);
        }, WATCHDOG.toMillis(), TimeUnit.MILLISECONDS);

        String cis = java.nio.file.Files.readString(Path.of(args[0]));
        String sm = java.nio.file.Files.readString(Path.of(args[1]));
        BindingRequest request = BindingRequest.builder().subaccountId(args[2]).instanceName(args[3])
                .bindingName(args[4]).scopes(CalmScope.PROJECTS_READ).timeout(Duration.ofMinutes(1)).build();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            out.println(run(line.trim(), cis, sm, request));
        }
        System.exit(0);
    }

    static String run(String command, String cis, String sm, BindingRequest request) {
        String[] words = command.split(" ");
        try (CloudAlmProvisioner provisioner = provisioner(cis, sm)) {
            switch (words[0]) {
                case "ensure":
                    return "ok " + describe(provisioner.ensureBinding(request));
                case "rotate":
                    RotationResult r = provisioner.rotateBinding(request, Duration.ofMillis(Long.parseLong(words[1])));
                    return "rotated " + describe(r.current()) + " " + String.join(",", r.retiredBindingIds());
                case "deprovision":
                    DeprovisioningResult d = provisioner.deprovision(request);
                    return "deprovisioned " + d.changed();
                default:
                    return "error UnknownCommand - false";
            }
        } catch (RuntimeException e) {
            String step = e instanceof ProvisioningException ? ((ProvisioningException) e).step().name() : "-";
            return "error " + e.getClass().getSimpleName() + " " + step + " " + (e instanceof CalmException);
        }
    }

    static CloudAlmProvisioner provisioner(String cis, String sm) {
        return CloudAlmProvisioner.builder()
                .credentials(ServiceKeys.cis().fromJson(cis))
                .credentials(ServiceKeys.serviceManager().fromJson(sm))
                .options(ClientOptions.builder().polling(PollingOptions.builder().initialDelay(Duration.ofMillis(5))
                        .maxInterval(Duration.ofMillis(50)).build()).build())
                .build();
    }

    /** Instance id, binding id, client id and the SHA-256 of the secret: enough to compare keys, never the secret. */
    static String describe(ProvisioningResult result) {
        ServiceKey key = result.serviceKey();
        return result.instance().id() + " " + result.binding().id() + " " + key.uaa().clientId() + " "
                + sha256(key.uaa().clientSecret().orElseThrow().reveal());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
