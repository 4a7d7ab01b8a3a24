package io.calmsdk.core.model.internal;

import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.XsSecurityParams;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The differences between desired and actual {@link XsSecurityParams}, from
 * {@link XsSecurityParams#driftFrom(XsSecurityParams)}. Immutable.
 */
public final class XsSecurityDrift {

    private final boolean xsappnameDiffers;
    private final List<CalmScope> missingAuthorities;
    private final List<CalmScope> unexpectedAuthorities;
    private final boolean credentialTypesDiffer;
    private final boolean tokenValidityDiffers;

    /**
     * Compares desired parameters with the actual ones of an instance. Authorities and credential types are
     * compared as sets, scopes by qualified name (so {@code calm-api.tasks.read} and
     * {@code $XSMASTERAPPNAME.calm-api.tasks.read} are the same).
     *
     * @param desired the parameters wanted
     * @param actual the parameters the instance has
     * @return the differences
     */
    public static XsSecurityDrift between(XsSecurityParams desired, XsSecurityParams actual) {
        List<CalmScope> missing = desired.authorities().stream().filter(a -> !actual.authorities().contains(a))
                .collect(Collectors.toList());
        List<CalmScope> extra = actual.authorities().stream().filter(a -> !desired.authorities().contains(a))
                .collect(Collectors.toList());
        return new XsSecurityDrift(
                !desired.xsappname().equals(actual.xsappname()),
                missing,
                extra,
                !new LinkedHashSet<>(desired.credentialTypes()).equals(new LinkedHashSet<>(actual.credentialTypes())),
                !desired.tokenValidity().equals(actual.tokenValidity()));
    }

    private XsSecurityDrift(boolean xsappnameDiffers, List<CalmScope> missingAuthorities, List<CalmScope> unexpectedAuthorities,
            boolean credentialTypesDiffer, boolean tokenValidityDiffers) {
        this.xsappnameDiffers = xsappnameDiffers;
        this.missingAuthorities = List.copyOf(missingAuthorities);
        this.unexpectedAuthorities = List.copyOf(unexpectedAuthorities);
        this.credentialTypesDiffer = credentialTypesDiffer;
        this.tokenValidityDiffers = tokenValidityDiffers;
    }

    /**
     * Whether the xsappnames differ. Not a reason to update: an instance keeps the xsappname it was
     * created with, so adopt the actual one ({@link XsSecurityParams#withXsappname(String)}).
     *
     * @return {@code true} when they differ
     */
    public boolean xsappnameDiffers() {
        return xsappnameDiffers;
    }

    /**
     * Desired scopes the instance lacks.
     *
     * @return the missing scopes
     */
    public List<CalmScope> missingAuthorities() {
        return missingAuthorities;
    }

    /**
     * Scopes the instance has that are not desired.
     *
     * @return the unexpected scopes
     */
    public List<CalmScope> unexpectedAuthorities() {
        return unexpectedAuthorities;
    }

    /**
     * Whether the sets of credential types differ.
     *
     * @return {@code true} when they differ
     */
    public boolean credentialTypesDiffer() {
        return credentialTypesDiffer;
    }

    /**
     * Whether the token validities differ (including one set and one not).
     *
     * @return {@code true} when they differ
     */
    public boolean tokenValidityDiffers() {
        return tokenValidityDiffers;
    }

    /**
     * Whether an update of the instance is needed: authorities, credential types or token validity
     * differ. A differing xsappname alone does not count (see {@link #xsappnameDiffers()}).
     *
     * @return {@code true} when the instance should be updated
     */
    public boolean requiresUpdate() {
        return !missingAuthorities.isEmpty() || !unexpectedAuthorities.isEmpty() || credentialTypesDiffer
                || tokenValidityDiffers;
    }

    /**
     * Whether anything differs, xsappname included.
     *
     * @return {@code false} when desired and actual are equivalent
     */
    public boolean hasDrift() {
        return requiresUpdate() || xsappnameDiffers;
    }

    /**
     * The differences in one line, for logs and messages.
     *
     * @return e.g. {@code missing authorities [$XSMASTERAPPNAME.calm-api.tasks.read]}, or {@code no drift}
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (xsappnameDiffers) {
            parts.add("xsappname differs");
        }
        if (!missingAuthorities.isEmpty()) {
            parts.add("missing authorities " + missingAuthorities);
        }
        if (!unexpectedAuthorities.isEmpty()) {
            parts.add("unexpected authorities " + unexpectedAuthorities);
        }
        if (credentialTypesDiffer) {
            parts.add("credential-types differ");
        }
        if (tokenValidityDiffers) {
            parts.add("token-validity differs");
        }
        return parts.isEmpty() ? "no drift" : String.join("; ", parts);
    }
}
