package io.calmsdk.btp;

import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.PollingOptions;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.ServiceKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A second JVM for the cross-process test: builds its own provisioner from key files, prints
 * {@code ready}, waits for a line on standard input (so that both processes start together), runs
 * ensureBinding once and prints {@code result <instance id> <binding id> <client id> <sha-256 of the
 * secret>} (never the secret itself).
 */
public final class ProvisionMain {

    private ProvisionMain() {
    }

    /**
     * Runs one ensureBinding.
     *
     * @param args cis key file, Service Manager key file, subaccount id, instance name, binding name
     * @throws Exception on any failure (the exit code tells the parent)
     */
    public static void main(String[] args) throws Exception {
        try (CloudAlmProvisioner provisioner = CloudAlmProvisioner.builder()
                .credentials(ServiceKeys.cis().fromJson(Files.readString(Path.of(args[0]))))
                .credentials(ServiceKeys.serviceManager().fromJson(Files.readString(Path.of(args[1]))))
                .options(ClientOptions.builder().polling(PollingOptions.builder().initialDelay(Duration.ofMillis(20))
                        .maxInterval(Duration.ofMillis(200)).build()).build())
                .build()) {
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            ProvisioningResult result = provisioner.ensureBinding(BindingRequest.builder()
                    .subaccountId(args[2]).instanceName(args[3]).bindingName(args[4])
                    .scopes(CalmScope.PROJECTS_READ).build());
            ServiceKey key = result.serviceKey();
            String secretHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.uaa().clientSecret().orElseThrow().reveal().getBytes(StandardCharsets.UTF_8)));
            System.out.println("result " + result.instance().id() + " " + result.binding().id() + " "
                    + key.uaa().clientId() + " " + secretHash);
        }
    }
}
