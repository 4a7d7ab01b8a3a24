package io.calmsdk.core.internal.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a URL host is a loopback address, where plain {@code http://} cannot be read by
 * anyone else on the network. Decided from the text alone: a name is never resolved, because DNS could
 * point any other name at a remote host.
 */
final class Loopback {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile(
            "127\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
                    + "\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_LOOPBACK = Pattern.compile("(0{0,4}:){2,7}0{0,3}1|::1");

    private Loopback() {
    }

    /**
     * Whether the host is {@code localhost}, an address in 127.0.0.0/8 or {@code ::1}.
     *
     * @param host a URL host, IPv6 literals with or without brackets
     * @return {@code true} for a loopback host
     */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || IPV6_LOOPBACK.matcher(h).matches();
    }
}
