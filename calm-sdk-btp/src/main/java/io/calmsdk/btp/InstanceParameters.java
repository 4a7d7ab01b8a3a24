package io.calmsdk.btp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.Writes.Change;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.LabelChange;
import io.calmsdk.core.model.Labels;
import io.calmsdk.core.model.LastOperation;
import io.calmsdk.core.model.OperationType;
import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.XsSecurityParams;
import io.calmsdk.core.model.internal.XsSecurityDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift detection for an existing instance: the parameters-hash label answers "unchanged" without a
 * read; otherwise the parameters are read back and compared as sets, and only a real difference, or
 * missing labels, causes an update. Authorities are only ever added: those the instance has beyond the
 * request stay, because others sharing the instance (or SAP's automatic integrations) may depend on
 * them; {@link BindingRequest#removeOtherScopes()} asks for exactly the requested ones, which a plan
 * shows and a real run logs at WARN. The hash label records the parameters the instance ends up with.
 */
final class InstanceParameters {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAlmProvisioner.class);

    private final Reconciliation run;
    private final BindingRequest req;
    private final ServiceInstance chosen;
    private final LastOperation last;

    InstanceParameters(Reconciliation run, ServiceInstance chosen, LastOperation last) {
        this.run = run;
        this.req = run.request();
        this.chosen = chosen;
        this.last = last;
    }

    StepReport reconcile() {
        String managedBy = chosen.labels().first(CloudAlmProvisioner.LABEL_MANAGED).orElse("");
        boolean owned = CloudAlmProvisioner.MANAGED_VALUE.equals(managedBy);
        boolean adoptedBefore = CloudAlmProvisioner.ADOPTED_VALUE.equals(managedBy);
        boolean lastUpdateFailed = last != null && last.isFailed() && OperationType.UPDATE.equals(last.type());
        Optional<String> labelledXsappname = chosen.labels().first(CloudAlmProvisioner.LABEL_XSAPPNAME);
        String storedHash = chosen.labels().first(CloudAlmProvisioner.LABEL_PARAMETERS_HASH).orElse(null);
        XsSecurityParams requested = labelledXsappname.map(x -> req.xsSecurity().withXsappname(x))
                .orElse(req.xsSecurity());
        if (!lastUpdateFailed && requested.contentHash().equals(storedHash)) {
            run.useInstance(chosen, false);
            return StepReport.of(StepResult.Outcome.UNCHANGED, "instance " + chosen.id() + " has the requested parameters",
                    chosen.id());
        }
        Optional<XsSecurityParams> actual = Optional.empty();
        if (run.catalog().instancesRetrievable()) {
            actual = run.serviceManager().instanceParameters(chosen.id()).flatMap(InstanceParameters::readXsSecurity);
        }
        String xsappname = actual.map(XsSecurityParams::xsappname).or(() -> labelledXsappname).orElse(null);
        if (xsappname != null) {
            requested = req.xsSecurity().withXsappname(xsappname);
        }
        if (req.xsappnameGiven() && xsappname != null && !xsappname.equals(req.xsSecurity().xsappname())) {
            LOG.warn("Instance {} keeps the xsappname {} it was created with; the requested {} is ignored",
                    chosen.id(), xsappname, req.xsSecurity().xsappname());
        }
        String id = chosen.id();
        if (actual.isEmpty() && !req.removeOtherScopes()) {
            throw new CalmClientException("the parameters of instance " + id + " cannot be read back, so its"
                    + " authorities cannot be completed without possibly removing some that others rely on; ask for"
                    + " every authority the instance needs and allow removing the rest (removeOtherScopes, CLI"
                    + " --remove-other-scopes)");
        }
        XsSecurityParams target = actual.isEmpty() ? requested
                : req.removeOtherScopes() ? requested
                : owned ? withAuthoritiesOf(requested, actual.get()) : union(requested, actual.get());
        StepResult.Outcome changed = owned || adoptedBefore ? StepResult.Outcome.UPDATED : StepResult.Outcome.ADOPTED;
        String whose = owned ? "" : adoptedBefore ? " (adopted earlier)" : " (adopted: created outside calm-sdk)";
        List<LabelChange> labelChanges = chosen.labels().changesTo(labels(req, target, xsappname != null, owned));
        if (actual.isPresent() && !lastUpdateFailed) {
            XsSecurityDrift drift = XsSecurityDrift.between(target, actual.get());
            if (!drift.requiresUpdate()) {
                if (labelChanges.isEmpty()) {
                    run.useInstance(chosen, false);
                    return StepReport.of(owned || adoptedBefore ? StepResult.Outcome.UNCHANGED : StepResult.Outcome.ADOPTED,
                            "instance " + id + whose + " has the requested parameters", id);
                }
                return run.writes().updateInstance(chosen, null, labelChanges, Change.of(changed, id,
                        "labelled instance " + id + whose + " (parameters already match)",
                        "would label instance " + id + whose + " (parameters already match)"));
            }
            Change update = Change.of(changed, id, "updated instance " + id + whose + ": " + describe(drift),
                    "would update instance " + id + whose + ": " + describe(drift));
            if (!drift.unexpectedAuthorities().isEmpty()) {
                update = update.warning("Instance " + id + whose + ": removing the authorities "
                        + names(drift.unexpectedAuthorities()) + ", which the request does not ask for"
                        + " (removeOtherScopes); whoever else uses the instance loses them");
            }
            return run.writes().updateInstance(chosen, parametersFor(target, true), labelChanges, update);
        }
        return run.writes().updateInstance(chosen, parametersFor(target, xsappname != null), labelChanges,
                Change.of(changed, id, (lastUpdateFailed ? "repeated the failed update of" : "updated") + " instance "
                        + id + whose + (actual.isEmpty() ? " (parameters could not be compared)" : ""),
                        "would update instance " + id + whose + (actual.isEmpty()
                                ? " to exactly the requested parameters (its parameters cannot be read back)"
                                : " (repeating its failed update)"))
                        .warning(actual.isEmpty() ? "Instance " + id + whose + ": its parameters cannot be read"
                                + " back; setting exactly the requested authorities (removeOtherScopes)" : null));
    }

    /** What an update changes, in the words of a plan: added and removed authorities, other settings. */
    private static String describe(XsSecurityDrift drift) {
        List<String> parts = new ArrayList<>();
        if (!drift.missingAuthorities().isEmpty()) {
            parts.add("adds authorities " + names(drift.missingAuthorities()));
        }
        if (!drift.unexpectedAuthorities().isEmpty()) {
            parts.add("removes authorities " + names(drift.unexpectedAuthorities()));
        }
        if (drift.credentialTypesDiffer()) {
            parts.add("credential-types differ");
        }
        if (drift.tokenValidityDiffers()) {
            parts.add("token-validity differs");
        }
        return String.join("; ", parts);
    }

    private static String names(List<CalmScope> scopes) {
        return scopes.stream().map(CalmScope::name).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The requested parameters with the instance's xsappname and its authorities added. */
    private static XsSecurityParams withAuthoritiesOf(XsSecurityParams requested, XsSecurityParams actual) {
        return XsSecurityParams.builder().xsappname(actual.xsappname())
                .addAllAuthorities(actual.authorities()).addAllAuthorities(requested.authorities())
                .addAllCredentialTypes(requested.credentialTypes()).tokenValidity(requested.tokenValidity()).build();
    }

    /** The labels of an instance calm-sdk created ({@code owned}) or adopted, for these parameters. */
    static Labels labels(BindingRequest req, XsSecurityParams desired, boolean xsappnameKnown, boolean owned) {
        Labels labels = Labels.of(req.labels().asMap())
                .with(CloudAlmProvisioner.LABEL_MANAGED, owned ? CloudAlmProvisioner.MANAGED_VALUE
                        : CloudAlmProvisioner.ADOPTED_VALUE)
                .with(CloudAlmProvisioner.LABEL_PARAMETERS_HASH, desired.contentHash());
        return xsappnameKnown ? labels.with(CloudAlmProvisioner.LABEL_XSAPPNAME, desired.xsappname()) : labels;
    }

    /** The requested parameters plus the authorities and credential types the instance already has. */
    private static XsSecurityParams union(XsSecurityParams requested, XsSecurityParams actual) {
        XsSecurityParams.Builder b = XsSecurityParams.builder().xsappname(actual.xsappname())
                .addAllAuthorities(actual.authorities()).addAllAuthorities(requested.authorities());
        actual.credentialTypes().stream().filter(t -> !CredentialType.INSTANCE_SECRET.equals(t))
                .forEach(b::addCredentialTypes);
        b.addAllCredentialTypes(requested.credentialTypes());
        b.tokenValidity(requested.tokenValidity().isPresent() ? requested.tokenValidity() : actual.tokenValidity());
        return b.build();
    }

    private static Optional<XsSecurityParams> readXsSecurity(JsonNode parameters) {
        try {
            return Optional.of(XsSecurityParams.fromJson(parameters.toString()));
        } catch (ValidationException e) {
            LOG.debug("Instance parameters are not xs-security parameters: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The parameters to send; without the xsappname when the instance's is unknown, so the broker keeps it. */
    private static JsonNode parametersFor(XsSecurityParams desired, boolean xsappnameKnown) {
        JsonNode node = Json.mapper().valueToTree(desired);
        if (!xsappnameKnown) {
            ((ObjectNode) node.get("xs-security")).remove("xsappname");
        }
        return node;
    }
}
