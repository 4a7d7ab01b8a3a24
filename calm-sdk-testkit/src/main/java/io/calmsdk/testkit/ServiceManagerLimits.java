package io.calmsdk.testkit;

/**
 * Service Manager rate limits, per subaccount and per sliding minute of the simulator clock. A request
 * over a limit gets 429 with a {@code Retry-After} header.
 *
 * @param callsPerMinute all calls
 * @param instanceCreatesPerMinute {@code POST /v1/service_instances}
 * @param bindingCallsPerMinute every call under {@code /v1/service_bindings}
 * @param catalogCallsPerMinute every call under {@code /v1/service_offerings} and {@code /v1/service_plans}
 */
public record ServiceManagerLimits(int callsPerMinute, int instanceCreatesPerMinute, int bindingCallsPerMinute,
                                   int catalogCallsPerMinute) {

    /**
     * Validates the limits.
     *
     * @param callsPerMinute all calls
     * @param instanceCreatesPerMinute instance creates
     * @param bindingCallsPerMinute binding calls
     * @param catalogCallsPerMinute offering and plan calls
     * @throws IllegalArgumentException when a limit is not positive
     */
    public ServiceManagerLimits {
        if (callsPerMinute <= 0 || instanceCreatesPerMinute <= 0 || bindingCallsPerMinute <= 0
                || catalogCallsPerMinute <= 0) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
    }

    /**
     * SAP's documented limits: 1,000 calls, 50 instance creates, 600 binding calls and 100 catalog calls
     * per minute.
     *
     * @return the documented limits
     */
    public static ServiceManagerLimits documented() {
        return new ServiceManagerLimits(1000, 50, 600, 100);
    }

    /**
     * No practical limit, for benchmarks.
     *
     * @return limits that are never reached
     */
    public static ServiceManagerLimits unlimited() {
        return new ServiceManagerLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
}
