package io.calmsdk.api;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** Builds a request from a caller's {@code Consumer<Builder>}, for the clients' in-place overloads. */
final class Requests {

    private Requests() {
    }

    static <B, R> R build(B builder, Consumer<? super B> fill, Function<B, R> build) {
        Objects.requireNonNull(fill, "request").accept(builder);
        return build.apply(builder);
    }
}
