package io.calmsdk.btp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.BindingName;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.InstanceName;
import io.calmsdk.core.model.Labels;
import io.calmsdk.core.model.XsSecurityParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@link CloudAlmProvisioner#ensureBinding(BindingRequest)} should make true: in subaccount
 * {@link #subaccountId()}, an instance {@link #instanceName()} of {@code SAPCloudALMAPIs}/{@code standard}
 * with the {@link #xsSecurity()} parameters, and a binding {@link #bindingName()} on it.
 *
 * <pre>{@code
 * BindingRequest request = BindingRequest.builder()
 *         .subaccountId("0f2c7d1e-...")
 *         .instanceName("calm-api")
 *         .bindingName("calm-api-key")
 *         .scopes(CalmScope.PROJECTS_READ, CalmScope.TASKS_WRITE)
 *         .build();
 * }</pre>
 *
 * <p>The {@code xsappname} is derived from the instance name ({@link XsSecurityParams#xsappnameFor})
 * unless given; when an existing instance is updated, the xsappname it was created with is kept
 * whatever the request says. Everything is validated by {@link Builder#build()}, so a request that
 * exists is one the provisioner can send. Immutable and thread-safe.
 */
public final class BindingRequest {

    /** The technical name of the SAP Cloud ALM API offering and entitlement. */
    public static final String SERVICE_NAME = "SAPCloudALMAPIs";
    /** The plan to entitle and instantiate. */
    public static final String PLAN_NAME = "standard";
    /** The default overall deadline of one call: 10 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final String subaccountId;
    private final InstanceName instanceName;
    private final BindingName bindingName;
    private final XsSecurityParams xsSecurity;
    private final boolean xsappnameGiven;
    private final JsonNode bindingParameters;
    private final Labels labels;
    private final Duration timeout;
    private final boolean skipEntitlement;
    private final boolean verify;
    private final boolean removeOtherScopes;

    private BindingRequest(Builder b, XsSecurityParams xsSecurity, boolean xsappnameGiven, JsonNode bindingParameters) {
        this.subaccountId = b.subaccountId;
        this.instanceName = b.instanceName;
        this.bindingName = b.bindingName;
        this.xsSecurity = xsSecurity;
        this.xsappnameGiven = xsappnameGiven;
        this.bindingParameters = bindingParameters;
        this.labels = b.labels;
        this.timeout = b.timeout;
        this.skipEntitlement = b.skipEntitlement;
        this.verify = b.verify;
        this.removeOtherScopes = b.removeOtherScopes;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request from what a caller sets on a builder, for the {@code Consumer<Builder>} overloads. */
    static BindingRequest of(Consumer<Builder> request) {
        Objects.requireNonNull(request, "request");
        Builder b = builder();
        request.accept(b);
        return b.build();
    }

    /**
     * A builder holding this request's values, to derive a changed request.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder()
                .subaccountId(subaccountId)
                .instanceName(instanceName.value())
                .bindingName(bindingName.value())
                .labels(labels)
                .timeout(timeout)
                .skipEntitlement(skipEntitlement)
                .verify(verify)
                .removeOtherScopes(removeOtherScopes);
        b.xsSecurity = xsSecurity;
        b.xsappnameGiven = xsappnameGiven;
        b.bindingParameters = bindingParameters.deepCopy();
        return b;
    }

    /**
     * The subaccount to provision in.
     *
     * @return the subaccount GUID
     */
    public String subaccountId() {
        return subaccountId;
    }

    /**
     * The instance name.
     *
     * @return the name, 1-32 characters of {@code A-Z a-z 0-9 . _ -}
     */
    public InstanceName instanceName() {
        return instanceName;
    }

    /**
     * The binding name.
     *
     * @return the name; never of the {@code <SID>_<client>_<number>} form SAP uses for automatic credentials
     */
    public BindingName bindingName() {
        return bindingName;
    }

    /**
     * The desired {@code xs-security} parameters of the instance.
     *
     * @return the parameters
     */
    public XsSecurityParams xsSecurity() {
        return xsSecurity;
    }

    /**
     * Whether the caller chose the {@code xsappname}, rather than letting it be derived.
     *
     * @return {@code true} when given explicitly
     */
    public boolean xsappnameGiven() {
        return xsappnameGiven;
    }

    /**
     * The binding parameters, e.g. X.509 key length and validity.
     *
     * @return a copy of the parameters, empty when none
     */
    public Map<String, Object> bindingParameters() {
        return Json.mapper().convertValue(bindingParameters,
                Json.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
    }

    JsonNode bindingParametersJson() {
        return bindingParameters.deepCopy();
    }

    /**
     * Extra labels set on the instance and the binding the provisioner creates.
     *
     * @return the labels, possibly empty
     */
    public Labels labels() {
        return labels;
    }

    /**
     * The overall deadline of one call, waits included.
     *
     * @return the timeout, default 10 minutes
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Whether the entitlement step is skipped (the subaccount is known to be entitled, or the caller
     * holds no Cloud Management key).
     *
     * @return {@code true} to skip
     */
    public boolean skipEntitlement() {
        return skipEntitlement;
    }

    /**
     * Whether a token is fetched with the new key to check that every requested authority is granted.
     *
     * @return {@code true} to verify
     */
    public boolean verify() {
        return verify;
    }

    /**
     * Whether authorities the instance has but this request does not ask for are removed. By default
     * they are kept (missing ones are added, nothing is taken away), because other users of a shared
     * instance may depend on them; {@code plan} shows a removal before it happens, and it is logged at WARN.
     *
     * @return {@code true} to make the instance's authorities exactly the requested ones
     */
    public boolean removeOtherScopes() {
        return removeOtherScopes;
    }

    /**
     * The key calls are serialised on within one JVM: subaccount and instance name.
     *
     * @return e.g. {@code 0f2c.../calm-api}
     */
    String lockKey() {
        return subaccountId.toLowerCase(java.util.Locale.ROOT) + "/" + instanceName.value();
    }

    /**
     * Describes the request, never a secret.
     *
     * @return e.g. {@code BindingRequest{subaccount=..., instance=calm-api, binding=calm-key, ...}}
     */
    @Override
    public String toString() {
        return "BindingRequest{subaccount=" + subaccountId + ", instance=" + instanceName + ", binding=" + bindingName
                + ", xsappname=" + xsSecurity.xsappname() + ", authorities=" + xsSecurity.authorities()
                + ", credentialTypes=" + xsSecurity.credentialTypes() + ", timeout=" + timeout
                + (skipEntitlement ? ", skipEntitlement" : "") + (verify ? ", verify" : "")
                + (removeOtherScopes ? ", removeOtherScopes" : "") + "}";
    }

    /**
     * Builds a {@link BindingRequest}. Subaccount, instance name and binding name are required;
     * authorities come from {@link #scopes(CalmScope...)} or a full {@link #xsSecurity(XsSecurityParams)}.
     * Not thread-safe.
     */
    public static final class Builder {
        private String subaccountId;
        private String instanceNameText;
        private String bindingNameText;
        private InstanceName instanceName;
        private BindingName bindingName;
        private XsSecurityParams xsSecurity;
        private boolean xsappnameGiven;
        /** The scopes in the order given; those given by name are parsed by {@link #build()}. */
        private final List<Supplier<CalmScope>> scopes = new ArrayList<>();
        private final List<CredentialType> credentialTypes = new ArrayList<>();
        private Integer tokenValidity;
        private String xsappname;
        private JsonNode bindingParameters;
        private Labels labels = Labels.empty();
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean skipEntitlement;
        private boolean verify;
        private boolean removeOtherScopes;

        private Builder() {
        }

        /**
         * Sets the subaccount.
         *
         * @param subaccountId the subaccount GUID
         * @return this builder
         */
        public Builder subaccountId(String subaccountId) {
            this.subaccountId = subaccountId;
            return this;
        }

        /**
         * Sets the instance name.
         *
         * @param instanceName 1-32 characters of {@code A-Z a-z 0-9 . _ -}
         * @return this builder
         */
        public Builder instanceName(String instanceName) {
            this.instanceNameText = instanceName;
            return this;
        }

        /**
         * Sets the binding name.
         *
         * @param bindingName 1-100 characters of {@code A-Z a-z 0-9 . _ -}, not {@code <SID>_<client>_<number>}
         * @return this builder
         */
        public Builder bindingName(String bindingName) {
            this.bindingNameText = bindingName;
            return this;
        }

        /**
         * Sets the complete {@code xs-security} parameters, including the xsappname; replaces
         * {@link #scopes}, {@link #credentialType}, {@link #tokenValidity} and {@link #xsappname}.
         *
         * @param xsSecurity the parameters
         * @return this builder
         */
        public Builder xsSecurity(XsSecurityParams xsSecurity) {
            this.xsSecurity = Objects.requireNonNull(xsSecurity, "xsSecurity");
            this.xsappnameGiven = true;
            return this;
        }

        /**
         * Adds authorities the binding's tokens must carry.
         *
         * @param scopes e.g. {@link CalmScope#PROJECTS_READ}
         * @return this builder
         */
        public Builder scopes(CalmScope... scopes) {
            for (CalmScope s : scopes) {
                CalmScope scope = Objects.requireNonNull(s, "scope");
                this.scopes.add(() -> scope);
            }
            return this;
        }

        /**
         * Adds authorities by name, short ({@code calm-api.tasks.read}) or qualified; {@link #build()} refuses
         * a name outside {@link CalmScope}'s catalogue, naming the closest known ones. Declare a scope the SDK
         * does not know with {@code scopes(CalmScope.custom(name))}.
         *
         * @param scopes the scope names
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            for (String s : scopes) {
                String name = Objects.requireNonNull(s, "scope");
                this.scopes.add(() -> CalmScope.of(name));
            }
            return this;
        }

        /**
         * Adds a credential type; default {@code binding-secret}.
         *
         * @param type {@link CredentialType#BINDING_SECRET} or {@link CredentialType#X509}
         * @return this builder
         */
        public Builder credentialType(CredentialType type) {
            this.credentialTypes.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Sets the access token validity.
         *
         * @param seconds 60-86400
         * @return this builder
         */
        public Builder tokenValidity(int seconds) {
            this.tokenValidity = seconds;
            return this;
        }

        /**
         * Sets the xsappname of a new instance; default derived from the instance name. An existing
         * instance keeps the xsappname it was created with.
         *
         * @param xsappname at most 100 characters of {@code A-Z a-z 0-9 - _ / \}
         * @return this builder
         */
        public Builder xsappname(String xsappname) {
            this.xsappname = xsappname;
            return this;
        }

        /**
         * Sets the binding parameters, e.g. for X.509 credentials.
         *
         * @param parameters a JSON-serialisable map
         * @return this builder
         */
        public Builder bindingParameters(Map<String, ?> parameters) {
            JsonNode node = Json.mapper().valueToTree(Objects.requireNonNull(parameters, "parameters"));
            this.bindingParameters = node;
            return this;
        }

        /**
         * Asks for X.509 binding credentials:
         * {@code {"credential-type":"x509","x509":{"key-length":..,"validity":..,"validity-type":"DAYS"}}}.
         *
         * @param keyLength the RSA key length, e.g. 2048
         * @param validityDays how many days the certificate is valid, at least 1
         * @return this builder
         */
        public Builder x509Binding(int keyLength, int validityDays) {
            ObjectNode p = Json.mapper().createObjectNode().put("credential-type", "x509");
            p.putObject("x509").put("key-length", keyLength).put("validity", validityDays).put("validity-type", "DAYS");
            this.bindingParameters = p;
            return this;
        }

        /**
         * Sets extra labels for the instance and binding the provisioner creates.
         *
         * @param labels the labels
         * @return this builder
         */
        public Builder labels(Labels labels) {
            this.labels = Objects.requireNonNull(labels, "labels");
            return this;
        }

        /**
         * Sets the overall deadline of one call; default 10 minutes.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Skips the entitlement step; default {@code false}.
         *
         * @param skip {@code true} to skip
         * @return this builder
         */
        public Builder skipEntitlement(boolean skip) {
            this.skipEntitlement = skip;
            return this;
        }

        /**
         * Verifies the new key with a token; default {@code false}.
         *
         * @param verify {@code true} to verify
         * @return this builder
         */
        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        /**
         * Removes authorities of an existing instance that this request does not ask for; default
         * {@code false}: missing authorities are added and others kept. See {@link BindingRequest#removeOtherScopes()}.
         *
         * @param remove {@code true} to make the instance's authorities exactly the requested ones
         * @return this builder
         */
        public Builder removeOtherScopes(boolean remove) {
            this.removeOtherScopes = remove;
            return this;
        }

        /**
         * Validates everything and builds the request.
         *
         * @return the request
         * @throws io.calmsdk.core.exception.ValidationException naming the first invalid field and what is allowed
         */
        public BindingRequest build() {
            subaccountId = RequestChecks.subaccountId(subaccountId);
            instanceName = RequestChecks.present("instanceName", instanceNameText != null
                    ? InstanceName.of(instanceNameText) : instanceName, "1-32 characters of A-Z a-z 0-9 . _ -");
            bindingName = RequestChecks.present("bindingName", bindingNameText != null
                    ? BindingName.of(bindingNameText) : bindingName, "1-100 characters of A-Z a-z 0-9 . _ -");
            RequestChecks.timeout(timeout);
            DesiredXsSecurity desired = DesiredXsSecurity.of(xsSecurity, xsappnameGiven, xsappname, scopes,
                    credentialTypes, tokenValidity, instanceName);
            XsSecurityParams params = desired.params();
            JsonNode bp = RequestChecks.bindingParameters(bindingParameters);
            return new BindingRequest(this, params, desired.xsappnameGiven(), bp);
        }
    }
}
