package io.calmsdk.testkit.internal.world;

import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.SimulatorBuilder.PrivateKeyFormat;
import io.calmsdk.testkit.SimulatorBuilder.RetryAfterFormat;
import io.calmsdk.testkit.SimulatorBuilder.ServiceManagerLimits;
import java.time.Duration;
import java.util.List;

/**
 * The simulator's fixed configuration, as set on {@code SimulatorBuilder}.
 *
 * @param basePort first port, or 0 for random ports
 * @param workerThreads request worker threads shared by all hosts
 * @param tokenLifetime default lifetime of issued tokens
 * @param operationPolls observations before a Service Manager operation can finish
 * @param operationDuration simulated time before a Service Manager operation can finish
 * @param entitlementPolls observations before an entitlement assignment can finish
 * @param entitlementDuration simulated time before an entitlement assignment can finish
 * @param planVisibilityReads catalog reads before a freshly entitled plan shows in Service Manager
 * @param planVisibilityDelay simulated time before a freshly entitled plan shows in Service Manager
 * @param defaultPageSize Service Manager page size when {@code max_items} is absent
 * @param maxPageSize largest accepted {@code max_items}
 * @param serviceManagerLimits rate limits
 * @param globalAccountPlans plans the global account owns
 * @param defaultSubaccountId id of the subaccount that always exists
 * @param defaultSubaccountSubdomain its subdomain
 * @param cloudAlmMasterApp XSUAA master application of the Cloud ALM API broker, e.g. {@code calm-api!b1234}
 * @param mtlsAtStart whether to start the mutual-TLS token endpoint at once
 * @param retryAfterFormat form of Service Manager's Retry-After
 * @param x509KeyFormat PEM form of private keys in X.509 credentials
 * @param odataCountAnnotation name of the OData count annotation
 * @param cloudAlmEndpointName name of the endpoint field in Cloud ALM keys ({@code Api} or {@code API})
 * @param notFoundWhileCreating whether GET on an instance or binding answers 404 until its create finishes
 * @param odataPageSize server page size of OData collections
 * @param journalCapacity most requests the journal keeps
 * @param cisErrorsWrapped whether cis errors come inside {@code {"error": {...}}} or bare
 * @param deleteOperationsVanish whether a finished delete operation answers 404 (the resource took it along)
 * @param xsuaaTls whether XSUAA answers over HTTPS with a certificate of the simulator's CA
 */
public record Settings(int basePort, int workerThreads, Duration tokenLifetime,
                       int operationPolls, Duration operationDuration,
                       int entitlementPolls, Duration entitlementDuration,
                       int planVisibilityReads, Duration planVisibilityDelay,
                       int defaultPageSize, int maxPageSize,
                       ServiceManagerLimits serviceManagerLimits,
                       List<GlobalAccountPlan> globalAccountPlans,
                       String defaultSubaccountId, String defaultSubaccountSubdomain,
                       String cloudAlmMasterApp, boolean mtlsAtStart,
                       RetryAfterFormat retryAfterFormat, PrivateKeyFormat x509KeyFormat,
                       String odataCountAnnotation, String cloudAlmEndpointName,
                       boolean notFoundWhileCreating, int odataPageSize, int journalCapacity,
                       boolean cisErrorsWrapped, boolean deleteOperationsVanish, boolean xsuaaTls) {

    /**
     * Copies the plan list.
     */
    public Settings {
        globalAccountPlans = List.copyOf(globalAccountPlans);
    }
}
