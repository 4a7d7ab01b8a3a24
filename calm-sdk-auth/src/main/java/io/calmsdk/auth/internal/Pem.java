package io.calmsdk.auth.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PEM text into its blocks ({@code -----BEGIN X-----} ... {@code -----END X-----}). Tolerates what
 * service keys do to PEM on their way through JSON, shells and Kubernetes secrets: CRLF line ends,
 * literal {@code \n} sequences, indentation, missing line breaks inside the Base64 body and text around
 * the blocks. Error messages never quote the content.
 */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private Pem() {
    }

    /** One PEM block. */
    static final class Block {
        final String label;
        final boolean hasHeaders;
        final byte[] der;

        Block(String label, boolean hasHeaders, byte[] der) {
            this.label = label;
            this.hasHeaders = hasHeaders;
            this.der = der;
        }
    }

    /**
     * Decodes every block of the text.
     *
     * @param text the PEM text
     * @return the blocks in order; empty if the text holds none
     * @throws IllegalArgumentException if a block's body is not Base64 (the message names the block's
     *     label, never its content)
     */
    static List<Block> read(String text) {
        String normalized = text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r", "");
        Matcher m = BLOCK.matcher(normalized);
        List<Block> blocks = new ArrayList<>();
        while (m.find()) {
            String label = m.group(1).trim().toUpperCase(Locale.ROOT);
            String body = m.group(2);
            // RFC 1421 headers (Proc-Type, DEK-Info) mark legacy encrypted keys.
            boolean hasHeaders = body.contains(":");
            if (hasHeaders) {
                blocks.add(new Block(label, true, new byte[0]));
                continue;
            }
            String base64 = body.replaceAll("\\s+", "");
            try {
                blocks.add(new Block(label, false, Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII))));
            } catch (IllegalArgumentException e) {
                // The decoder's message quotes a character of the input: never pass it on.
                throw new IllegalArgumentException("the " + label + " block is not valid Base64");
            }
        }
        return blocks;
    }
}
