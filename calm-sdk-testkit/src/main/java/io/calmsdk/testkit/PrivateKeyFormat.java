package io.calmsdk.testkit;

/**
 * The PEM encoding of private keys in X.509 credentials. The contract leaves it open, so a client must
 * read both.
 */
public enum PrivateKeyFormat {
    /** {@code -----BEGIN PRIVATE KEY-----} (PKCS #8). */
    PKCS8,
    /** {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS #1). */
    PKCS1
}
