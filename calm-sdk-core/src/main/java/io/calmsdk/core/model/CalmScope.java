package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.core.exception.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Cloud ALM API scope granted to a binding through the instance's {@code xs-security}
 * {@code authorities}, e.g. {@code calm-api.projects.read}.
 *
 * <p>The constants are the scopes known from SAP sources (and, marked unverified, from third-party
 * code). {@link #of(String)} reads any well-formed scope (as found in an instance's parameters), but a
 * request that asks for a scope outside the catalogue is refused before anything is sent, naming the
 * closest known scopes ({@link #closestKnown(String)}): a typo never becomes an authority. A scope the
 * SDK does not know yet is declared deliberately with {@link #custom(String)}. Short names are written
 * with the master-application prefix Cloud ALM expects
 * ({@code $XSMASTERAPPNAME.calm-api.tasks.read}); values that already carry a {@code $XS...NAME.}
 * prefix are kept. Two scopes are equal when their qualified names are.
 *
 * <p>Scope names consist of {@code A-Z a-z 0-9 - _ / \ :} in segments separated by {@code .}.
 * Immutable and thread-safe.
 */
public final class CalmScope {

    /** The prefix that makes a Cloud ALM scope an authority of the SAP Cloud ALM master application. */
    public static final String MASTER_APP_PREFIX = "$XSMASTERAPPNAME.";

    static final String ALLOWED = "segments of A-Z a-z 0-9 - _ / \\ : separated by '.', optionally prefixed by "
            + MASTER_APP_PREFIX + ", e.g. calm-api.projects.read";

    private static final Pattern SEGMENTS = Pattern.compile("[A-Za-z0-9_\\-/\\\\:]+(\\.[A-Za-z0-9_\\-/\\\\:]+)*");
    private static final Pattern PREFIX = Pattern.compile("^\\$XS[A-Z]*NAME\\.");

    private static final Map<String, CalmScope> KNOWN = new LinkedHashMap<>();

    /** Read projects (Projects API). */
    public static final CalmScope PROJECTS_READ = known("calm-api.projects.read", true);
    /** Create and change projects. */
    public static final CalmScope PROJECTS_WRITE = known("calm-api.projects.write", true);
    /** Read private projects. */
    public static final CalmScope PROJECTS_PRIVATE_READ = known("calm-api.projects.private.read", true);
    /** Read protected projects. */
    public static final CalmScope PROJECTS_PROTECTED_READ = known("calm-api.projects.protected.read", true);
    /** Read tasks (Tasks API). */
    public static final CalmScope TASKS_READ = known("calm-api.tasks.read", true);
    /** Create and change tasks. */
    public static final CalmScope TASKS_WRITE = known("calm-api.tasks.write", true);
    /** Read process management content. */
    public static final CalmScope PROCESSMANAGEMENT_READ = known("calm-api.processmanagement.read", true);
    /** Change process management content. */
    public static final CalmScope PROCESSMANAGEMENT_WRITE = known("calm-api.processmanagement.write", true);
    /** Delete process management content. */
    public static final CalmScope PROCESSMANAGEMENT_DELETE = known("calm-api.processmanagement.delete", true);
    /** Read process authoring content. */
    public static final CalmScope PROCESSAUTHORING_READ = known("calm-api.processauthoring.read", true);
    /** Delete test cases. */
    public static final CalmScope TESTCASES_DELETE = known("calm-api.testcases.delete", true);
    /** Delete test cases even when referenced. */
    public static final CalmScope TESTCASES_FORCE_DELETE = known("calm-api.testcases.force-delete", true);
    /** Read landscape information. */
    public static final CalmScope LANDSCAPE_READ = known("calm-api.landscape.read", true);
    /** Read subscriptions. */
    public static final CalmScope SUBSCRIPTIONS_READ = known("calm-api.subscriptions.read", true);
    /** Read defects. */
    public static final CalmScope DEFECTS_READ = known("calm-api.defects.read", true);
    /** Read one's own defects. */
    public static final CalmScope DEFECTS_PERSONAL_READ = known("calm-api.defects.personal.read", true);
    /** Read analytics data (Analytics API). */
    public static final CalmScope ANALYTICS_READ = known("calm-api.analytics.read", true);
    /** Read analytics providers. */
    public static final CalmScope ANALYTICS_PROVIDERS_READ = known("calm-api.analytics.providers.read", true);
    /** UI role scope: display features. */
    public static final CalmScope IMP_CDM_FEATURE_DISPLAY_UI = known("imp-cdm-feature-display-ui", true);
    /** UI role scope: manage features. */
    public static final CalmScope IMP_CDM_FEATURE_MANAGE_UI = known("imp-cdm-feature-manage-ui", true);
    /** UI role scope: display integration monitoring. */
    public static final CalmScope OPS_IM_DISPLAY_UI = known("ops-im-display-ui", true);
    /** UI role scope: configure integration monitoring. */
    public static final CalmScope OPS_IM_CONFIGURE_UI = known("ops-im-configure-ui", true);
    /** Read features (SAP's API scope list). */
    public static final CalmScope FEATURES_READ = known("calm-api.features.read", true);
    /** Change features (SAP's API scope list). */
    public static final CalmScope FEATURES_WRITE = known("calm-api.features.write", true);
    /** Read documents (SAP's API scope list). */
    public static final CalmScope DOCUMENTS_READ = known("calm-api.documents.read", true);
    /** Change documents (SAP's API scope list). */
    public static final CalmScope DOCUMENTS_WRITE = known("calm-api.documents.write", true);
    /** Delete documents (SAP's API scope list). */
    public static final CalmScope DOCUMENTS_DELETE = known("calm-api.documents.delete", true);
    /** Read status events of business services (SAP's API scope list, Status Events API). */
    public static final CalmScope BSM_READ = known("calm-api.bsm.read", true);
    /** Send status events and other inbound business-service data (SAP's API scope list). */
    public static final CalmScope BSM_WRITE = known("calm-api.bsm.write", true);
    /** Create and change test cases. Seen only in third-party code (unverified). */
    public static final CalmScope TESTCASES_WRITE = known("calm-api.testcases.write", false);
    /** Change process authoring content (SAP's CustomProcessUpload sample in cloud-alm-api-examples). */
    public static final CalmScope PROCESSAUTHORING_WRITE = known("calm-api.processauthoring.write", true);
    /** Change the process hierarchy. Not documented by SAP (unverified). */
    public static final CalmScope PROCESSHIERARCHY_WRITE = known("calm-api.processhierarchy.write", false);
    /** Read test cases. Seen only in third-party code (unverified). */
    public static final CalmScope TESTCASES_READ = known("calm-api.testcases.read", false);
    /** Read the process hierarchy. Seen only in third-party code (unverified). */
    public static final CalmScope PROCESSHIERARCHY_READ = known("calm-api.processhierarchy.read", false);
    /** Read test plans. Seen only in third-party code (unverified). */
    public static final CalmScope TESTPLANS_READ = known("calm-api.testplans.read", false);
    /** Read raw outbound metrics ({@code /calm-metrics/v1/metrics}; SAP's raw data API blog). */
    public static final CalmScope METRICS_READ = known("calm-api.metrics.read", true);
    /** Read raw outbound logs ({@code /calm-logs/v1/logs}). Named after the metrics scope (unverified). */
    public static final CalmScope LOGS_READ = known("calm-api.logs.read", false);

    private final String name;
    private final String qualifiedName;
    private final boolean known;
    private final boolean verified;
    private final boolean custom;

    private CalmScope(String name, String qualifiedName, boolean known, boolean verified, boolean custom) {
        this.name = name;
        this.qualifiedName = qualifiedName;
        this.known = known;
        this.verified = verified;
        this.custom = custom;
    }

    private static CalmScope known(String name, boolean verified) {
        CalmScope scope = new CalmScope(name, MASTER_APP_PREFIX + name, true, verified, false);
        KNOWN.put(scope.qualifiedName, scope);
        return scope;
    }

    /**
     * A scope by name, short ({@code calm-api.tasks.read}) or qualified
     * ({@code $XSMASTERAPPNAME.calm-api.tasks.read}); known scopes map to the constants. A well-formed
     * name outside the catalogue gives a scope that {@link #isKnown()} and {@link #isCustom()} deny: it
     * can be read and compared, but a binding request refuses it (declare it with {@link #custom(String)}).
     *
     * @param scope the scope name
     * @return the scope
     * @throws ValidationException when the name is blank or contains characters scope names may not have
     */
    @JsonCreator
    public static CalmScope of(String scope) {
        return parse(scope, false);
    }

    /**
     * A scope the SDK's catalogue does not know, declared deliberately (a new Cloud ALM scope, or one of
     * your own application): binding requests accept it as written. A known name gives the constant.
     *
     * @param scope the scope name, short or qualified, e.g. {@code calm-api.newapi.read}
     * @return the scope, {@link #isCustom()} unless it is known
     * @throws ValidationException when the name is blank or contains characters scope names may not have
     */
    public static CalmScope custom(String scope) {
        return parse(scope, true);
    }

    private static CalmScope parse(String scope, boolean custom) {
        if (scope == null || scope.isBlank()) {
            throw new ValidationException("authorities", "contains a blank scope", ALLOWED);
        }
        java.util.regex.Matcher prefix = PREFIX.matcher(scope);
        String prefixText = prefix.find() ? prefix.group() : "";
        String shortName = scope.substring(prefixText.length());
        if (!SEGMENTS.matcher(shortName).matches()) {
            throw new ValidationException("authorities", "contains the malformed scope '" + printable(scope) + "'", ALLOWED);
        }
        String qualified = (prefixText.isEmpty() ? MASTER_APP_PREFIX : prefixText) + shortName;
        CalmScope known = KNOWN.get(qualified);
        return known != null ? known : new CalmScope(shortName, qualified, false, false, custom);
    }

    /**
     * The known scopes whose names are closest to a name, best first: for "did you mean" messages. A
     * name without the {@code calm-api.} prefix is compared with and without it, so {@code project.read}
     * finds {@code calm-api.projects.read}.
     *
     * @param scope a scope name, e.g. a mistyped one
     * @return at most three known scopes; those within a few typing mistakes only, or the three nearest
     *     when none is that close
     */
    public static List<CalmScope> closestKnown(String scope) {
        return ScopeDistance.closest(scope == null ? "" : scope, known());
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(120).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(String.format("\\u%04X", cp));
            }
        });
        return sb.toString();
    }

    /**
     * The scopes known to the SDK, in catalogue order.
     *
     * @return the known scopes
     */
    public static List<CalmScope> known() {
        return Collections.unmodifiableList(new ArrayList<>(KNOWN.values()));
    }

    /**
     * The name without prefix.
     *
     * @return e.g. {@code calm-api.tasks.read}
     */
    public String name() {
        return name;
    }

    /**
     * The name as written into {@code authorities}.
     *
     * @return e.g. {@code $XSMASTERAPPNAME.calm-api.tasks.read}
     */
    @JsonValue
    public String qualifiedName() {
        return qualifiedName;
    }

    /**
     * Whether the scope is in the SDK's catalogue.
     *
     * @return {@code true} for the constants of this class
     */
    public boolean isKnown() {
        return known;
    }

    /**
     * Whether the scope was declared with {@link #custom(String)}: outside the catalogue, on purpose.
     *
     * @return {@code true} for declared custom scopes; {@code false} for known ones and for unknown ones read
     *     with {@link #of(String)}
     */
    public boolean isCustom() {
        return custom;
    }

    /**
     * Whether the scope is documented in SAP sources (known scopes seen only in third-party code are not).
     *
     * @return {@code true} for scopes confirmed by SAP sources
     */
    public boolean isVerified() {
        return verified;
    }

    /**
     * Whether a scope granted in a token (e.g. {@code calm-api!b123.calm-api.projects.read}) is this
     * scope: compares what follows the first {@code .}-separated application name, because the
     * token's prefix is the master application's actual name.
     *
     * @param tokenScope a scope string from a token's {@code scope} claim
     * @return {@code true} when it grants this scope
     */
    public boolean matchesTokenScope(String tokenScope) {
        if (tokenScope == null) {
            return false;
        }
        if (tokenScope.equals(name)) {
            return true;
        }
        int dot = tokenScope.indexOf('.');
        return dot > 0 && tokenScope.substring(dot + 1).equals(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalmScope && ((CalmScope) o).qualifiedName.equals(qualifiedName);
    }

    @Override
    public int hashCode() {
        return qualifiedName.hashCode();
    }

    @Override
    public String toString() {
        return qualifiedName;
    }
}
