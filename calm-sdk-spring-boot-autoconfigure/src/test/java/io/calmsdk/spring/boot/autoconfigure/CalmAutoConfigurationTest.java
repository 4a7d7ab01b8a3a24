package io.calmsdk.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.core.http.RequestListener;
import io.calmsdk.core.http.RetryPolicy;
import io.calmsdk.core.model.ServiceKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every condition of {@link CalmAutoConfiguration} that decides whether the client beans exist, and how they are built. */
@ExtendWith(OutputCaptureExtension.class)
class CalmAutoConfigurationTest {

    @TempDir
    Path tmp;

    /** The operator's mount root points into an empty temporary directory, so the machine's own never interferes. */
    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CalmAutoConfiguration.class))
                .withPropertyValues("calm.kubernetes.secrets-root=" + tmp.resolve("sapbtp"));
    }

    @Test
    void noKey_contextStarts_noClientBeans_infoLineSaysWhereItLooked(CapturedOutput output) {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ClientOptions.class);
            assertThat(context).doesNotHaveBean(CloudAlmClient.class);
            assertThat(context).doesNotHaveBean(TokenProvider.class);
            assertThat(context).doesNotHaveBean(ServiceKey.class);
        });
        assertThat(output.getAll())
                .contains("calm-sdk: no Cloud ALM service key found")
                .contains("calm.service-key, VCAP_SERVICES (label SAPCloudALMAPIs)")
                .contains("no CloudAlmClient bean is created");
    }

    @Test
    void serviceKeyJson_createsKeyTokenProviderAndClient() {
        runner().withPropertyValues("calm.service-key=" + Keys.calm()).run(context -> {
            assertThat(context).hasSingleBean(ServiceKey.class);
            assertThat(context).hasSingleBean(ClientCredentialsTokenProvider.class);
            assertThat(context).hasSingleBean(CloudAlmClient.class);
            assertThat(context.getBean(CloudAlmClient.class).endpoint())
                    .isEqualTo(URI.create("https://mytenant.eu10.alm.cloud.sap/api"));
        });
    }

    @Test
    void serviceKeyFile_isRead(CapturedOutput output) throws IOException {
        Path file = tmp.resolve("calm-key.json");
        Files.writeString(file, Keys.calm("https://fromfile.eu10.alm.cloud.sap/api"));
        runner().withPropertyValues("calm.service-key=" + file).run(context ->
                assertThat(context.getBean(CloudAlmClient.class).endpoint().getHost())
                        .isEqualTo("fromfile.eu10.alm.cloud.sap"));
        assertThat(output.getAll()).contains("Cloud ALM service key from calm.service-key (file " + file + ")");
    }

    @Test
    void serviceKeyFileMissing_failsNamingTheFile() {
        Path file = tmp.resolve("missing.json");
        runner().withPropertyValues("calm.service-key=" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessage(context.getStartupFailure())).contains(file.toString());
        });
    }

    @Test
    void serviceKeyInvalidJson_failsWithoutShowingTheSecret() {
        String broken = Keys.calm().replace("\"endpoints\"", "\"elsewhere\"");
        runner().withPropertyValues("calm.service-key=" + broken).run(context -> {
            assertThat(context).hasFailed();
            assertThat(fullMessages(context.getStartupFailure())).contains("endpoints").doesNotContain(Keys.CALM_SECRET);
        });
    }

    @Test
    void vcapServicesWithCloudAlmEntry_createsClient() {
        runner().withPropertyValues("VCAP_SERVICES=" + Keys.vcap("calm-api")).run(context ->
                assertThat(context.getBean(CloudAlmClient.class).endpoint().getHost())
                        .isEqualTo("calm-api.eu10.alm.cloud.sap"));
    }

    @Test
    void vcapServicesWithoutCloudAlmEntry_noClient() {
        runner().withPropertyValues("VCAP_SERVICES=" + Keys.vcap()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(CloudAlmClient.class);
        });
    }

    @Test
    void vcapServicesWithSeveralEntries_instanceNameSelectsOne() {
        runner().withPropertyValues("VCAP_SERVICES=" + Keys.vcap("calm-a", "calm-b"), "calm.instance-name=calm-b")
                .run(context -> assertThat(context.getBean(CloudAlmClient.class).endpoint().getHost())
                        .isEqualTo("calm-b.eu10.alm.cloud.sap"));
    }

    @Test
    void vcapServicesWithSeveralEntries_noInstanceName_failsNamingThem() {
        runner().withPropertyValues("VCAP_SERVICES=" + Keys.vcap("calm-a", "calm-b")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(fullMessages(context.getStartupFailure())).contains("calm-a").contains("calm-b")
                    .doesNotContain(Keys.CALM_SECRET);
        });
    }

    @Test
    void serviceKeyProperty_winsOverVcapServices() {
        runner().withPropertyValues("VCAP_SERVICES=" + Keys.vcap("calm-api"), "calm.service-key=" + Keys.calm())
                .run(context -> assertThat(context.getBean(CloudAlmClient.class).endpoint().getHost())
                        .isEqualTo("mytenant.eu10.alm.cloud.sap"));
    }

    @Test
    void serviceBindingRoot_bindingOfCloudAlmType_createsClient() {
        Keys.secretDirectory(tmp.resolve("bindings/other"), "other.example.com", "xsuaa");
        Keys.secretDirectory(tmp.resolve("bindings/calm"), "k8s.eu10.alm.cloud.sap", "SAPCloudALMAPIs");
        runner().withPropertyValues("SERVICE_BINDING_ROOT=" + tmp.resolve("bindings")).run(context ->
                assertThat(context.getBean(CloudAlmClient.class).endpoint().getHost())
                        .isEqualTo("k8s.eu10.alm.cloud.sap"));
    }

    @Test
    void serviceBindingRoot_noBindingOfCloudAlmType_noClient() {
        Keys.secretDirectory(tmp.resolve("bindings/other"), "other.example.com", "xsuaa");
        runner().withPropertyValues("SERVICE_BINDING_ROOT=" + tmp.resolve("bindings")).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(CloudAlmClient.class));
    }

    @Test
    void operatorSecretMount_oneInstance_createsClient() {
        Keys.secretDirectory(tmp.resolve("sapbtp/SAPCloudALMAPIs/calm-api"), "operator.eu10.alm.cloud.sap", null);
        runner().run(context -> assertThat(context.getBean(CloudAlmClient.class).endpoint().getHost())
                .isEqualTo("operator.eu10.alm.cloud.sap"));
    }

    @Test
    void operatorSecretMount_severalInstances_instanceNameSelects_elseFailsNamingThem() {
        Keys.secretDirectory(tmp.resolve("sapbtp/SAPCloudALMAPIs/calm-a"), "a.eu10.alm.cloud.sap", null);
        Keys.secretDirectory(tmp.resolve("sapbtp/SAPCloudALMAPIs/calm-b"), "b.eu10.alm.cloud.sap", null);
        runner().withPropertyValues("calm.instance-name=calm-b").run(context ->
                assertThat(context.getBean(CloudAlmClient.class).endpoint().getHost()).isEqualTo("b.eu10.alm.cloud.sap"));
        runner().run(context -> {
            assertThat(context).hasFailed();
            assertThat(fullMessages(context.getStartupFailure())).contains("calm-a, calm-b").contains("calm.instance-name");
        });
    }

    @Test
    void explicitBindingDirectory_isRead() {
        Path dir = Keys.secretDirectory(tmp.resolve("mounted"), "mounted.eu10.alm.cloud.sap", null);
        runner().withPropertyValues("calm.kubernetes.binding-directory=" + dir).run(context ->
                assertThat(context.getBean(CloudAlmClient.class).endpoint().getHost())
                        .isEqualTo("mounted.eu10.alm.cloud.sap"));
    }

    @Test
    void calmEnabledFalse_noBeansAtAll() {
        runner().withPropertyValues("calm.enabled=false", "calm.service-key=" + Keys.calm()).run(context -> {
            assertThat(context).doesNotHaveBean(ClientOptions.class);
            assertThat(context).doesNotHaveBean(CloudAlmClient.class);
            assertThat(context).doesNotHaveBean(CalmProperties.class);
        });
    }

    @Test
    void sdkNotOnClassPath_noBeans() {
        runner().withClassLoader(new FilteredClassLoader(ClientOptions.class))
                .withPropertyValues("calm.service-key=" + Keys.calm())
                .run(context -> assertThat(context).doesNotHaveBean(CalmProperties.class));
    }

    @Test
    void applicationClient_autoConfiguredClientBacksOff() {
        runner().withPropertyValues("calm.service-key=" + Keys.calm())
                .withBean("myClient", CloudAlmClient.class, () -> CloudAlmClient.builder()
                        .credentials(io.calmsdk.core.keys.ServiceKeys.calm().fromJson(
                                Keys.calm("https://mine.eu10.alm.cloud.sap/api"))).build())
                .run(context -> {
                    assertThat(context).hasSingleBean(CloudAlmClient.class);
                    assertThat(context.getBean(CloudAlmClient.class).endpoint().getHost()).isEqualTo("mine.eu10.alm.cloud.sap");
                });
    }

    @Test
    void applicationTokenProvider_isUsedByTheClient() {
        TokenProvider mine = ClientCredentialsTokenProvider.create(io.calmsdk.core.keys.ServiceKeys.calm().fromJson(Keys.calm()));
        runner().withPropertyValues("calm.service-key=" + Keys.calm())
                .withBean("myTokens", TokenProvider.class, () -> mine)
                .run(context -> {
                    assertThat(context).hasSingleBean(TokenProvider.class);
                    assertThat(context.getBean(TokenProvider.class)).isSameAs(mine);
                    assertThat(context).hasSingleBean(CloudAlmClient.class);
                });
    }

    @Test
    void applicationClientOptions_areUsed() {
        ClientOptions mine = ClientOptions.builder().callTimeout(Duration.ofSeconds(7)).build();
        runner().withBean(ClientOptions.class, () -> mine).run(context ->
                assertThat(context.getBean(ClientOptions.class)).isSameAs(mine));
    }

    @Test
    void properties_mappedOntoClientOptions() {
        runner().withPropertyValues("calm.connect-timeout=3s", "calm.attempt-timeout=4s", "calm.call-timeout=50s",
                "calm.retry.max-attempts=6", "calm.retry.base-delay=50ms", "calm.retry.max-delay=2s",
                "calm.retry.max-retry-after=20s", "calm.retry.retryable-statuses=503,504", "calm.retry.retry-budget=7",
                "calm.user-agent-suffix=order-sync/1.4").run(context -> {
                    ClientOptions options = context.getBean(ClientOptions.class);
                    assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(options.attemptTimeout()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(options.callTimeout()).isEqualTo(Duration.ofSeconds(50));
                    assertThat(options.retryPolicy().maxAttempts()).isEqualTo(6);
                    assertThat(options.retryPolicy().baseDelay()).isEqualTo(Duration.ofMillis(50));
                    assertThat(options.retryPolicy().maxDelay()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(options.retryPolicy().maxRetryAfter()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(options.retryPolicy().retryableStatuses()).containsExactly(503, 504);
                    assertThat(options.retryPolicy().retryBudget()).isEqualTo(7);
                    assertThat(options.userAgentSuffix()).contains("order-sync/1.4");
                });
    }

    @Test
    void serviceKeyNeitherJsonNorAFile_refusedByName_neverEchoed() {
        String canary = "ZXlKbGJtUndiMmx1ZEhNaU9uc2lRWEJwSWpvaWFIUjBjSE02THk5allXNWhjbmt0YzJWamNtVjBJbjE5";

        assertThat(ServiceKeyLocator.describe(canary)).doesNotContain(canary).contains(canary.length() + " characters");
        runner().withPropertyValues("calm.service-key=" + canary).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            StringBuilder chain = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                chain.append(t.getMessage()).append('\n');
            }
            assertThat(chain.toString()).doesNotContain(canary).contains("calm.service-key")
                    .contains("neither JSON nor the path of a readable file");
        });
    }

    @Test
    void withoutProperties_theSdksOwnDefaults() {
        runner().run(context -> {
            ClientOptions options = context.getBean(ClientOptions.class);
            ClientOptions sdk = ClientOptions.defaults();
            assertThat(options.connectTimeout()).isEqualTo(sdk.connectTimeout());
            assertThat(options.attemptTimeout()).isEqualTo(sdk.attemptTimeout());
            assertThat(options.callTimeout()).isEqualTo(sdk.callTimeout());
            RetryPolicy mine = options.retryPolicy();
            RetryPolicy sdkRetries = RetryPolicy.defaults();
            assertThat(mine.maxAttempts()).isEqualTo(sdkRetries.maxAttempts());
            assertThat(mine.baseDelay()).isEqualTo(sdkRetries.baseDelay());
            assertThat(mine.maxDelay()).isEqualTo(sdkRetries.maxDelay());
            assertThat(mine.maxRetryAfter()).isEqualTo(sdkRetries.maxRetryAfter());
            assertThat(mine.retryBudget()).isEqualTo(sdkRetries.retryBudget());
            assertThat(mine.retryableStatuses()).isEqualTo(sdkRetries.retryableStatuses()).contains(500);
        });
    }

    @Test
    void requestListenerBeansAndCustomizers_areApplied() {
        RequestListener listener = new RequestListener() {
        };
        runner().withBean("myListener", RequestListener.class, () -> listener)
                .withBean(CalmClientOptionsCustomizer.class, () -> o -> o.callTimeout(Duration.ofSeconds(9)))
                .run(context -> {
                    ClientOptions options = context.getBean(ClientOptions.class);
                    assertThat(options.requestListeners()).containsExactly(listener);
                    assertThat(options.callTimeout()).isEqualTo(Duration.ofSeconds(9));
                });
    }

    @Test
    void invalidProperty_failsNamingTheSetting() {
        runner().withPropertyValues("calm.call-timeout=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(fullMessages(context.getStartupFailure())).contains("callTimeout");
        });
    }

    @Test
    void conditionReport_namesTheSource_neverTheKey() {
        runner().withPropertyValues("calm.service-key=" + Keys.calm()).run(context -> {
            StringBuilder report = new StringBuilder();
            ConditionEvaluationReport.get(context.getBeanFactory()).getConditionAndOutcomesBySource()
                    .forEach((source, outcomes) -> outcomes.forEach(o -> report.append(o.getOutcome().getMessage())
                            .append('\n')));
            assertThat(report.toString()).contains("Cloud ALM service key from calm.service-key (JSON)")
                    .doesNotContain(Keys.CALM_SECRET);
        });
    }

    @Test
    void propertiesToString_masksKeys() {
        runner().withPropertyValues("calm.service-key=" + Keys.calm(), "calm.admin.cis-key=" + Keys.cis(),
                "calm.admin.sm-key=" + Keys.serviceManager()).run(context ->
                assertThat(context.getBean(CalmProperties.class).toString())
                        .contains("serviceKey=***").doesNotContain(Keys.CALM_SECRET, Keys.CIS_SECRET, Keys.SM_SECRET));
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    static String fullMessages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append('\n');
        }
        return all.toString();
    }
}
