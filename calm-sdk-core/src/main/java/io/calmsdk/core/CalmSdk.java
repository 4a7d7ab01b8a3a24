package io.calmsdk.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Facts about this SDK build that every module shares.
 */
public final class CalmSdk {

    /** What {@link #version()} returns when the build did not fill in the version. */
    private static final String UNKNOWN = "unknown";

    /** Read once: the resource cannot change while the class is loaded. */
    private static final String VERSION = readVersion();

    private CalmSdk() {
    }

    /**
     * The version of this SDK, e.g. {@code 0.1.0}, as sent in the {@code User-Agent} header
     * ({@code calm-sdk-java/<version>}).
     *
     * <p>It is the Maven {@code project.version} of the build that made calm-sdk-core, read from a
     * resource of its jar, so it cannot drift from the pom and, being a method rather than a constant,
     * is not copied into the code that calls it at compile time. Classes compiled without the Maven
     * build (which fills in the resource), or whose resource cannot be read, report {@code "unknown"}.
     *
     * @return the SDK version, never {@code null}
     */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        // Relative to this class's package; in a named module a class may read its own module's
        // resources, so this works on the module path as well as on the class path.
        try (InputStream in = CalmSdk.class.getResourceAsStream("calm-sdk.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "").trim();
            // An unfiltered copy (an IDE that skipped the Maven resource step) still holds the placeholder.
            return version.isEmpty() || version.contains("${") ? UNKNOWN : version;
        } catch (IOException e) {
            // The version only labels requests: an unreadable resource must not stop the SDK from loading.
            return UNKNOWN;
        }
    }
}
