package io.calmsdk.auth.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;

/**
 * Reads an RSA or EC private key from PEM with the JDK only: PKCS#8 ({@code BEGIN PRIVATE KEY}),
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) and SEC1 ({@code BEGIN EC PRIVATE KEY}, optionally preceded by
 * {@code BEGIN EC PARAMETERS}). PKCS#1 and SEC1 are wrapped into PKCS#8 first, since that is the only
 * encoding {@link KeyFactory} accepts. Encrypted keys are refused with a clear message.
 */
final class PrivateKeys {

    /** DER of AlgorithmIdentifier {rsaEncryption, NULL}. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** DER content of OID 1.2.840.10045.2.1 (id-ecPublicKey). */
    private static final byte[] EC_PUBLIC_KEY_OID = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] VERSION_0 = {Der.INTEGER, 0x01, 0x00};

    /** Key algorithms by the DER content of their PKCS#8 algorithm OID. */
    private static final Map<String, String> ALGORITHMS = Map.of(
            "2a864886f70d010101", "RSA",
            "2a864886f70d01010a", "RSASSA-PSS",
            "2a8648ce3d0201", "EC",
            "2b6570", "Ed25519",
            "2b6571", "Ed448");

    private PrivateKeys() {
    }

    /**
     * Reads the private key from PEM text.
     *
     * @param pem the PEM text, possibly with several blocks
     * @return the key
     * @throws IllegalArgumentException with a message that never quotes key material when the text holds
     *     no usable unencrypted RSA or EC key
     */
    static PrivateKey read(String pem) {
        List<Pem.Block> blocks = Pem.read(pem);
        byte[] curveParameters = null;
        for (Pem.Block block : blocks) {
            switch (block.label) {
                case "EC PARAMETERS":
                    curveParameters = block.der;
                    break;
                case "PRIVATE KEY":
                    return fromPkcs8(block.der);
                case "RSA PRIVATE KEY":
                    refuseEncrypted(block);
                    return fromPkcs8(rsaPkcs1ToPkcs8(block.der));
                case "EC PRIVATE KEY":
                    refuseEncrypted(block);
                    return fromPkcs8(sec1ToPkcs8(block.der, curveParameters));
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException("is an encrypted private key (BEGIN ENCRYPTED PRIVATE KEY):"
                            + " provide the unencrypted key");
                default:
                    // certificates or other blocks pasted into the same field: look further
            }
        }
        throw new IllegalArgumentException(blocks.isEmpty()
                ? "holds no PEM block (expected -----BEGIN PRIVATE KEY-----)"
                : "holds no private key block (expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
    }

    private static void refuseEncrypted(Pem.Block block) {
        if (block.hasHeaders) {
            throw new IllegalArgumentException("is an encrypted private key (Proc-Type/DEK-Info headers):"
                    + " provide the unencrypted key");
        }
    }

    static PrivateKey fromPkcs8(byte[] pkcs8) {
        String algorithm = pkcs8Algorithm(pkcs8);
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            // The provider's message may describe the key's content: name only the exception type.
            throw new IllegalArgumentException("is not a valid " + algorithm + " private key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version INTEGER, algorithm AlgorithmIdentifier, privateKey OCTET STRING, ... } */
    private static String pkcs8Algorithm(byte[] pkcs8) {
        Der.Tlv oid;
        try {
            Der.Tlv info = Der.readSingle(pkcs8);
            List<Der.Tlv> fields = info.children();
            if (info.tag != Der.SEQUENCE || fields.size() < 3 || fields.get(1).tag != Der.SEQUENCE) {
                throw new IllegalArgumentException();
            }
            oid = fields.get(1).children().get(0);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("is not a well-formed PKCS#8 private key");
        }
        String algorithm = oid.tag == Der.OID ? ALGORITHMS.get(hex(oid.content)) : null;
        if (algorithm == null) {
            throw new IllegalArgumentException("uses an unsupported key algorithm: use an RSA or EC key");
        }
        return algorithm;
    }

    /** Wraps RSAPrivateKey (PKCS#1) into PrivateKeyInfo (PKCS#8). */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        try {
            Der.Tlv key = Der.readSingle(pkcs1);
            if (key.tag != Der.SEQUENCE || key.children().size() < 9) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a well-formed PKCS#1 RSA private key");
        }
        return Der.sequence(VERSION_0, RSA_ALGORITHM, Der.encode(Der.OCTET_STRING, pkcs1));
    }

    /**
     * Wraps ECPrivateKey (SEC1: SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters, [1]
     * publicKey }) into PrivateKeyInfo (PKCS#8) with AlgorithmIdentifier {id-ecPublicKey, curve OID}. The
     * curve comes from the key's own [0] field, else from a separate EC PARAMETERS block.
     */
    static byte[] sec1ToPkcs8(byte[] sec1, byte[] separateParameters) {
        byte[] curveOid = null;
        try {
            Der.Tlv key = Der.readSingle(sec1);
            if (key.tag != Der.SEQUENCE) {
                throw new IllegalArgumentException();
            }
            for (Der.Tlv field : key.children()) {
                if (field.tag == Der.CONTEXT_0) {
                    Der.Tlv parameters = Der.readSingle(field.content);
                    curveOid = parameters.tag == Der.OID ? Der.encode(Der.OID, parameters.content) : null;
                }
            }
            if (curveOid == null && separateParameters != null) {
                Der.Tlv parameters = Der.readSingle(separateParameters);
                curveOid = parameters.tag == Der.OID ? Der.encode(Der.OID, parameters.content) : null;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a well-formed SEC1 EC private key");
        }
        if (curveOid == null) {
            throw new IllegalArgumentException("is an EC private key without a named curve: export it as PKCS#8"
                    + " (openssl pkcs8 -topk8 -nocrypt)");
        }
        byte[] algorithm = Der.sequence(Der.encode(Der.OID, EC_PUBLIC_KEY_OID), curveOid);
        return Der.sequence(VERSION_0, algorithm, Der.encode(Der.OCTET_STRING, sec1));
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
