package io.calmsdk.testkit.internal.x509;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A minimal ASN.1 DER encoder: just the types an X.509 v3 certificate and a PKCS #1 / #8 key need. Each
 * method returns one complete TLV; constructed types take already encoded members.
 */
public final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT);
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT);

    private Der() {
    }

    /**
     * Encodes a tag, a definite length and the content.
     *
     * @param tag identifier octet
     * @param content content octets
     * @return the TLV
     */
    public static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * SEQUENCE.
     *
     * @param members encoded members
     * @return the TLV
     */
    public static byte[] sequence(byte[]... members) {
        return tlv(0x30, concat(members));
    }

    /**
     * SET (members must already be in DER order; single-member sets are the common case).
     *
     * @param members encoded members
     * @return the TLV
     */
    public static byte[] set(byte[]... members) {
        return tlv(0x31, concat(members));
    }

    /**
     * INTEGER.
     *
     * @param value the value
     * @return the TLV
     */
    public static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    /**
     * INTEGER.
     *
     * @param value the value
     * @return the TLV
     */
    public static byte[] integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    /**
     * BOOLEAN.
     *
     * @param value the value
     * @return the TLV
     */
    public static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0x00)});
    }

    /** @return the NULL TLV */
    public static byte[] nullValue() {
        return new byte[] {0x05, 0x00};
    }

    /**
     * OBJECT IDENTIFIER from dotted text.
     *
     * @param dotted e.g. {@code 1.2.840.113549.1.1.11}
     * @return the TLV
     */
    public static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                int septet = (int) ((arc >>> (7 * g)) & 0x7f);
                out.write(g == 0 ? septet : septet | 0x80);
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    /**
     * BIT STRING with no unused bits.
     *
     * @param bytes the bits
     * @return the TLV
     */
    public static byte[] bitString(byte[] bytes) {
        return bitString(bytes, 0);
    }

    /**
     * BIT STRING.
     *
     * @param bytes the bits
     * @param unusedBits unused bits in the last octet
     * @return the TLV
     */
    public static byte[] bitString(byte[] bytes, int unusedBits) {
        return tlv(0x03, concat(new byte[] {(byte) unusedBits}, bytes));
    }

    /**
     * OCTET STRING.
     *
     * @param bytes content
     * @return the TLV
     */
    public static byte[] octetString(byte[] bytes) {
        return tlv(0x04, bytes);
    }

    /**
     * UTF8String.
     *
     * @param text content
     * @return the TLV
     */
    public static byte[] utf8String(String text) {
        return tlv(0x0c, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * PrintableString (country codes).
     *
     * @param text content
     * @return the TLV
     */
    public static byte[] printableString(String text) {
        return tlv(0x13, text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A certificate validity time: UTCTime before 2050, GeneralizedTime from 2050 on, as RFC 5280 asks.
     *
     * @param instant the time (seconds precision)
     * @return the TLV
     */
    public static byte[] time(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        if (utc.getYear() < 2050) {
            return tlv(0x17, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * An explicitly tagged, context-specific, constructed member: {@code [n] EXPLICIT}.
     *
     * @param tagNumber tag number 0..30
     * @param encoded the encoded inner TLV(s)
     * @return the TLV
     */
    public static byte[] explicit(int tagNumber, byte[] encoded) {
        return tlv(0xa0 | tagNumber, encoded);
    }

    /**
     * An implicitly tagged, context-specific, primitive member: {@code [n] IMPLICIT}.
     *
     * @param tagNumber tag number 0..30
     * @param content content octets
     * @return the TLV
     */
    public static byte[] implicitPrimitive(int tagNumber, byte[] content) {
        return tlv(0x80 | tagNumber, content);
    }
}
