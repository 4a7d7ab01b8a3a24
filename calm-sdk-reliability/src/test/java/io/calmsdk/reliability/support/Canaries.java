package io.calmsdk.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets to look for, in every form they could leak in: as is, URL-encoded (form bodies), and inside an
 * HTTP Basic header (base64 of {@code clientid:secret}). Any JSON Web Token counts as a leak too, whoever
 * issued it. Thread-safe for reading once filled.
 */
public final class Canaries {

    /** Three base64url parts, the first one starting like a JSON object: a JWT. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * Adds a secret.
     *
     * @param label what it is, for failure messages (never the value)
     * @param secret the value; short values are refused, they would match by chance
     * @return this
     */
    public synchronized Canaries add(String label, String secret) {
        if (secret == null || secret.length() < 12) {
            throw new IllegalArgumentException("canary " + label + " is too short to search for");
        }
        values.put(label, secret);
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        if (!encoded.equals(secret)) {
            values.put(label + " (URL-encoded)", encoded);
        }
        return this;
    }

    /**
     * Adds a client secret and the HTTP Basic credential built from it.
     *
     * @param label what it is
     * @param clientId the client id
     * @param secret the client secret
     * @return this
     */
    public synchronized Canaries addClient(String label, String clientId, String secret) {
        add(label, secret);
        values.put(label + " (Basic header)", Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        values.put(label + " (Basic header, form-encoded parts)", Base64.getEncoder().encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** @return how many values are searched for (all forms) */
    public synchronized int size() {
        return values.size();
    }

    /**
     * The labels of the canaries found in a text, plus {@code "a JWT"} when one is there.
     *
     * @param text the text
     * @return what leaked; empty when nothing did
     */
    public synchronized List<String> foundIn(String text) {
        List<String> found = new ArrayList<>();
        values.forEach((label, value) -> {
            if (text.contains(value)) {
                found.add(label);
            }
        });
        Matcher jwt = JWT.matcher(text);
        if (jwt.find()) {
            found.add("a JWT at offset " + jwt.start());
        }
        return found;
    }

    /**
     * Asserts that a text holds no canary.
     *
     * @param where what the text is, for the failure message
     * @param text the text
     */
    public void assertAbsent(String where, String text) {
        assertThat(foundIn(text)).as("secrets found in %s", where).isEmpty();
    }

    /**
     * Everything a throwable shows: {@code toString()}, messages and stack traces of it, its causes and
     * suppressed exceptions.
     *
     * @param t the throwable
     * @return the text
     */
    public static String everythingShownBy(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        StringBuilder sb = new StringBuilder(out.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append('\n').append(c).append('\n').append(c.getMessage()).append('\n').append(c.getLocalizedMessage());
        }
        return sb.toString();
    }
}
