package io.calmsdk.core.internal.http;

import io.calmsdk.core.Secret;
import io.calmsdk.core.internal.http.AuthHeader;
import io.calmsdk.core.internal.http.Authenticator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out bearer tokens {@code <prefix>1}, {@code <prefix>2}, ... (a new one after each invalidation). */
final class RecordingAuthenticator implements Authenticator {

    private final String prefix;
    private final AtomicInteger generation = new AtomicInteger(1);
    private final List<AuthHeader> issued = new CopyOnWriteArrayList<>();
    private final List<AuthHeader> invalidated = new CopyOnWriteArrayList<>();

    RecordingAuthenticator(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public AuthHeader authorize() {
        AuthHeader h = header(generation.get());
        issued.add(h);
        return h;
    }

    @Override
    public void invalidate(AuthHeader refused) {
        invalidated.add(refused);
        generation.incrementAndGet();
    }

    AuthHeader header(int n) {
        return AuthHeader.bearer(Secret.of(prefix + n));
    }

    List<AuthHeader> issued() {
        return List.copyOf(issued);
    }

    List<AuthHeader> invalidated() {
        return List.copyOf(invalidated);
    }
}
