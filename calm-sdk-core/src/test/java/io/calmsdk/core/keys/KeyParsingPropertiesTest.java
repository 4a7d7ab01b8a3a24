package io.calmsdk.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.Contract;
import io.calmsdk.core.model.XsSecurityParams;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * For arbitrary text and arbitrary JSON, key parsing returns a key or throws InvalidServiceKeyException,
 * nothing else (no NullPointerException, no Jackson exception, no IllegalArgumentException), and its
 * messages never echo a secret.
 */
class KeyParsingPropertiesTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String CANARY = "CANARY-prop-secret-3e9d";
    private static final List<String> KEY_NAMES = List.of("endpoints", "uaa", "Api", "API", "api", "clientid", "clientsecret",
            "url", "certurl", "certUrl", "certificate", "key", "sm_url", "credentials", "entitlements_service_url",
            "accounts_service_url", "grant_type", "identityzone", "xsappname", "credential-type", "x");
    private static final List<String> FIELD_PATHS = List.of("endpoints", "endpoints/Api", "uaa", "uaa/clientid",
            "uaa/clientsecret", "uaa/url", "uaa/identityzone", "uaa/credential-type", "uaa/xsappname", "uaa/tenantid");

    private static void keyOrInvalidKeyException(Supplier<Object> parse) {
        try {
            assertThat(parse.get()).isNotNull();
        } catch (InvalidServiceKeyException e) {
            assertThat(e.path()).isNotBlank();
            assertThat(e.getMessage()).isNotBlank().doesNotContain(CANARY)
                    // The generic fallback means an unexpected exception inside the parser: a bug.
                    .doesNotContain("could not be read as a key");
        }
    }

    @Provide
    Arbitrary<String> scalarsText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of("https://t.eu10.alm.cloud.sap/api", "https://auth.example", "http://localhost:1",
                        "http://remote.example", "ftp://x", "", " ", CANARY, "-----BEGIN PRIVATE KEY-----"));
    }

    Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                scalarsText().map(F::textNode),
                Arbitraries.integers().map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.just(F.nullNode()));
    }

    Arbitrary<JsonNode> json(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.of(KEY_NAMES), Arbitraries.lazy(() -> json(depth - 1)))
                .ofMaxSize(6).map(m -> {
                    ObjectNode o = F.objectNode();
                    m.forEach(o::set);
                    return o;
                });
        Arbitrary<JsonNode> arrays = Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(3).map(l -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return a;
        });
        return Arbitraries.frequencyOf(Tuple.of(2, scalars()), Tuple.of(5, objects), Tuple.of(1, arrays));
    }

    @Provide
    Arbitrary<String> anyJson() {
        return json(4).map(JsonNode::toString);
    }

    /** The contract key with some fields removed or replaced by arbitrary JSON. */
    @Provide
    Arbitrary<String> mutatedKeys() {
        Arbitrary<Tuple.Tuple2<String, JsonNode>> mutation = Combinators.combine(
                Arbitraries.of(FIELD_PATHS), Arbitraries.oneOf(json(2), Arbitraries.just(null))).as(Tuple::of);
        return mutation.list().ofMinSize(1).ofMaxSize(4).map(mutations -> {
            ObjectNode key = Contract.tree("calm-service-key.json").deepCopy();
            ((ObjectNode) key.get("uaa")).put("clientsecret", CANARY);
            for (Tuple.Tuple2<String, JsonNode> m : mutations) {
                String[] parts = m.get1().split("/");
                JsonNode parent = parts.length == 1 ? key : key.path(parts[0]);
                if (parent instanceof ObjectNode) {
                    String field = parts[parts.length - 1];
                    if (m.get2() == null) {
                        ((ObjectNode) parent).remove(field);
                    } else {
                        ((ObjectNode) parent).set(field, m.get2());
                    }
                }
            }
            return key.toString();
        });
    }

    @Property(tries = 500)
    void fromJson_arbitraryText_keyOrInvalidServiceKeyException(@ForAll("scalarsText") String text) {
        keyOrInvalidKeyException(() -> ServiceKeys.calm().fromJson(text));
        keyOrInvalidKeyException(() -> ServiceKeys.calm().fromJson("Getting key...\n" + text));
        keyOrInvalidKeyException(() -> ServiceKeys.cis().fromJson(text));
        keyOrInvalidKeyException(() -> ServiceKeys.serviceManager().fromJson(text));
        keyOrInvalidKeyException(() -> ServiceKeys.calm().fromEnvironment("K", Map.of("K", text)));
    }

    @Property(tries = 1000)
    void fromJson_arbitraryJson_keyOrInvalidServiceKeyException(@ForAll("anyJson") String json) {
        keyOrInvalidKeyException(() -> ServiceKeys.calm().fromJson(json));
        keyOrInvalidKeyException(() -> ServiceKeys.cis().fromJson(json));
        keyOrInvalidKeyException(() -> ServiceKeys.serviceManager().fromJson(json));
        keyOrInvalidKeyException(() -> ServiceKeys.calm().fromVcapServices(Map.of("VCAP_SERVICES", json)));
        keyOrInvalidKeyException(() -> ServiceKeys.calm().fromVcapServices("x", Map.of("VCAP_SERVICES", json)));
        keyOrInvalidKeyException(() -> ServiceKeys.calm().fromJson(json.length() > 2 ? json.substring(0, json.length() / 2) : json));
    }

    @Property(tries = 1000)
    void fromJson_mutatedContractKey_keyOrInvalidServiceKeyExceptionWithoutSecret(@ForAll("mutatedKeys") String json) {
        keyOrInvalidKeyException(() -> ServiceKeys.calm().fromJson(json));
        keyOrInvalidKeyException(() -> ServiceKeys.calm().fromJson("{\"credentials\":" + json + "}"));
    }

    @Property(tries = 500)
    void xsSecurityParamsFromJson_arbitraryJson_valueOrValidationException(@ForAll("anyJson") String json) {
        try {
            assertThat(XsSecurityParams.fromJson(json)).isNotNull();
            assertThat(XsSecurityParams.fromJson("{\"xs-security\":" + json + "}")).isNotNull();
        } catch (ValidationException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
