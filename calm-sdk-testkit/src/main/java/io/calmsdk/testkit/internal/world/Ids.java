package io.calmsdk.testkit.internal.world;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Generates ids and secrets. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** @return a random UUID string */
    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /**
     * A client secret shaped like XSUAA's: it contains {@code $} and {@code =}, which a client must encode
     * in a form body.
     *
     * @return the secret
     */
    public static String clientSecret() {
        byte[] a = new byte[18];
        byte[] b = new byte[24];
        RANDOM.nextBytes(a);
        RANDOM.nextBytes(b);
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString(a) + "$" + enc.encodeToString(b) + "=";
    }

    /**
     * A short random number, for {@code !b1234} style application suffixes.
     *
     * @return 1000..99999
     */
    public static int appNumber() {
        return 1000 + RANDOM.nextInt(99_000);
    }
}
