package io.calmsdk.testkit.internal.uaa;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hands out RSA signing keys, generating the next one in the background. RSA key generation takes 50 ms
 * to a second depending on the machine and dominates a simulator's start; with one key always prepared,
 * every simulator after the first in a JVM starts in a few milliseconds. Each simulator still gets its own
 * key, so tokens of one simulator never verify in another. Thread-safe.
 */
final class SigningKeyPool {

    private static final ExecutorService GENERATOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "btp-simulator-keygen");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private static CompletableFuture<KeyPair> prepared;

    private SigningKeyPool() {
    }

    /** @return a fresh key pair; the next one starts generating at once */
    static synchronized KeyPair take() {
        CompletableFuture<KeyPair> current = prepared != null ? prepared : generate();
        prepared = generate();
        return current.join();
    }

    private static CompletableFuture<KeyPair> generate() {
        return CompletableFuture.supplyAsync(SigningKeyPool::newKeyPair, GENERATOR);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
