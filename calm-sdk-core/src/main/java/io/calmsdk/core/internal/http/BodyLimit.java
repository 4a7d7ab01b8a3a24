package io.calmsdk.core.internal.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer body into memory up to a limit ({@code ClientOptions.maxResponseBodySize}): a body
 * announced or found larger is abandoned (the connection is not read further) with {@link TooLarge}.
 * With a deadline, a body still incomplete when it passes is abandoned with an {@link HttpTimeoutException}:
 * {@code HttpRequest.timeout} only covers the wait for the headers, so this is what bounds the rest of an
 * attempt on the synchronous path, where {@code HttpClient.send} runs on the caller's thread.
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

    /**
     * A handler whose body must be complete by {@code deadlineNanos} ({@link System#nanoTime()} scale).
     *
     * @param limit the size limit
     * @param deadlineNanos when the attempt's budget runs out
     */
    static HttpResponse.BodyHandler<byte[]> handler(long limit, long deadlineNanos) {
        return info -> {
            OptionalLong announced = info.headers().firstValueAsLong("Content-Length");
            Subscriber s = new Subscriber(limit, announced.isPresent() && announced.getAsLong() > limit);
            s.deadline(deadlineNanos - System.nanoTime());
            return s;
        };
    }

    /**
     * A handler that also completes {@code answer} with the whole answer as soon as the body is read, on
     * the thread that read it. {@code HttpClient.sendAsync} completes its own future through
     * {@code CompletableFuture}'s default executor, which starts a thread per task when the common pool has
     * a single thread (2 CPUs or fewer); that future is then only needed for failures before any body.
     *
     * @param limit the size limit
     * @param request the request, for {@link Answer#request()}
     * @param answer completed with the answer, or exceptionally with the body's failure
     */
    static HttpResponse.BodyHandler<byte[]> capturing(long limit, java.net.http.HttpRequest request,
            CompletableFuture<HttpResponse<byte[]>> answer) {
        HttpResponse.BodyHandler<byte[]> limited = handler(limit);
        return info -> {
            HttpResponse.BodySubscriber<byte[]> s = limited.apply(info);
            s.getBody().whenComplete((bytes, failure) -> {
                if (failure != null) {
                    answer.completeExceptionally(failure);
                } else {
                    answer.complete(new Answer(info, request, bytes));
                }
            });
            return s;
        };
    }

    /** Counts the bytes and hands them on, or cancels once they pass the limit. */
    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<byte[]> delegate = HttpResponse.BodySubscribers.ofByteArray();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final long limit;
        private final boolean announcedTooLarge;
        private volatile Flow.Subscription subscription;
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

        /** Fails the body unless it completes within {@code nanos}; the timer is cancelled when it does. */
        void deadline(long nanos) {
            if (body.isDone()) {
                return;
            }
            if (nanos <= 0) {
                expire();
                return;
            }
            Runnable expire = this::expire;
            BodyDeadlines.SHARED.watch(expire, System.nanoTime() + nanos);
            body.whenComplete((bytes, failure) -> BodyDeadlines.SHARED.unwatch(expire));
        }

        private void expire() {
            if (body.completeExceptionally(new HttpTimeoutException("the answer's body was not complete in time"))) {
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (body.isDone()) {  // the deadline passed before the body started
                s.cancel();
                return;
            }
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
