package io.calmsdk.testkit.internal.world;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The checks {@code SimulatorBuilder} runs on its settings; each message names the setting. */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks a count that must be at least 1.
     *
     * @param value the value
     * @param name the setting
     * @return the value
     * @throws IllegalArgumentException when it is not positive
     */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /**
     * Checks a count that may be 0.
     *
     * @param value the value
     * @param name the setting
     * @return the value
     * @throws IllegalArgumentException when it is negative
     */
    public static int nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    /**
     * Checks a duration that may be zero.
     *
     * @param value the value
     * @param name the setting
     * @return the value
     * @throws IllegalArgumentException when it is null or negative
     */
    public static Duration nonNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }

    /**
     * Checks that the extra subaccounts differ in id from the default one and in subdomain from every other.
     *
     * @param defaultId id of the default subaccount
     * @param defaultSubdomain its subdomain
     * @param extra id to subdomain of the other subaccounts
     * @throws IllegalStateException naming the first clash
     */
    public static void distinctSubaccounts(String defaultId, String defaultSubdomain, Map<String, String> extra) {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(defaultSubdomain, "defaultSubaccount(" + defaultId + ")");
        for (Map.Entry<String, String> e : extra.entrySet()) {
            String setting = "subaccount(" + e.getKey() + ")";
            if (e.getKey().equals(defaultId)) {
                throw new IllegalStateException(setting + " has the id of defaultSubaccount");
            }
            String owner = owners.putIfAbsent(e.getValue(), setting);
            if (owner != null) {
                throw new IllegalStateException(setting + " has the subdomain '" + e.getValue() + "' of " + owner);
            }
        }
    }
}
