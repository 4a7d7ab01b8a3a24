package io.calmsdk.testkit.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.SimulatorBuilder.PrivateKeyFormat;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.Urls;
import io.calmsdk.testkit.internal.world.World;
import io.calmsdk.testkit.internal.x509.CertificateAuthority;
import io.calmsdk.testkit.internal.x509.Pem;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Binding credentials shaped exactly like a Cloud ALM service key: {@code endpoints.Api} on the
 * simulator's Cloud ALM host, and a {@code uaa} block whose secret or certificate really works against the
 * simulated XSUAA.
 */
final class Credentials {

    /**
     * What a binding asked for.
     *
     * @param type binding-secret or x509
     * @param keyLength RSA key length for x509
     * @param validity certificate validity for x509
     */
    record Options(String type, int keyLength, Duration validity) {
    }

    /**
     * The secret or the certificate and key of one binding.
     *
     * @param secret client secret, or null
     * @param certificate client certificate, or null
     * @param certificatePem certificate chain PEM, or null
     * @param keyPem private key PEM, or null
     */
    record Material(String secret, X509Certificate certificate, String certificatePem, String keyPem) {
    }

    private static final Set<Integer> KEY_LENGTHS = Set.of(2048, 3072, 4096);

    private Credentials() {
    }

    /**
     * Reads the binding parameters against what the instance allows.
     *
     * @param parameters binding parameters or null
     * @param xs the instance's xs-security
     * @return the options
     * @throws BrokerRejection when the broker would refuse them
     */
    static Options options(JsonNode parameters, XsSecurity xs, Instant now) {
        String type = xs.credentialTypes().get(0);
        int keyLength = 2048;
        Duration validity = Duration.ofDays(7);
        if (parameters != null && !parameters.isNull()) {
            if (!parameters.isObject()) {
                throw new BrokerRejection("binding parameters must be a JSON object");
            }
            JsonNode typeNode = parameters.get("credential-type");
            if (typeNode != null && !typeNode.isNull()) {
                type = typeNode.asText();
                if (type.equals("instance-secret")) {
                    throw new BrokerRejection("credential-type instance-secret is no longer supported for new"
                            + " bindings; use binding-secret or x509");
                }
                if (!type.equals("binding-secret") && !type.equals("x509")) {
                    throw new BrokerRejection("Unknown credential-type '" + type + "'");
                }
            }
            JsonNode x509 = parameters.get("x509");
            if (x509 != null && !x509.isNull()) {
                if (!x509.isObject()) {
                    throw new BrokerRejection("x509 must be a JSON object");
                }
                keyLength = x509.path("key-length").asInt(2048);
                if (!KEY_LENGTHS.contains(keyLength)) {
                    throw new BrokerRejection("x509.key-length must be 2048, 3072 or 4096");
                }
                int amount = x509.path("validity").asInt(7);
                if (amount < 1) {
                    throw new BrokerRejection("x509.validity must be a positive integer");
                }
                String unit = x509.path("validity-type").asText("DAYS");
                validity = validity(amount, unit, now);
            }
        }
        if (!xs.allows(type)) {
            throw new BrokerRejection("credential-type " + type + " is not allowed by the instance's"
                    + " oauth2-configuration.credential-types " + xs.credentialTypes());
        }
        return new Options(type, keyLength, validity);
    }

    private static Duration validity(int amount, String unit, Instant now) {
        switch (unit) {
            case "DAYS":
                return Duration.ofDays(amount);
            case "MONTHS":
                return Duration.between(now, now.atOffset(ZoneOffset.UTC).plusMonths(amount).toInstant());
            case "YEARS":
                return Duration.between(now, now.atOffset(ZoneOffset.UTC).plusYears(amount).toInstant());
            default:
                throw new BrokerRejection("x509.validity-type must be DAYS, MONTHS or YEARS");
        }
    }

    /**
     * Creates the secret, or generates a key pair and a CA-signed certificate. Slow for X.509 (RSA key
     * generation), so callers run it outside the world lock.
     *
     * @param world simulator state
     * @param options what the binding asked for
     * @param clientId the instance's client id (certificate common name)
     * @param subaccountId subaccount
     * @param zone identity zone subdomain
     * @return the material
     */
    static Material create(World world, Options options, String clientId, String subaccountId, String zone) {
        if (!options.type().equals("x509")) {
            return new Material(Ids.clientSecret(), null, null, null);
        }
        CertificateAuthority ca = world.tls().authority();
        KeyPair keys = CertificateAuthority.newKeyPair(options.keyLength());
        Instant now = world.now();
        X509Certificate certificate = ca.issueClient(keys, clientId, subaccountId, zone,
                now.minus(Duration.ofMinutes(5)), now.plus(options.validity()));
        String chain = Pem.certificate(certificate) + Pem.certificate(ca.certificate());
        String key = world.settings().x509KeyFormat() == PrivateKeyFormat.PKCS1
                ? Pem.pkcs1((RSAPrivateCrtKey) keys.getPrivate())
                : Pem.pkcs8(keys.getPrivate());
        return new Material(null, certificate, chain, key);
    }

    /**
     * The Cloud ALM key JSON.
     *
     * @param world simulator state
     * @param instance the instance
     * @param material the binding's secret or certificate
     * @return the credentials
     */
    static ObjectNode cloudAlmKey(World world, Instance instance, Material material, String zone) {
        Urls urls = world.urls();
        ObjectNode credentials = JsonSupport.object();
        credentials.putObject("endpoints").put(world.settings().cloudAlmEndpointName(), Urls.text(urls.cloudAlmApi()));
        ObjectNode uaa = credentials.putObject("uaa");
        uaa.put("apiurl", Urls.text(urls.uaa()));
        uaa.put("clientid", instance.clientId);
        if (material.secret() != null) {
            uaa.put("clientsecret", material.secret());
            uaa.put("credential-type", "binding-secret");
        } else {
            uaa.put("credential-type", "x509");
            uaa.put("certificate", material.certificatePem());
            uaa.put("key", material.keyPem());
            uaa.put("certurl", Urls.text(world.tls().certUrl()));
        }
        uaa.put("identityzone", zone);
        uaa.put("identityzoneid", instance.subaccountId);
        uaa.put("sburl", Urls.text(urls.uaa()));
        uaa.put("serviceInstanceId", instance.id);
        uaa.put("subaccountid", instance.subaccountId);
        uaa.put("tenantid", instance.subaccountId);
        uaa.put("tenantmode", "dedicated");
        uaa.put("uaadomain", urls.uaaDomain());
        uaa.put("url", Urls.text(urls.uaa()));
        uaa.put("verificationkey", world.tokens().publicKeyPem());
        uaa.put("xsappname", instance.cloneXsappname);
        uaa.put("zoneid", instance.subaccountId);
        return credentials;
    }

    /**
     * Credentials of an instance of any other offering.
     *
     * @param instance the instance
     * @return a small credentials object
     */
    static ObjectNode generic(Instance instance) {
        ObjectNode credentials = JsonSupport.object();
        credentials.put("uri", "simulated://" + instance.plan.offering().name() + "/" + instance.id);
        credentials.put("instance_id", instance.id);
        return credentials;
    }
}
