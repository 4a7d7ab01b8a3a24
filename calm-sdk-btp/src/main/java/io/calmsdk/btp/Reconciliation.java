package io.calmsdk.btp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.btp.CloudAlmProvisioner.CatalogIds;
import io.calmsdk.btp.internal.Deadline;
import io.calmsdk.btp.internal.RequestStats;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.ConcurrentOperationException;
import io.calmsdk.core.exception.ConflictException;
import io.calmsdk.core.exception.RateLimitedException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import io.calmsdk.core.model.AssignmentInfo;
import io.calmsdk.core.model.BindingName;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.CredentialType;
import io.calmsdk.core.model.EntitledServicePlan;
import io.calmsdk.core.model.EntitlementAssignments;
import io.calmsdk.core.model.EntityState;
import io.calmsdk.core.model.LabelChange;
import io.calmsdk.core.model.Labels;
import io.calmsdk.core.model.LastOperation;
import io.calmsdk.core.model.OperationType;
import io.calmsdk.core.model.PlanCategory;
import io.calmsdk.core.model.ServiceBinding;
import io.calmsdk.core.model.ServiceInstance;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceOffering;
import io.calmsdk.core.model.ServicePlan;
import io.calmsdk.core.model.XsSecurityDrift;
import io.calmsdk.core.model.XsSecurityParams;
import io.calmsdk.core.polling.PollListener;
import io.calmsdk.core.polling.PollResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation of a {@link BindingRequest}: the steps of {@link CloudAlmProvisioner}, with the
 * state gathered on the way. Used by one thread, once.
 */
