package io.calmsdk.btp;

import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.InstanceName;
import io.calmsdk.core.model.XsSecurityParams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@code xs-security} parameters a {@link BindingRequest.Builder} asks for: a full set given with
 * {@code xsSecurity(...)}, completed or overridden by scopes, credential types, token validity and
 * xsappname set one by one; the xsappname derived from the instance name when none is given.
 *
 * @param params the parameters
 * @param xsappnameGiven whether the caller chose the xsappname
 */
record DesiredXsSecurity(XsSecurityParams params, boolean xsappnameGiven) {

    /** How much of an unknown scope a message quotes. */
    private static final int MAX_QUOTED = 100;

    /**
     * Works out the parameters; the scopes given by name are parsed here, and every authority must be
     * known to {@link CalmScope} or declared with {@link CalmScope#custom(String)}.
     *
     * @throws ValidationException naming a malformed or unknown scope, or a bad parameter
     */
    static DesiredXsSecurity of(XsSecurityParams xsSecurity, boolean xsappnameGivenBefore, String xsappname,
            List<Supplier<CalmScope>> scopes, List<CredentialType> credentialTypes, Integer tokenValidity,
            InstanceName instanceName) {
        XsSecurityParams params = xsSecurity;
        boolean given = xsappnameGivenBefore;
        if (params == null || !scopes.isEmpty() || !credentialTypes.isEmpty() || tokenValidity != null
                || xsappname != null) {
            XsSecurityParams.Builder xb = XsSecurityParams.builder();
            String app = xsappname != null ? xsappname
                    : params != null ? params.xsappname() : XsSecurityParams.xsappnameFor(instanceName.value());
            given = xsappname != null || xsSecurity != null;
            xb.xsappname(app);
            if (params != null) {
                xb.addAllAuthorities(params.authorities());
                if (credentialTypes.isEmpty()) {
                    xb.addAllCredentialTypes(params.credentialTypes());
                }
                if (tokenValidity == null) {
                    xb.tokenValidity(params.tokenValidity());
                }
            }
            List<CalmScope> parsed = new ArrayList<>();
            scopes.forEach(scope -> parsed.add(scope.get()));
            xb.addAllAuthorities(parsed).addAllCredentialTypes(credentialTypes);
            if (tokenValidity != null) {
                xb.tokenValidity(tokenValidity);
            }
            params = xb.build();
        }
        if (params.authorities().isEmpty()) {
            throw new ValidationException("scopes", "are empty", "at least one Cloud ALM scope, e.g. calm-api.projects.read");
        }
        for (CalmScope scope : params.authorities()) {
            requireDeclared(scope);
        }
        return new DesiredXsSecurity(params, given);
    }

    /** Refuses a scope outside the catalogue that was not declared custom: a typo must never become an authority. */
    private static void requireDeclared(CalmScope scope) {
        if (scope.isKnown() || scope.isCustom()) {
            return;
        }
        String written = scope.qualifiedName().startsWith(CalmScope.MASTER_APP_PREFIX) ? scope.name()
                : scope.qualifiedName();
        String name = written.length() > MAX_QUOTED ? written.substring(0, MAX_QUOTED) + "..." : written;
        String closest = CalmScope.closestKnown(scope.name()).stream().map(CalmScope::name)
                .collect(Collectors.joining(" or "));
        throw new ValidationException("scopes", "contains the unknown scope '" + name + "' (did you mean " + closest
                + "?)", "a scope of CalmScope's catalogue (CalmScope.known()), or one declared deliberately with"
                + " CalmScope.custom(\"" + name + "\")");
    }
}
