package io.calmsdk.reliability.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.BindingName;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.InstanceName;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.XsSecurityParams;
import io.calmsdk.reliability.support.ReliabilityReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Arbitrary input into the public parsers and builders ends in a value or in the one documented
 * exception — never a {@code NullPointerException}, a Jackson exception, an {@code IllegalArgumentException}
 * or a hang — and where the rule is simple enough to restate (names), the decision matches the rule.
 */
class ParserPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern BINDING_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern AUTOMATIC = Pattern.compile("[A-Z][A-Z0-9]{2}_[0-9]{3}_[0-9]+");
    private static final String SECRET = "prop-secret-$3cr3t=value";
    private static final String VALID_KEY = "{\"endpoints\":{\"Api\":\"https://t.eu10.alm.cloud.sap/api\"},"
            + "\"uaa\":{\"clientid\":\"sb-calm!b1|calm-api!b2\",\"clientsecret\":\"" + SECRET + "\","
            + "\"url\":\"https://t.authentication.eu10.hana.ondemand.com\",\"identityzone\":\"t\","
            + "\"credential-type\":\"binding-secret\",\"xsappname\":\"calm!b1\"}}";
    private static final String VALID_CIS = "{\"endpoints\":{\"entitlements_service_url\":\"https://ent.cfapps.eu10."
            + "hana.ondemand.com\",\"accounts_service_url\":\"https://acc.cfapps.eu10.hana.ondemand.com\"},"
            + "\"grant_type\":\"client_credentials\",\"uaa\":{\"clientid\":\"sb-cis\",\"clientsecret\":\"" + SECRET
            + "\",\"url\":\"https://ga.authentication.eu10.hana.ondemand.com\"}}";
    private static final String VALID_SM = "{\"clientid\":\"sb-sm\",\"clientsecret\":\"" + SECRET + "\","
            + "\"sm_url\":\"https://service-manager.cfapps.eu10.hana.ondemand.com\","
            + "\"url\":\"https://sub.authentication.eu10.hana.ondemand.com\",\"xsappname\":\"sm!b1\"}";
    private static final String VALID_XS = "{\"xs-security\":{\"xsappname\":\"calm-api\",\"authorities\":"
            + "[\"$XSMASTERAPPNAME.calm-api.projects.read\"],\"oauth2-configuration\":{\"credential-types\":"
            + "[\"binding-secret\"],\"token-validity\":3600}}}";

    private static final Map<String, Outcomes> OUTCOMES = new ConcurrentHashMap<>();

    /** Values and refusals per property, for the summary. */
    private static final class Outcomes {
        final AtomicInteger values = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
    }

    /** Runs a parse: a value counts as such, the documented exception as a refusal, anything else fails. */
    private static <T> T expect(String property, Class<? extends RuntimeException> documented, Supplier<T> parse) {
        Outcomes o = OUTCOMES.computeIfAbsent(property, k -> new Outcomes());
        try {
            T value = parse.get();
            o.values.incrementAndGet();
            return value;
        } catch (RuntimeException e) {
            assertThat(e).as("%s threw an undocumented exception", property).isInstanceOf(documented);
            assertThat(e.getMessage()).isNotBlank().doesNotContain(SECRET);
            o.refused.incrementAndGet();
            return null;
        }
    }

    // ------------------------------------------------------------------ service keys

    @Property(tries = 1000)
    void serviceKeysFromJson_anyText_keyOrInvalidServiceKeyException(@ForAll String text) {
        expect("ServiceKeys.calm().fromJson(any text)", InvalidServiceKeyException.class, () -> ServiceKeys.calm().fromJson(text));
    }

    @Property(tries = 1500)
    void serviceKeysFromJson_mutatedKey_keyOrInvalidServiceKeyException_neverShowingTheSecret(
            @ForAll("mutatedCalmKeys") String json) {
        ServiceKey key = expect("ServiceKeys.calm().fromJson(mutated key)", InvalidServiceKeyException.class,
                () -> ServiceKeys.calm().fromJson(json));
        if (key != null) {
            assertThat(key.toString()).doesNotContain(SECRET);
            assertThat(key.apiEndpoint().isAbsolute()).isTrue();
        }
    }

    @Property(tries = 800)
    void cisAndServiceManagerKeys_mutated_keyOrInvalidServiceKeyException(@ForAll("mutatedAdminKeys") String json) {
        expect("ServiceKeys.cis()/serviceManager().fromJson(mutated key)", InvalidServiceKeyException.class, () -> {
            Object key = json.contains("sm_url") ? ServiceKeys.serviceManager().fromJson(json)
                    : ServiceKeys.cis().fromJson(json);
            assertThat(key.toString()).doesNotContain(SECRET);
            return key;
        });
    }

    // ------------------------------------------------------------------ xs-security

    @Property(tries = 1000)
    void xsSecurityFromJson_anyText_paramsOrValidationException(@ForAll String text) {
        expect("XsSecurityParams.fromJson(any text)", ValidationException.class, () -> XsSecurityParams.fromJson(text));
    }

    @Property(tries = 1500)
    void xsSecurityFromJson_mutatedParameters_paramsOrValidationException(@ForAll("mutatedXsSecurity") String json) {
        XsSecurityParams params = expect("XsSecurityParams.fromJson(mutated parameters)", ValidationException.class,
                () -> XsSecurityParams.fromJson(json));
        if (params != null) {
            // What was read can be written and read again to the same content.
            assertThat(XsSecurityParams.fromJson(params.toJson()).contentHash()).isEqualTo(params.contentHash());
        }
    }

    @Property(tries = 800)
    void xsSecurityBuilder_generatedParts_roundTripsOrRefusesWithValidationException(
            @ForAll("xsappnames") String xsappname, @ForAll("scopeNames") List<String> scopes,
            @ForAll("tokenValidities") int validity) {
        XsSecurityParams params = expect("XsSecurityParams.builder()", ValidationException.class, () -> {
            XsSecurityParams.Builder b = XsSecurityParams.builder().xsappname(xsappname).tokenValidity(validity);
            scopes.forEach(s -> b.addAuthorities(CalmScope.of(s)));
            return b.build();
        });
        if (params != null) {
            assertThat(XsSecurityParams.fromJson(params.toJson()).contentHash()).isEqualTo(params.contentHash());
        }
    }

    // ------------------------------------------------------------------ names and scopes

    @Property(tries = 2000)
    void instanceName_anyString_acceptedExactlyWhenTheRuleSaysSo(@ForAll("nameLike") String name) {
        InstanceName value = expect("InstanceName.of", ValidationException.class, () -> InstanceName.of(name));
        assertThat(value != null).as("'%s'", name).isEqualTo(INSTANCE_NAME.matcher(name).matches());
        if (value != null) {
            assertThat(value.value()).isEqualTo(name);
        }
    }

    @Property(tries = 2000)
    void bindingName_anyString_acceptedExactlyWhenTheRuleSaysSo(@ForAll("nameLike") String name) {
        BindingName value = expect("BindingName.of", ValidationException.class, () -> BindingName.of(name));
        boolean allowed = BINDING_NAME.matcher(name).matches() && !AUTOMATIC.matcher(name).matches();
        assertThat(value != null).as("'%s'", name).isEqualTo(allowed);
    }

    @Property(tries = 1000)
    void calmScope_anyString_scopeOrValidationException(@ForAll("scopeLike") String scope) {
        CalmScope value = expect("CalmScope.of", ValidationException.class, () -> CalmScope.of(scope));
        if (value != null) {
            assertThat(CalmScope.of(value.qualifiedName())).isEqualTo(value);
        }
    }

    // ------------------------------------------------------------------ the request

    @Property(tries = 1000)
    void bindingRequestBuild_arbitraryFields_requestOrValidationException(
            @ForAll("subaccountIds") String subaccount, @ForAll("mostlyValidNames") String instance,
            @ForAll("mostlyValidNames") String binding, @ForAll("scopeNames") List<String> scopes,
            @ForAll("xsappnames") String xsappname, @ForAll("tokenValidities") int validity,
            @ForAll("useXsappname") boolean withXsappname) {
        BindingRequest request = expect("BindingRequest.build", ValidationException.class, () -> {
            BindingRequest.Builder b = BindingRequest.builder().subaccountId(subaccount).instanceName(instance)
                    .bindingName(binding).scopes(scopes.toArray(String[]::new)).tokenValidity(validity);
            if (withXsappname) {
                b.xsappname(xsappname);
            }
            return b.build();
        });
        if (request != null) {
            assertThat(InstanceName.isValid(request.instanceName().value())).isTrue();
            assertThat(BindingName.isValid(request.bindingName().value())).isTrue();
            assertThat(request.xsSecurity().authorities()).isNotEmpty();
        }
    }

    @AfterContainer
    static void writeSummary() throws IOException {
        StringBuilder md = new StringBuilder("# ParserPropertiesTest\n\n");
        int total = 0;
        for (Map.Entry<String, Outcomes> e : new TreeMap<>(OUTCOMES).entrySet()) {
            int values = e.getValue().values.get();
            int refused = e.getValue().refused.get();
            total += values + refused;
            md.append("- ").append(e.getKey()).append(": ").append(values + refused).append(" inputs, ").append(values)
                    .append(" values, ").append(refused).append(" documented refusals, 0 other outcomes\n");
        }
        md.insert(md.indexOf("\n\n") + 2, "properties: " + OUTCOMES.size() + "\ninputs: " + total + "\n\n");
        Files.createDirectories(ReliabilityReport.DIRECTORY);
        Files.writeString(ReliabilityReport.DIRECTORY.resolve("ParserPropertiesTest.md"), md.toString(),
                StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<String> nameLike() {
        Arbitrary<String> allowed = Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> automatic = Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').ofLength(1),
                Arbitraries.strings().withChars("ABC019").ofLength(2), Arbitraries.strings().numeric().ofLength(3),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3))
                .as((a, b, c, d) -> a + b + "_" + c + "_" + d);
        Arbitrary<String> lengths = Arbitraries.integers().between(0, 140).map(n -> "n".repeat(n));
        return Arbitraries.oneOf(allowed, automatic, lengths, Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("", " ", "calm api", "cälm", "a/b", "a\nb", "\u0000", "..", "-", "_", "."));
    }

    @Provide
    Arbitrary<String> mostlyValidNames() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1)
                .ofMaxLength(32)), Tuple.of(2, nameLike()));
    }

    @Provide
    Arbitrary<String> scopeLike() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abz09-_/\\:").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> dotted = segment.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        Arbitrary<String> prefixed = dotted.map(s -> "$XSMASTERAPPNAME." + s);
        return Arbitraries.oneOf(dotted, prefixed, Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of("", " ", ".", "a..b", "a.", ".a", "$XSAPPNAME.", "$XSMASTERAPPNAME.calm-api.tasks.read"));
    }

    @Provide
    Arbitrary<List<String>> scopeNames() {
        return Arbitraries.frequencyOf(Tuple.of(2, scopeLike()), Tuple.of(8, Arbitraries.of(
                CalmScope.PROJECTS_READ.name(), CalmScope.TASKS_WRITE.name(), "calm-api.custom.read")))
                .list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> xsappnames() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withChars("abcXYZ019-_/\\").ofMinLength(1).ofMaxLength(110)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(20)),
                Tuple.of(2, Arbitraries.of("", "a.b", "calm api", "calm-api")));
    }

    @Provide
    Arbitrary<Integer> tokenValidities() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(60, 86_400)),
                Tuple.of(2, Arbitraries.integers().between(-10, 90_000)),
                Tuple.of(2, Arbitraries.of(0, 59, 60, 86_400, 86_401, Integer.MIN_VALUE, Integer.MAX_VALUE)));
    }

    @Provide
    Arbitrary<Boolean> useXsappname() {
        return Arbitraries.of(true, false);
    }

    @Provide
    Arbitrary<String> subaccountIds() {
        Arbitrary<String> guid = Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
        return Arbitraries.frequencyOf(Tuple.of(7, guid), Tuple.of(3, Arbitraries.oneOf(guid.map(String::toUpperCase),
                guid.map(g -> " " + g + " "), guid.map(g -> g.substring(1)), guid.map(g -> g.replace('-', '_')),
                Arbitraries.strings().ofMaxLength(40), Arbitraries.of("", "  "))));
    }

    @Provide
    Arbitrary<String> mutatedCalmKeys() {
        return mutations(VALID_KEY);
    }

    @Provide
    Arbitrary<String> mutatedAdminKeys() {
        return Arbitraries.oneOf(mutations(VALID_CIS), mutations(VALID_SM));
    }

    @Provide
    Arbitrary<String> mutatedXsSecurity() {
        return mutations(VALID_XS);
    }

    /**
     * A valid document with one to three mutations: a field removed, its value replaced by a value of
     * another JSON type (or a very long, nested or odd one), or the text cut or corrupted.
     */
    private static Arbitrary<String> mutations(String valid) {
        JsonNode template = readTree(valid);
        List<String> paths = new ArrayList<>();
        collectPaths(template, "", paths);
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(paths), Arbitraries.integers().between(0, 9),
                replacements()).as(Mutation::new);
        Arbitrary<String> structural = one.list().ofMinSize(1).ofMaxSize(3).map(ms -> {
            JsonNode copy = template.deepCopy();
            ms.forEach(m -> m.apply(copy));
            return copy.toString();
        });
        Arbitrary<String> textual = Combinators.combine(Arbitraries.integers().between(0, valid.length()),
                Arbitraries.strings().ofMaxLength(3)).as((at, junk) -> valid.substring(0, at) + junk);
        Arbitrary<String> deep = Arbitraries.integers().between(1, 3000)
                .map(n -> "[".repeat(n) + valid + "]".repeat(n));
        return Arbitraries.frequencyOf(Tuple.of(7, structural), Tuple.of(2, textual),
                Tuple.of(1, deep));
    }

    private static Arbitrary<JsonNode> replacements() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(f::textNode),
                Arbitraries.integers().map(f::numberNode),
                Arbitraries.of(f.booleanNode(true), f.nullNode(), f.objectNode(), f.arrayNode(),
                        f.textNode(""), f.textNode("http://example.com"), f.textNode("https://"),
                        f.textNode("https://x.example/" + "p".repeat(5000)), f.textNode("\u0000\uFFFF\uD800"),
                        f.textNode("${jndi:ldap://x}"), f.arrayNode().add("a").add(1)));
    }

    /** Remove (0-2), replace (3-8) or wrap in an array (9) the node at a path. */
    private record Mutation(String path, int kind, JsonNode replacement) {
        void apply(JsonNode root) {
            int cut = path.lastIndexOf('/');
            JsonNode parent = cut <= 0 ? root : root.at(path.substring(0, cut));
            String field = path.substring(cut + 1);
            if (!(parent instanceof ObjectNode)) {
                return;
            }
            ObjectNode p = (ObjectNode) parent;
            if (kind <= 2) {
                p.remove(field);
            } else if (kind <= 8) {
                p.set(field, replacement);
            } else if (p.get(field) != null) {
                ArrayNode wrapped = JsonNodeFactory.instance.arrayNode().add(p.get(field));
                p.set(field, wrapped);
            }
        }
    }

    private static void collectPaths(JsonNode node, String at, List<String> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String path = at + "/" + name;
                paths.add(path);
                collectPaths(node.get(name), path, paths);
            });
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
