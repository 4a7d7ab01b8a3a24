package io.calmsdk.testkit.internal.cis;

import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.uaa.BearerTokens;
import io.calmsdk.testkit.internal.uaa.OAuthClient;
import io.calmsdk.testkit.internal.world.World;

/** Token checks of the Cloud Management APIs: a cis token is needed, plan central for changes. */
final class CisAuth {

    private CisAuth() {
    }

    static OAuthClient.Kind check(SimRequest request, World world, boolean write) {
        BearerTokens.Caller caller = BearerTokens.verify(request, world, "11003");
        OAuthClient.Kind kind = caller.client().map(OAuthClient::kind).orElse(null);
        if (kind != OAuthClient.Kind.CIS_CENTRAL && kind != OAuthClient.Kind.CIS_VIEWER) {
            throw new ApiError(401, "11003", "The token was not issued for the Cloud Management service");
        }
        if (write && kind != OAuthClient.Kind.CIS_CENTRAL) {
            throw new ApiError(403, "11007", "Forbidden: this operation needs a Cloud Management key of plan central");
        }
        return kind;
    }
}
