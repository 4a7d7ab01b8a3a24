package io.calmsdk.core.internal.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer body into memory up to a limit ({@code ClientOptions.maxResponseBodySize}): a body
 * announced or found larger is abandoned (the connection is not read further) with {@link TooLarge}.
 */
final class BodyLimit {

    private BodyLimit() {
    }

    /** The failure of an answer over the limit; never retried, it would be as large again. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        final long limit;

        TooLarge(long limit, String how) {
            super("the answer " + how + " is larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> {
            OptionalLong announced = info.headers().firstValueAsLong("Content-Length");
            return new Subscriber(limit, announced.isPresent() && announced.getAsLong() > limit);
        };
    }

    /** Counts the bytes and hands them on, or cancels once they pass the limit. */
    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<byte[]> delegate = HttpResponse.BodySubscribers.ofByteArray();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final long limit;
        private final boolean announcedTooLarge;
        private Flow.Subscription subscription;
        private long received;

        Subscriber(long limit, boolean announcedTooLarge) {
            this.limit = limit;
            this.announcedTooLarge = announcedTooLarge;
            delegate.getBody().whenComplete((bytes, failure) -> {
                if (failure != null) {
                    body.completeExceptionally(failure);
                } else {
                    body.complete(bytes);
                }
            });
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (announcedTooLarge) {
                s.cancel();
                body.completeExceptionally(new TooLarge(limit, "announced by Content-Length"));
                return;
            }
            delegate.onSubscribe(s);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                received += b.remaining();
            }
            if (received > limit) {
                subscription.cancel();
                body.completeExceptionally(new TooLarge(limit, "read so far"));
                return;
            }
            delegate.onNext(items);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!body.isDone()) {
                delegate.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!body.isDone()) {
                delegate.onComplete();
            }
        }
    }
}
