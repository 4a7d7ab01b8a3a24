package io.calmsdk.core.internal.polling;


/**
 * Hears about every poll, e.g. to show live progress in a command-line tool.
 *
 * <p>Called on the polling thread (for asynchronous waits, the thread that completed the poll), after
 * each poll and before the poller waits, finishes or fails. It should return quickly. An exception it
 * throws is logged at WARN and otherwise ignored: a broken progress display must not break the wait.
 */
@FunctionalInterface
public interface PollListener {

    /**
     * Receives one step of a wait.
     *
     * @param progress what the poll found
     */
    void onPoll(PollProgress progress);
}
