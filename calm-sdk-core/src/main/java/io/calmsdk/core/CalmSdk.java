package io.calmsdk.core;

/**
 * Facts about this SDK build that every module shares.
 */
public final class CalmSdk {

    /** The SDK version, as sent in the {@code User-Agent} header. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private CalmSdk() {
    }
}