final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAlmProvisioner.class);
    private static final String SERVICE = BindingRequest.SERVICE_NAME;
    private static final String PLAN = BindingRequest.PLAN_NAME;
    private static final String[] PLAN_NAMES = {PLAN, "sap-cloud-alm-api"};

    private final CloudAlmProvisioner p;
    private final BindingRequest req;
    private final Deadline deadline;
    private final boolean dryRun;
    private final RequestStats stats;
    private final List<StepResult> steps = new ArrayList<>();
    private final CreateGuard guard;
    private ProvisioningStep current;
    private ServiceManagerClient sm;
    private boolean noServiceManagerYet;
    private List<ServiceInstance> named;
    private CatalogIds ids;
    private ServiceInstance instance;
    private boolean instanceCreatedNow;
    private ServiceBinding binding;
    private ServiceKey key;

    Reconciliation(CloudAlmProvisioner p, BindingRequest req, Deadline deadline, RequestStats stats, boolean dryRun) {
        this.p = p;
        this.req = req;
        this.deadline = deadline;
        this.stats = stats;
        this.dryRun = dryRun;
        this.guard = new CreateGuard(deadline, p.settings());
    }

    // ================================================================ entry points

    ProvisioningResult ensure() {
        step(ProvisioningStep.ENTITLEMENT, this::entitlement);
        step(ProvisioningStep.OFFERING_AND_PLAN, this::offeringAndPlan);
        step(ProvisioningStep.INSTANCE, this::instance);
        step(ProvisioningStep.BINDING, () -> binding(null));
        step(ProvisioningStep.VERIFY, this::verify);
        return new ProvisioningResult(req, key, instance, binding, steps, stats.reads(), stats.writes(),
                deadline.elapsed());
    }

    ProvisioningPlan plan() {
        step(ProvisioningStep.ENTITLEMENT, this::entitlement);
        step(ProvisioningStep.OFFERING_AND_PLAN, this::offeringAndPlan);
        step(ProvisioningStep.INSTANCE, this::instance);
        step(ProvisioningStep.BINDING, () -> binding(null));
        step(ProvisioningStep.VERIFY, this::verify);
        return new ProvisioningPlan(req, steps, stats.reads() + stats.writes());
    }

    /** First half of a rotation: the new binding; returns the old bindings to retire after the grace period. */
    List<ServiceBinding> rotateCreate(List<StepResult> into) {
        step(ProvisioningStep.ENTITLEMENT, this::entitlement);
        step(ProvisioningStep.OFFERING_AND_PLAN, this::offeringAndPlan);
        step(ProvisioningStep.INSTANCE, this::instance);
        List<ServiceBinding> old = new ArrayList<>();
        String suffix = "-" + Long.toString(p.settings().clock().millis(), 36);
        String base = req.bindingName().value();
        String newName = BindingName.of(base.length() + suffix.length() > BindingName.MAX_LENGTH
                ? base.substring(0, BindingName.MAX_LENGTH - suffix.length()) + suffix : base + suffix).value();
        step(ProvisioningStep.BINDING, () -> {
            old.addAll(logicalBindings());
            return binding(newName);
        });
        step(ProvisioningStep.VERIFY, this::verify);
        into.addAll(steps);
        return old;
    }

    /** The new binding and key of {@link #rotateCreate}. */
    ProvisioningResult currentResult() {
        return new ProvisioningResult(req, key, instance, binding, steps, stats.reads(), stats.writes(),
                deadline.elapsed());
    }

    /** Second half of a rotation, after the grace period: deletes the old bindings. */
    List<String> retire(List<ServiceBinding> old, List<StepResult> into) {
        List<String> retired = new ArrayList<>();
        step(ProvisioningStep.BINDING, () -> {
            serviceManager();
            for (ServiceBinding b : old) {
                deleteBinding(b);
                retired.add(b.id());
            }
            return done(retired.isEmpty() ? StepOutcome.UNCHANGED : StepOutcome.DELETED,
                    retired.isEmpty() ? "no old binding to retire" : "retired old binding(s) " + retired, null);
        });
        into.addAll(steps);
        return retired;
    }

    DeprovisioningResult deprovision(boolean removeEntitlement) {
        List<ServiceInstance> targets = new ArrayList<>();
        step(ProvisioningStep.BINDING, () -> {
            serviceManager();
            String planId = Optional.ofNullable(p.catalogIds(sm.endpoint(), req.subaccountId())).map(c -> c.planId).orElse(null);
            for (ServiceInstance i : named()) {
                if (planId == null || i.servicePlanId().map(planId::equals).orElse(true)) {
                    targets.add(i);
                }
            }
            int deleted = 0;
            for (ServiceInstance i : targets) {
                for (ServiceBinding b : logicalBindings(i.id())) {
                    deleteBinding(b);
                    deleted++;
                }
            }
            return done(deleted == 0 ? StepOutcome.UNCHANGED : StepOutcome.DELETED,
                    deleted == 0 ? "no binding named " + req.bindingName() : "deleted " + deleted + " binding(s)", null);
        });
        step(ProvisioningStep.INSTANCE, () -> {
            if (targets.isEmpty()) {
                return done(StepOutcome.UNCHANGED, "no instance named " + req.instanceName(), null);
            }
            List<String> deleted = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (ServiceInstance i : targets) {
                List<ServiceBinding> others = sm.listBindings(ListQuery.builder()
                        .field("service_instance_id", i.id()).build()).stream().collect(Collectors.toList());
                if (!others.isEmpty()) {
                    kept.add(i.id() + " (" + others.size() + " other binding(s))");
                    continue;
                }
                deleteInstance(i);
                deleted.add(i.id());
            }
            if (deleted.isEmpty()) {
                return done(StepOutcome.SKIPPED, "kept instance " + kept + ": other bindings use it", null);
            }
            return done(StepOutcome.DELETED, "deleted instance(s) " + deleted
                    + (kept.isEmpty() ? "" : "; kept " + kept), deleted.get(0));
        });
        p.forgetEntitlement(req.subaccountId());
        if (removeEntitlement) {
            step(ProvisioningStep.ENTITLEMENT, () -> {
                EntitlementsClient ent = p.entitlements();
                if (ent.unassign(req.subaccountId(), SERVICE, PLAN).isEmpty()
                        && ent.getAssignment(req.subaccountId(), SERVICE, PLAN).isEmpty()) {
                    return done(StepOutcome.UNCHANGED, "plan was not assigned", req.subaccountId());
                }
                ent.awaitUnassignment(req.subaccountId(), SERVICE, PLAN, guard.remaining(), pollListener());
                return done(StepOutcome.DELETED, "removed " + SERVICE + "/" + PLAN + " from the subaccount",
                        req.subaccountId());
            });
        } else {
            steps.add(StepResult.of(ProvisioningStep.ENTITLEMENT, StepOutcome.SKIPPED, "entitlement kept", null,
                    Duration.ZERO));
        }
        return new DeprovisioningResult(req, steps, stats.reads() + stats.writes(), deadline.elapsed());
    }

    // ================================================================ step 1: entitlement

    private Done entitlement() {
        if (req.skipEntitlement()) {
            return done(StepOutcome.SKIPPED, "skipped by the request", null);
        }
        String sub = req.subaccountId();
        if (p.entitlementConfirmed(sub)) {
            return done(StepOutcome.UNCHANGED, "confirmed earlier by this provisioner", sub);
        }
        Optional<ServiceInstance> own = ownInstanceWithoutWrites();
        if (own.isPresent()) {
            p.confirmEntitlement(sub);
            return done(StepOutcome.UNCHANGED, "implied by instance " + own.get().id() + " created by calm-sdk", sub);
        }
        EntitlementsClient ent = p.entitlements();
        EntitlementAssignments assignments = ent.getAssignments(sub, SERVICE, PLAN);
        Optional<AssignmentInfo> assignment = EntitlementsClient.assignmentIn(assignments, sub, SERVICE, PLAN);
        if (assignment.isPresent()) {
            AssignmentInfo a = assignment.get();
            EntityState state = a.entityState().orElse(EntityState.OK);
            // An amount of 0 means "removed" for quota plans only; plans assigned with enable carry no amount.
            boolean enableMode = entitledPlan(assignments).flatMap(EntitledServicePlan::category)
                    .flatMap(PlanCategory::assignmentMode).map(m -> m == io.calmsdk.core.model.AssignmentMode.ENABLE)
                    .orElse(false);
            boolean removed = !enableMode && a.amount().map(x -> x == 0).orElse(false)
                    && a.requestedAmount().map(x -> x == 0).orElse(true);
            if (state.isOk() && !removed) {
                p.confirmEntitlement(sub);
                return done(StepOutcome.UNCHANGED, SERVICE + "/" + PLAN + " already assigned", sub);
            }
            if (state.isPending()) {
                if (dryRun) {
                    return done(StepOutcome.UNCHANGED, "an assignment is in progress (" + state.value() + ")", sub);
                }
                ent.awaitAssignment(sub, SERVICE, PLAN, guard.remaining(), pollListener());
                p.confirmEntitlement(sub);
                return done(StepOutcome.UNCHANGED, "waited for an assignment started elsewhere", sub);
            }
        }
        EntitledServicePlan plan = entitledPlan(assignments).orElseThrow(() -> new EntitlementUnavailableException(
                EntitlementUnavailableException.Reason.NOT_ENTITLED, sub, req.instanceName().value(),
                "the global account has no entitlement for " + SERVICE + "/" + PLAN
                        + "; add the service plan to the global account (SAP Cloud ALM comes with it) and try again",
                steps));
        if (!plan.hasRemainingQuota()) {
            throw new EntitlementUnavailableException(EntitlementUnavailableException.Reason.NO_QUOTA, sub,
                    req.instanceName().value(), "the global account's quota of " + SERVICE + "/" + PLAN
                    + " is used up (" + plan.amount().map(Reconciliation::amount).orElse("?") + " assigned elsewhere,"
                    + " 0 remaining); free a unit in another subaccount or increase the quota", steps);
        }
        PlanCategory category = plan.category().orElse(PlanCategory.SERVICE);
        String how = category.assignmentMode().map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).orElse("amount");
        if (dryRun) {
            return done(StepOutcome.CREATED, "would assign " + SERVICE + "/" + PLAN + " (" + how + ")", sub);
        }
        try {
            ent.assign(sub, SERVICE, plan.name(), category, 1);
        } catch (ConflictException e) {
            LOG.info("Entitlement of {}/{} to {} is being changed by another caller; waiting for it", SERVICE, PLAN, sub);
        } catch (CalmServiceException e) {
            if (e.status() == 400 && e.errorCode().map("11005"::equals).orElse(false)) {
                throw new EntitlementUnavailableException(EntitlementUnavailableException.Reason.NO_QUOTA, sub,
                        req.instanceName().value(), "the service refused the assignment for lack of quota: "
                        + e.errorMessage().orElse(e.getMessage()), steps);
            }
            throw e;
        }
        ent.awaitAssignment(sub, SERVICE, plan.name(), guard.remaining(), pollListener());
        p.confirmEntitlement(sub);
        return done(StepOutcome.CREATED, "assigned " + SERVICE + "/" + plan.name() + " (" + how + ")", sub);
    }

    private static String amount(Double d) {
        return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }

    private static Optional<EntitledServicePlan> entitledPlan(EntitlementAssignments a) {
        for (String name : PLAN_NAMES) {
            Optional<EntitledServicePlan> plan = a.entitledPlan(SERVICE, name);
            if (plan.isPresent()) {
                return plan;
            }
        }
        return Optional.empty();
    }

    // ================================================================ step 2: offering and plan

    private Done offeringAndPlan() {
        if (!serviceManager()) {
            return done(StepOutcome.UNCHANGED, "not looked up: the subaccount has no Service Manager binding yet", null);
        }
        CatalogIds cached = p.catalogIds(sm.endpoint(), req.subaccountId());
        if (cached != null) {
            ids = cached;
            return done(StepOutcome.UNCHANGED, "plan " + PLAN + " (cached)", cached.planId);
        }
        Optional<ServiceInstance> own = ownInstanceWithoutWrites();
        if (own.isPresent() && own.get().servicePlanId().isPresent()) {
            ids = new CatalogIds(null, own.get().servicePlanId().get(), true);
            p.rememberCatalog(sm.endpoint(), req.subaccountId(), ids);
            return done(StepOutcome.UNCHANGED, "plan of instance " + own.get().id() + " created by calm-sdk", ids.planId);
        }
        if (dryRun) {
            Optional<CatalogIds> found = lookUpPlan();
            if (found.isEmpty()) {
                return done(StepOutcome.UNCHANGED, "plan " + PLAN + " not visible yet: it appears once the subaccount is"
                        + " entitled", null);
            }
            ids = found.get();
            return done(StepOutcome.UNCHANGED, "found plan " + PLAN + " of " + SERVICE, ids.planId);
        }
        String awaited = "plan " + PLAN + " of " + SERVICE + " to appear in the subaccount's Service Manager";
        ids = sm.poller(guard.remaining(), pollListener()).<CatalogIds>poll(awaited, () -> lookUpPlan()
                .map(found -> PollResponse.succeeded("visible", found))
                .orElseGet(() -> PollResponse.inProgress("not visible (is the subaccount entitled?)")))
                .value().orElseThrow();
        p.rememberCatalog(sm.endpoint(), req.subaccountId(), ids);
        return done(StepOutcome.UNCHANGED, "found plan " + PLAN + " of " + SERVICE, ids.planId);
    }

    private Optional<CatalogIds> lookUpPlan() {
        Optional<ServiceOffering> offering = sm.findOffering(SERVICE);
        if (offering.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServicePlan> plan = sm.findPlan(offering.get().id(), PLAN_NAMES);
        return plan.map(pl -> new CatalogIds(offering.get().id(), pl.id(),
                offering.get().instancesRetrievable().orElse(true)));
    }

    // ================================================================ step 3: instance

    private Done instance() {
        if (!serviceManager() || ids == null) {
            return done(StepOutcome.CREATED, "would create instance " + req.instanceName()
                    + " once the plan is visible", null);
        }
        String replaced = null;
        int conflicts = 0;
        while (true) {
            guard.checkDeadline();
            List<ServiceInstance> candidates = named().stream()
                    .filter(i -> i.servicePlanId().map(ids.planId::equals).orElse(true))
                    .collect(Collectors.toList());
            if (candidates.size() > 1) {
                LOG.warn("{} instances named {} of plan {} exist in subaccount {}: using {}; calm-sdk never creates"
                        + " another", candidates.size(), req.instanceName(), ids.planId, req.subaccountId(),
                        choose(candidates).id());
            }
            ServiceInstance chosen = candidates.isEmpty() ? null : choose(candidates);
            if (chosen == null) {
                XsSecurityParams desired = req.xsSecurity();
                if (dryRun) {
                    return done(StepOutcome.CREATED, "would create instance " + req.instanceName() + " with xsappname "
                            + desired.xsappname(), null);
                }
                if (conflicts >= 3 && !named().isEmpty()) {
                    throw new CalmClientException("an instance named " + req.instanceName() + " exists in subaccount "
                            + req.subaccountId() + " but not of plan " + PLAN + " of " + SERVICE + " (its plan: "
                            + named().stream().map(i -> i.servicePlanId().orElse("?")).distinct()
                            .collect(Collectors.joining(", ")) + "); choose another instance name");
                }
                Optional<String> created = createInstance(desired, conflicts++);
                if (created.isEmpty()) {
                    continue; // someone else created it, or the create must be re-evaluated: look again
                }
                instance = readInstance(created.get());
                instanceCreatedNow = true;
                return done(StepOutcome.CREATED, (replaced == null ? "created" : "replaced " + replaced + " with")
                        + " instance " + req.instanceName() + " (xsappname " + desired.xsappname() + ")", instance.id());
            }
            LastOperation last = chosen.lastOperation().orElse(null);
            if (last != null && !last.isTerminal()) {
                if (dryRun) {
                    return done(StepOutcome.UNCHANGED, "instance " + chosen.id() + " has a " + last.type().value()
                            + " operation in progress", chosen.id());
                }
                awaitInstanceOperation(chosen, last);
                named = null;
                continue;
            }
            if (failedCreate(chosen, last)) {
                String why = last == null ? "it is not ready" : last.errorSummary();
                if (dryRun) {
                    return done(StepOutcome.CREATED, "would replace instance " + chosen.id() + " whose creation failed ("
                            + why + ")", chosen.id());
                }
                LOG.warn("Instance {} ({}) failed to create ({}); deleting it to create it again", req.instanceName(),
                        chosen.id(), why);
                deleteInstance(chosen);
                replaced = "instance " + chosen.id() + " whose creation had failed";
                named = null;
                continue;
            }
            return reconcileParameters(chosen, last);
        }
    }

    private Done reconcileParameters(ServiceInstance chosen, LastOperation last) {
        String managedBy = chosen.labels().first(CloudAlmProvisioner.LABEL_MANAGED).orElse("");
        boolean created = CloudAlmProvisioner.MANAGED_VALUE.equals(managedBy);
        boolean adoptedBefore = CloudAlmProvisioner.ADOPTED_VALUE.equals(managedBy);
        boolean lastUpdateFailed = last != null && last.isFailed() && OperationType.UPDATE.equals(last.type());
        Optional<String> labelledXsappname = chosen.labels().first(CloudAlmProvisioner.LABEL_XSAPPNAME);
        String storedHash = chosen.labels().first(CloudAlmProvisioner.LABEL_PARAMETERS_HASH).orElse(null);
        XsSecurityParams requested = labelledXsappname.map(x -> req.xsSecurity().withXsappname(x)).orElse(req.xsSecurity());
        if (!lastUpdateFailed && requested.contentHash().equals(storedHash)) {
            instance = chosen;
            return done(StepOutcome.UNCHANGED, "instance " + chosen.id() + " has the requested parameters", chosen.id());
        }
        Optional<XsSecurityParams> actual = Optional.empty();
        if (ids.instancesRetrievable) {
            actual = sm.instanceParameters(chosen.id()).flatMap(Reconciliation::readXsSecurity);
        }
        String xsappname = actual.map(XsSecurityParams::xsappname).or(() -> labelledXsappname).orElse(null);
        if (xsappname != null) {
            requested = req.xsSecurity().withXsappname(xsappname);
        }
        if (req.xsappnameGiven() && xsappname != null && !xsappname.equals(req.xsSecurity().xsappname())) {
            LOG.warn("Instance {} keeps the xsappname {} it was created with; the requested {} is ignored",
                    chosen.id(), xsappname, req.xsSecurity().xsappname());
        }
        // An instance calm-sdk did not create may serve others (SAP's automatic integrations): their
        // authorities are kept and the requested ones added; only calm-sdk's own instances are set exactly.
        boolean owned = created;
        XsSecurityParams target = owned || actual.isEmpty() ? requested : union(requested, actual.get());
        StepOutcome changed = owned || adoptedBefore ? StepOutcome.UPDATED : StepOutcome.ADOPTED;
        String whose = owned ? "" : adoptedBefore ? " (adopted earlier)" : " (adopted: created outside calm-sdk)";
        Labels labels = instanceLabels(requested, xsappname != null, owned);
        List<LabelChange> labelChanges = chosen.labels().changesTo(labels);
        if (actual.isPresent() && !lastUpdateFailed) {
            XsSecurityDrift drift = target.driftFrom(actual.get());
            if (!drift.requiresUpdate()) {
                if (labelChanges.isEmpty()) {
                    instance = chosen;
                    return done(owned || adoptedBefore ? StepOutcome.UNCHANGED : StepOutcome.ADOPTED, "instance "
                            + chosen.id() + whose + " has the requested parameters", chosen.id());
                }
                if (dryRun) {
                    return done(changed, "would label instance " + chosen.id() + whose + " (parameters already match)",
                            chosen.id());
                }
                instance = updateInstance(chosen, null, labelChanges);
                return done(changed, "labelled instance " + chosen.id() + whose + " (parameters already match)",
                        chosen.id());
            }
            if (dryRun) {
                return done(changed, "would update instance " + chosen.id() + whose + ": " + drift, chosen.id());
            }
            instance = updateInstance(chosen, parametersFor(target, true), labelChanges);
            return done(changed, "updated instance " + chosen.id() + whose + ": " + drift, chosen.id());
        }
        if (!owned && actual.isEmpty()) {
            LOG.warn("The parameters of instance {} cannot be read back: its authorities are set to the requested ones;"
                    + " authorities granted by whoever created it are not kept", chosen.id());
        }
        if (dryRun) {
            return done(changed, "would update instance " + chosen.id() + whose + " (its parameters cannot be read"
                    + " back)", chosen.id());
        }
        instance = updateInstance(chosen, parametersFor(target, xsappname != null), labelChanges);
        return done(changed, (lastUpdateFailed ? "repeated the failed update of" : "updated") + " instance "
                + chosen.id() + whose + (actual.isEmpty() ? " (parameters could not be compared)" : ""), chosen.id());
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

    private Labels instanceLabels(XsSecurityParams desired, boolean xsappnameKnown, boolean owned) {
        Labels labels = Labels.of(req.labels().asMap())
                .with(CloudAlmProvisioner.LABEL_MANAGED, owned ? CloudAlmProvisioner.MANAGED_VALUE
                        : CloudAlmProvisioner.ADOPTED_VALUE)
                .with(CloudAlmProvisioner.LABEL_PARAMETERS_HASH, desired.contentHash());
        return xsappnameKnown ? labels.with(CloudAlmProvisioner.LABEL_XSAPPNAME, desired.xsappname()) : labels;
    }

    private static boolean failedCreate(ServiceInstance i, LastOperation last) {
        if (last != null && last.isFailed() && OperationType.CREATE.equals(last.type())) {
            return true;
        }
        return last != null && last.isTerminal() && !i.ready().orElse(true) && !OperationType.DELETE.equals(last.type());
    }

    /** Ours first, then ready ones, then the oldest: the choice every caller makes the same way. */
    private static ServiceInstance choose(List<ServiceInstance> candidates) {
        return candidates.stream().min(Comparator
                .comparing((ServiceInstance i) -> !CloudAlmProvisioner.isManaged(i.labels()))
                .thenComparing(i -> !i.ready().orElse(false))
                .thenComparing(i -> i.createdAt().orElse(Instant.MAX))
                .thenComparing(ServiceInstance::id)).orElseThrow();
    }

    /** Creates the instance; empty when it must be looked up again (409, a lost answer that took effect, 422). */
    private Optional<String> createInstance(XsSecurityParams desired, int conflictsSoFar) {
        if (conflictsSoFar > 0) {
            // A 409 whose instance the list did not show yet: give the service a moment before asking again.
            guard.pause(guard.backoff(conflictsSoFar), "instance to become visible");
        }
        String what = "create service instance " + req.instanceName();
        Optional<PendingOperation> op = guard.submitCreate(what,
                () -> sm.submitCreateInstance(req.instanceName().value(), ids.planId, Json.mapper().valueToTree(desired),
                        instanceLabels(desired, true, true)),
                () -> {
                    named = null;
                    return named().stream().anyMatch(i -> i.servicePlanId().map(ids.planId::equals).orElse(true));
                });
        named = null;
        if (op.isEmpty()) {
            return Optional.empty();
        }
        sm.awaitOperation(op.get(), guard.remaining(), pollListener());
        String id = op.get().resourceId().orElse(null);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private ServiceInstance readInstance(String id) {
        return sm.getInstance(id).orElseThrow(() -> new CalmClientException("instance " + id
                + " was created but cannot be read back"));
    }

    private ServiceInstance updateInstance(ServiceInstance chosen, JsonNode parameters, List<LabelChange> labels) {
        String what = "update service instance " + chosen.id();
        int attempt = 0;
        while (true) {
            attempt++;
            guard.checkDeadline();
            try {
                PendingOperation op = sm.submitUpdateInstance(chosen.id(), parameters, labels);
                sm.awaitOperation(op, guard.remaining(), pollListener());
                named = null;
                return readInstance(chosen.id());
            } catch (ConcurrentOperationException e) {
                LOG.info("{}: another operation is running (422); waiting for it", what);
                waitForIdleInstance(chosen.id());
            } catch (RateLimitedException e) {
                guard.pause(e.retryAfter().orElse(p.settings().retryPolicy().backoff(attempt)), what + " (rate limited)");
            }
        }
    }

    private void awaitInstanceOperation(ServiceInstance i, LastOperation last) {
        String what = last.type().value() + " of service instance " + i.name() + " (" + i.id() + ", started elsewhere)";
        if (last.id().isPresent()) {
            PendingOperation op = new PendingOperation(what, ServiceManagerClient.INSTANCES, i.id(),
                    sm.operationUrl(ServiceManagerClient.INSTANCES, i.id(), last.id().get()), 202);
            sm.awaitOperation(op, guard.remaining(), pollListener());
        } else {
            waitForIdleInstance(i.id());
        }
    }

    private void waitForIdleInstance(String id) {
        sm.poller(guard.remaining(), pollListener()).<Boolean>poll("operation on service instance " + id + " to finish", () -> {
            Optional<ServiceInstance> now = sm.getInstance(id);
            Optional<LastOperation> last = now.flatMap(ServiceInstance::lastOperation);
            if (now.isEmpty() || last.isEmpty() || last.get().isTerminal()) {
                return PollResponse.succeeded(last.map(l -> l.state().value()).orElse("idle"), Boolean.TRUE);
            }
            return PollResponse.inProgress(last.get().state().value());
        });
    }

    private void deleteInstance(ServiceInstance i) {
        int attempt = 0;
        while (true) {
            attempt++;
            guard.checkDeadline();
            try {
                sm.awaitOperation(sm.beginDeleteInstance(i.id()), guard.remaining(), pollListener());
                named = null;
                return;
            } catch (ConcurrentOperationException e) {
                waitForIdleInstance(i.id());
            } catch (RateLimitedException e) {
                guard.pause(e.retryAfter().orElse(p.settings().retryPolicy().backoff(attempt)), "delete instance (rate limited)");
            }
        }
    }

    // ================================================================ step 4: binding

    private Done binding(String rotationName) {
        if (!serviceManager() || instance == null) {
            return done(StepOutcome.CREATED, "would create binding " + req.bindingName() + " once the instance exists",
                    null);
        }
        String name = rotationName != null ? rotationName : req.bindingName().value();
        String replaced = null;
        int conflicts = 0;
        boolean mayExist = !instanceCreatedNow;
        while (true) {
            guard.checkDeadline();
            List<ServiceBinding> candidates = !mayExist ? List.of()
                    : rotationName != null ? bindingsNamed(rotationName) : logicalBindings();
            mayExist = true;
            ServiceBinding chosen = chooseBinding(candidates);
            if (chosen == null) {
                if (dryRun) {
                    return done(StepOutcome.CREATED, "would create binding " + name + " on instance " + instance.id(),
                            null);
                }
                if (conflicts > 0) {
                    guard.pause(guard.backoff(conflicts), "binding to become visible");
                }
                Optional<ServiceBinding> created = createBinding(name);
                if (created.isEmpty()) {
                    conflicts++;
                    continue;
                }
                binding = created.get();
                key = keyOf(binding);
                return done(StepOutcome.CREATED, (replaced == null ? "created" : "replaced " + replaced + " with")
                        + " binding " + name, binding.id());
            }
            LastOperation last = chosen.lastOperation().orElse(null);
            if (last != null && !last.isTerminal()) {
                if (dryRun) {
                    return done(StepOutcome.UNCHANGED, "binding " + chosen.id() + " is being created", chosen.id());
                }
                String what = "create service binding " + chosen.name() + " (" + chosen.id() + ", started elsewhere)";
                if (last.id().isPresent()) {
                    sm.awaitOperation(new PendingOperation(what, ServiceManagerClient.BINDINGS, chosen.id(),
                            sm.operationUrl(ServiceManagerClient.BINDINGS, chosen.id(), last.id().get()), 202),
                            guard.remaining(), pollListener());
                } else {
                    guard.pause(p.settings().pollingOptions().initialDelay(), what);
                }
                continue;
            }
            boolean failed = last != null && last.isFailed() && OperationType.CREATE.equals(last.type())
                    || !chosen.ready().orElse(true);
            if (failed) {
                if (dryRun) {
                    return done(StepOutcome.CREATED, "would replace binding " + chosen.id() + " whose creation failed",
                            chosen.id());
                }
                LOG.warn("Binding {} ({}) failed to create ({}); deleting it to create it again", chosen.name(),
                        chosen.id(), last == null ? "not ready" : last.errorSummary());
                deleteBinding(chosen);
                replaced = "binding " + chosen.id() + " whose creation had failed";
                continue;
            }
            if (dryRun) {
                return done(StepOutcome.UNCHANGED, "binding " + chosen.id() + " exists", chosen.id());
            }
            binding = chosen.credentials().filter(c -> !c.isEmpty()).isPresent() ? chosen
                    : sm.getBinding(chosen.id()).orElse(null);
            if (binding == null) {
                continue; // deleted in between: look again
            }
            key = keyOf(binding);
            boolean ours = CloudAlmProvisioner.isManaged(chosen.labels());
            return done(ours ? StepOutcome.UNCHANGED : StepOutcome.ADOPTED, "reused binding " + chosen.name() + " ("
                    + chosen.id() + ")", chosen.id());
        }
    }

    private static ServiceKey keyOf(ServiceBinding b) {
        return b.credentials().filter(c -> !c.isEmpty()).orElseThrow(() -> new CalmClientException("binding "
                + b.id() + " has no credentials")).asServiceKey();
    }

    private Optional<ServiceBinding> createBinding(String name) {
        Labels labels = Labels.of(req.labels().asMap())
                .with(CloudAlmProvisioner.LABEL_MANAGED, CloudAlmProvisioner.MANAGED_VALUE)
                .with(CloudAlmProvisioner.LABEL_BINDING, req.bindingName().value());
        Optional<PendingOperation> op = guard.submitCreate("create service binding " + name,
                () -> sm.submitCreateBinding(instance.id(), name, req.bindingParametersJson(), labels),
                () -> !bindingsNamed(name).isEmpty());
        if (op.isEmpty()) {
            return Optional.empty();
        }
        sm.awaitOperation(op.get(), guard.remaining(), pollListener());
        Optional<String> id = op.get().resourceId();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return sm.getBinding(id.get());
    }

    /** The bindings of the request's binding name on the instance, including rotated ones (by label). */
    private List<ServiceBinding> logicalBindings() {
        return logicalBindings(instance.id());
    }

    private List<ServiceBinding> logicalBindings(String instanceId) {
        String name = req.bindingName().value();
        return sm.listBindings(ListQuery.builder().field("service_instance_id", instanceId).build()).stream()
                .filter(b -> b.name().equals(name) || b.labels().values(CloudAlmProvisioner.LABEL_BINDING).contains(name))
                .collect(Collectors.toList());
    }

    private List<ServiceBinding> bindingsNamed(String name) {
        return sm.listBindings(ListQuery.builder().field("service_instance_id", instance.id()).field("name", name)
                .build()).stream().collect(Collectors.toList());
    }

    /** The newest ready binding, else one in progress, else a failed one. */
    private static ServiceBinding chooseBinding(List<ServiceBinding> candidates) {
        return candidates.stream().min(Comparator
                .comparing((ServiceBinding b) -> rank(b))
                .thenComparing(b -> b.createdAt().orElse(Instant.MIN), Comparator.reverseOrder())
                .thenComparing(ServiceBinding::id)).orElse(null);
    }

    private static int rank(ServiceBinding b) {
        Optional<LastOperation> last = b.lastOperation();
        if (last.isPresent() && !last.get().isTerminal()) {
            return 1;
        }
        if (last.isPresent() && last.get().isFailed() || !b.ready().orElse(true)) {
            return 2;
        }
        return 0;
    }

    private void deleteBinding(ServiceBinding b) {
        int attempt = 0;
        while (true) {
            attempt++;
            guard.checkDeadline();
            try {
                sm.awaitOperation(sm.beginDeleteBinding(b.id()), guard.remaining(), pollListener());
                return;
            } catch (ConcurrentOperationException e) {
                guard.pause(e.retryAfter().orElse(p.settings().retryPolicy().backoff(attempt)), "delete binding (422)");
            } catch (RateLimitedException e) {
                guard.pause(e.retryAfter().orElse(p.settings().retryPolicy().backoff(attempt)), "delete binding (rate limited)");
            }
        }
    }

    // ================================================================ step 5: verify

    private Done verify() {
        if (!req.verify()) {
            return done(StepOutcome.SKIPPED, "not requested", null);
        }
        if (dryRun || key == null) {
            return done(StepOutcome.SKIPPED, "verified with a token once the key exists", null);
        }
        AccessToken token;
        try (ClientCredentialsTokenProvider tokens = p.settings().tokenProvider().credentials(key).build()) {
            token = tokens.token();
        }
        List<String> granted = new ArrayList<>(token.scopes());
        List<String> missing = new ArrayList<>();
        for (CalmScope scope : req.xsSecurity().authorities()) {
            if (granted.stream().noneMatch(scope::matchesTokenScope)) {
                missing.add(scope.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ScopeVerificationException(req.subaccountId(), req.instanceName().value(), missing, granted, steps);
        }
        return done(StepOutcome.UNCHANGED, "a token of the key carries all " + req.xsSecurity().authorities().size()
                + " requested authorities", null);
    }

    // ================================================================ shared mechanics

    private boolean serviceManager() {
        if (sm != null) {
            return true;
        }
        if (noServiceManagerYet) {
            return false;
        }
        if (dryRun && !p.hasServiceManagerFor(req.subaccountId())) {
            Optional<ServiceManagerClient> readOnly = p.existingServiceManagerFor(req.subaccountId());
            if (readOnly.isEmpty()) {
                noServiceManagerYet = true;
                return false;
            }
            sm = readOnly.get();
            return true;
        }
        sm = p.serviceManagerFor(req.subaccountId());
        return true;
    }

    private List<ServiceInstance> named() {
        if (named == null) {
            named = sm.listInstances(ListQuery.builder().field("name", req.instanceName().value()).build()).stream()
                    .collect(Collectors.toList());
        }
        return named;
    }

    /** An instance of the request's name that calm-sdk created, found without writing anything. */
    private Optional<ServiceInstance> ownInstanceWithoutWrites() {
        if (sm == null && !p.hasServiceManagerFor(req.subaccountId())) {
            return Optional.empty();
        }
        serviceManager();
        CatalogIds cached = p.catalogIds(sm.endpoint(), req.subaccountId());
        return named().stream()
                .filter(i -> CloudAlmProvisioner.isManaged(i.labels()))
                .filter(i -> cached == null || i.servicePlanId().map(cached.planId::equals).orElse(true))
                .filter(i -> i.ready().orElse(false) && i.lastOperation().map(LastOperation::isTerminal).orElse(true))
                .findFirst();
    }

    private void step(ProvisioningStep step, Supplier<Done> body) {
        current = step;
        notify(() -> p.listener().onStepStarted(req, step));
        Instant start = p.settings().clock().instant();
        try {
            guard.checkDeadline();
            Done d = body.get();
            StepResult r = StepResult.of(step, d.outcome, d.detail, d.resourceId,
                    Duration.between(start, p.settings().clock().instant()));
            steps.add(r);
            LOG.debug("{} {}: {}", req.instanceName(), step.words(), r);
            notify(() -> p.listener().onStepFinished(req, r));
        } catch (ProvisioningException e) {
            notify(() -> p.listener().onStepFailed(req, step, e));
            throw e;
        } catch (CalmException e) {
            ProvisioningException pe = new ProvisioningException(step, req.subaccountId(), req.instanceName().value(),
                    e.getMessage(), steps, e);
            notify(() -> p.listener().onStepFailed(req, step, pe));
            throw pe;
        }
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("The provisioning listener failed; ignored: {}", e.toString());
        }
    }

    private PollListener pollListener() {
        ProvisioningStep step = current;
        return progress -> notify(() -> p.listener().onStepProgress(req, step, progress));
    }

    private static Done done(StepOutcome outcome, String detail, String resourceId) {
        return new Done(outcome, detail, resourceId);
    }

    /** What a step did. */
    private static final class Done {
        final StepOutcome outcome;
        final String detail;
        final String resourceId;

        Done(StepOutcome outcome, String detail, String resourceId) {
            this.outcome = outcome;
            this.detail = detail;
            this.resourceId = resourceId;
        }
    }
}
