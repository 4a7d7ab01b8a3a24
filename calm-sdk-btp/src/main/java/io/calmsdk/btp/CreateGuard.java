package io.calmsdk.btp;

import io.calmsdk.core.internal.text.HumanDuration;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.btp.internal.Deadline;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.CalmTimeoutException;
import io.calmsdk.core.exception.ConcurrentOperationException;
import io.calmsdk.core.exception.ConflictException;
import io.calmsdk.core.exception.RateLimitedException;
import io.calmsdk.core.exception.ValidationException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules that keep a reconciliation from ever creating two of anything, and its waits within the
 * overall deadline. Used by one reconciliation, on one thread.
 */
final class CreateGuard {

    private static final Logger LOG = LoggerFactory.getLogger(CloudAlmProvisioner.class);
    private static final Duration MIN_WAIT = Duration.ofMillis(1);
    /** How often a create whose answer was lost is looked for before it is sent again. */
    private static final int LOST_CREATE_LOOKS = 3;
    /** How often a resource a create was refused for (409) but the lists do not show is looked for per round. */
    private static final int LOOKS_AFTER_CONFLICT = 3;

    private final Deadline deadline;
    private final ClientSettings settings;

    CreateGuard(Deadline deadline, ClientSettings settings) {
        this.deadline = deadline;
        this.settings = settings;
    }

    /**
     * Sends a create at most once per answer: 409 and a lost answer that took effect give empty (look
     * the resource up again), 422 waits and gives empty, 429 waits as asked and sends again (the
     * service refused it, so it did not happen).
     */
    <T> Optional<T> submitCreate(String what, Supplier<T> post, BooleanSupplier exists) {
        int attempt = 0;
        while (true) {
            attempt++;
            checkDeadline();
            try {
                return Optional.of(post.get());
            } catch (ConflictException e) {
                LOG.info("{}: it already exists (409); looking it up to reuse it", what);
                return Optional.empty();
            } catch (ConcurrentOperationException e) {
                LOG.info("{}: another operation is running (422); waiting before looking again", what);
                pause(e.retryAfter().orElse(settings.retryPolicy().backoff(attempt)), what + " (422)");
                return Optional.empty();
            } catch (RateLimitedException e) {
                Duration wait = e.retryAfter().orElse(settings.retryPolicy().backoff(attempt));
                LOG.info("{}: rate limited (429); trying again in {} ms", what, wait.toMillis());
                pause(wait, what + " (rate limited)");
            } catch (CalmServiceException e) {
                if (e.status() < 500 || attempt >= settings.retryPolicy().maxAttempts()) {
                    throw e;
                }
                if (lostCreateTookEffect(what, exists, e)) {
                    return Optional.empty();
                }
            } catch (CalmClientException e) {
                if (e instanceof ValidationException || attempt >= settings.retryPolicy().maxAttempts()) {
                    throw e;
                }
                if (lostCreateTookEffect(what, exists, e)) {
                    return Optional.empty();
                }
            }
        }
    }

    /** After a create without a usable answer: look for the resource a few times before sending again. */
    private boolean lostCreateTookEffect(String what, BooleanSupplier exists, CalmException cause) {
        LOG.warn("{}: no usable answer ({}); looking it up before sending it again", what, cause.getMessage());
        for (int look = 1; look <= LOST_CREATE_LOOKS; look++) {
            if (exists.getAsBoolean()) {
                return true;
            }
            pause(settings.pollingOptions().interval(look), what + " (looking for a lost create)");
        }
        return exists.getAsBoolean();
    }

    /**
     * After a create answered 409 for a resource the lists do not show (the service hides one still being
     * created): looks for it again after growing pauses, jittered so that callers racing for the same name
     * spread out, instead of sending the create again at once. Each round continues the polling schedule
     * where the last one ended, so a resource that stays hidden long costs only a few creates.
     *
     * @param conflicts how many creates were refused so far, from 1
     * @param what the resource, for messages
     * @param visible looks the resource up once
     * @return whether it became visible; {@code false}: send the create again
     */
    boolean appearsAfterConflict(int conflicts, String what, BooleanSupplier visible) {
        for (int look = 1; look <= LOOKS_AFTER_CONFLICT; look++) {
            Duration interval = settings.pollingOptions().interval((conflicts - 1) * LOOKS_AFTER_CONFLICT + look);
            long half = Math.max(1, interval.toMillis() / 2);
            pause(Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1)),
                    what + " (it exists, 409, but is not listed yet)");
            if (visible.getAsBoolean()) {
                return true;
            }
        }
        LOG.info("{}: refused with 409 {} time(s) but still not listed; sending it again", what, conflicts);
        return false;
    }

    Duration remaining() {
        return deadline.remainingAtLeast(MIN_WAIT);
    }

    void checkDeadline() {
        if (deadline.expired()) {
            throw new CalmTimeoutException("the overall deadline of " + HumanDuration.of(deadline.budget()) + " passed",
                    deadline.budget(),
                    null);
        }
    }

    void pause(Duration wait, String what) {
        checkDeadline();
        Duration left = deadline.remaining();
        if (wait.compareTo(left) >= 0) {
            throw new CalmTimeoutException("waiting for " + what + " (" + HumanDuration.of(wait) + ") would pass the"
                    + " overall deadline of " + HumanDuration.of(deadline.budget()), deadline.budget(), null);
        }
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalmClientException("interrupted while waiting for " + what, e);
        }
    }

}
