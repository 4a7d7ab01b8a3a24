package io.calmsdk.btp;

import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.InstanceName;
import io.calmsdk.core.model.XsSecurityParams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code xs-security} parameters a {@link BindingRequest.Builder} asks for: a full set given with
 * {@code xsSecurity(...)}, completed or overridden by scopes, credential types, token validity and
 * xsappname set one by one; the xsappname derived from the instance name when none is given.
 *
 * @param params the parameters
 * @param xsappnameGiven whether the caller chose the xsappname
 */
record DesiredXsSecurity(XsSecurityParams params, boolean xsappnameGiven) {

    /**
     * Works out the parameters; the scopes given by name are parsed here.
     *
     * @throws io.calmsdk.core.exception.ValidationException naming a malformed scope or parameter
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
        return new DesiredXsSecurity(params, given);
    }
}
