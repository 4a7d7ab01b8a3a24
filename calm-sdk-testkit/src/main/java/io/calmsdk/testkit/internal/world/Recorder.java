package io.calmsdk.testkit.internal.world;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/** The request journal's storage: bounded, oldest lines dropped first, safe for concurrent hosts. */
public final class Recorder {

    private final ConcurrentLinkedDeque<RecordedRequest> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    /**
     * Creates the recorder.
     *
     * @param capacity most lines kept
     */
    public Recorder(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Adds a line.
     *
     * @param request the line
     */
    public void record(RecordedRequest request) {
        entries.addLast(request);
        if (size.incrementAndGet() > capacity && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** @return a copy of all lines, oldest first */
    public List<RecordedRequest> snapshot() {
        return new ArrayList<>(entries);
    }

    /** Forgets every line. */
    public void clear() {
        entries.clear();
        size.set(0);
    }
}
