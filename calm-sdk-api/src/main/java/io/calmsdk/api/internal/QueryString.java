package io.calmsdk.api.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Builds a URL query string the way OData and Cloud ALM expect it: {@code $} in system query option
 * names stays literal ({@code $top}, not {@code %24top}, which some OData servers do not decode), as do
 * the characters OData expressions use ({@code ' ( ) , : / @ ! *}); space becomes {@code %20}, and
 * {@code & = + # %} and everything else outside the unreserved set are percent-encoded as UTF-8.
 * Not thread-safe.
 */
public final class QueryString {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String KEPT = "-._~$'(),:/@!*";

    private final StringJoiner joiner = new StringJoiner("&");
    private int size;

    /**
     * Appends a parameter.
     *
     * @param name the name, e.g. {@code $filter}
     * @param value the value, e.g. {@code parentNodeUuid eq null}
     * @return this builder
     */
    public QueryString add(String name, String value) {
        joiner.add(encode(Objects.requireNonNull(name, "name")) + "=" + encode(Objects.requireNonNull(value, "value")));
        size++;
        return this;
    }

    /**
     * Whether no parameter was added.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The encoded query, without the leading {@code ?}.
     *
     * @return e.g. {@code $top=100&$filter=a%20eq%201}
     */
    @Override
    public String toString() {
        return joiner.toString();
    }

    /**
     * Percent-encodes one name or value.
     *
     * @param text the text
     * @return the encoded text
     */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || KEPT.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
