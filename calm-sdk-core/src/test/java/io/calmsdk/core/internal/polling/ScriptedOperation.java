package io.calmsdk.core.internal.polling;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A long-running operation whose polls answer from a script; each poll may take time on the clock.
 * The last response repeats once the script is used up.
 */
final class ScriptedOperation implements Supplier<PollResponse<String>> {

    final AtomicInteger polls = new AtomicInteger();
    private final Deque<PollResponse<String>> script;
    private final ManualClock clock;
    private Duration latency = Duration.ZERO;

    ScriptedOperation(ManualClock clock, List<PollResponse<String>> script) {
        this.clock = clock;
        this.script = new ArrayDeque<>(script);
    }

    /** {@code inProgress} polls of "in progress", then "succeeded" with value "done". */
    static ScriptedOperation succeedingAfter(ManualClock clock, int inProgress) {
        List<PollResponse<String>> script = new java.util.ArrayList<>();
        for (int i = 0; i < inProgress; i++) {
            script.add(PollResponse.inProgress("in progress"));
        }
        script.add(PollResponse.succeeded("succeeded", "done"));
        return new ScriptedOperation(clock, script);
    }

    /** Never finishes. */
    static ScriptedOperation stuckIn(ManualClock clock, String state) {
        return new ScriptedOperation(clock, List.of(PollResponse.inProgress(state)));
    }

    ScriptedOperation takingPerPoll(Duration d) {
        this.latency = d;
        return this;
    }

    @Override
    public synchronized PollResponse<String> get() {
        polls.incrementAndGet();
        clock.advance(latency);
        return script.size() > 1 ? script.poll() : script.peek();
    }
}
