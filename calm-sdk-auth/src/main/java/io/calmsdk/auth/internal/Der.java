package io.calmsdk.auth.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few DER operations needed to re-wrap PKCS#1 and SEC1 private keys into PKCS#8, which is the only
 * private-key encoding the JDK's {@code KeyFactory} reads. Not a general ASN.1 library: definite lengths
 * only, which DER guarantees.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    /** Context-specific constructed tag [0], e.g. the curve parameters of a SEC1 key. */
    static final int CONTEXT_0 = 0xA0;

    private Der() {
    }

    /** One decoded TLV: its tag and its content bytes. */
    static final class Tlv {
        final int tag;
        final byte[] content;

        Tlv(int tag, byte[] content) {
            this.tag = tag;
            this.content = content;
        }

        /** The TLVs directly inside this constructed value. */
        List<Tlv> children() {
            return readAll(content);
        }
    }

    /**
     * Reads one TLV that must span the whole input.
     *
     * @throws IllegalArgumentException if the input is not exactly one well-formed TLV
     */
    static Tlv readSingle(byte[] der) {
        int[] next = new int[1];
        Tlv tlv = read(der, 0, next);
        if (next[0] != der.length) {
            throw new IllegalArgumentException("trailing bytes after the DER value");
        }
        return tlv;
    }

    /** Reads consecutive TLVs until the end of the input. */
    static List<Tlv> readAll(byte[] der) {
        List<Tlv> out = new ArrayList<>();
        int[] next = {0};
        while (next[0] < der.length) {
            out.add(read(der, next[0], next));
        }
        return out;
    }

    private static Tlv read(byte[] der, int offset, int[] next) {
        if (offset + 2 > der.length) {
            throw new IllegalArgumentException("truncated DER value");
        }
        int tag = der[offset] & 0xFF;
        int pos = offset + 1;
        int first = der[pos++] & 0xFF;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4 || pos + count > der.length) {
                throw new IllegalArgumentException("unsupported DER length encoding");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[pos++] & 0xFF);
            }
            if (length < 0) {
                throw new IllegalArgumentException("DER length out of range");
            }
        }
        if (pos + length > der.length || pos + length < pos) {
            throw new IllegalArgumentException("truncated DER value");
        }
        next[0] = pos + length;
        return new Tlv(tag, Arrays.copyOfRange(der, pos, pos + length));
    }

    /** Encodes a TLV. */
    static byte[] encode(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len <= 0xFF) {
            out.write(0x81);
            out.write(len);
        } else if (len <= 0xFFFF) {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >>> 16);
            out.write(len >>> 8);
            out.write(len);
        }
        out.write(content, 0, content.length);
        return out.toByteArray();
    }

    /** Encodes a SEQUENCE of already encoded elements. */
    static byte[] sequence(byte[]... elements) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] e : elements) {
            content.write(e, 0, e.length);
        }
        return encode(SEQUENCE, content.toByteArray());
    }
}
