package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.TokenClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * What can be said about a token without showing it: client, scopes, expiry, subaccount. The token
 * value itself appears only when revealing was asked for.
 */
final class TokenView {

    private TokenView() {
    }

    /** The token's metadata as JSON; {@code token} holds the value only when revealing. */
    static ObjectNode json(AccessToken token, String tokenUrl, boolean reveal) {
        TokenClaims claims = token.claims();
        ObjectNode o = Printer.mapper().createObjectNode();
        claims.clientId().ifPresent(c -> o.put("clientId", c));
        o.put("tokenUrl", tokenUrl).put("type", token.type()).put("expiresAt", token.expiresAt().toString());
        token.obtainedAt().ifPresent(t -> o.put("obtainedAt", t.toString()));
        token.lifetime().ifPresent(l -> o.put("lifetimeSeconds", l.toSeconds()));
        ArrayNode scopes = o.putArray("scopes");
        new TreeSet<>(token.scopes()).forEach(scopes::add);
        claims.subaccountId().ifPresent(s -> o.put("subaccountId", s));
        claims.zoneId().ifPresent(z -> o.put("zoneId", z));
        claims.serviceInstanceId().ifPresent(i -> o.put("serviceInstanceId", i));
        claims.issuer().ifPresent(i -> o.put("issuer", i));
        o.put("token", reveal ? token.value().reveal() : "***");
        return o;
    }

    /** The token's metadata as aligned lines for people; the value masked unless revealing. */
    static List<String> lines(AccessToken token, String tokenUrl, Clock clock, boolean reveal) {
        TokenClaims claims = token.claims();
        Instant now = clock.instant();
        Duration left = Duration.between(now, token.expiresAt());
        String expiry = token.expiresAt() + (left.isNegative() ? " (expired)" : " (in " + Durations.human(left) + ")");
        return List.of(
                row("client id", claims.clientId().orElse("(not in the token)")),
                row("token URL", tokenUrl),
                row("type", token.type()),
                row("scopes", token.scopes().isEmpty() ? "(none)" : String.join(" ", new TreeSet<>(token.scopes()))),
                row("expires", expiry),
                row("subaccount", claims.subaccountId().orElse("-")),
                row("zone", claims.zoneId().orElse("-")),
                row("token", reveal ? token.value().reveal() : "*** (--reveal prints it)"));
    }

    private static String row(String name, String value) {
        return String.format("  %-11s %s", name, value);
    }
}
