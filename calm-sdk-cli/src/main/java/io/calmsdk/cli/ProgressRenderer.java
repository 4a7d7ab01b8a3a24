package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.BindingRequest;
import io.calmsdk.btp.ProvisioningListener;
import io.calmsdk.btp.ProvisioningStep;
import io.calmsdk.btp.StepResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Shows live progress of provisioning on standard error while standard output stays clean for the
 * result: the step, its state, the time elapsed, and for fleet runs a bar of finished subaccounts.
 *
 * <ul>
 * <li>On a terminal (human mode) one status line is redrawn in place several times a second and
 * erased when the work ends.</li>
 * <li>Without a terminal (CI logs, pipes) a plain line is printed when a wait changes state or every
 * ten seconds of waiting, and for fleets when a subaccount finishes.</li>
 * <li>In JSON mode every event is one JSON object per line; in quiet mode nothing is shown.</li>
 * </ul>
 *
 * <p>The provisioner calls the listener from its worker threads, so every method is synchronized.
 */
final class ProgressRenderer implements ProvisioningListener, AutoCloseable {

    private static final String CLEAR_LINE = "\r\033[2K";
    private static final char[] SPINNER = {'|', '/', '-', '\\'};
    private static final Duration PLAIN_REPEAT = Duration.ofSeconds(10);
    private static final int BAR_WIDTH = 20;
    private static final int MAX_WIDTH = 110;

    private enum Style { LIVE, PLAIN, JSON, NONE }

    private final Style style;
    private final PrintWriter err;
    private final Clock clock;
    private final Instant started;
    private final int total;
    private final Map<String, Activity> active = new LinkedHashMap<>();
    /** Subaccounts whose request ended: {@code true} succeeded, {@code false} failed (not interrupted). */
    private final Map<String, Boolean> ended = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker;
    private int done;
    private int failed;
    private int frame;
    private boolean lineShown;
    private boolean closed;

    /** What one request is doing right now. */
    private static final class Activity {
        ProvisioningStep step;
        String state = "started";
        Instant stepStarted;
        String lastPlainState;
        Instant lastPlainLine;
    }

    private ProgressRenderer(Style style, PrintWriter err, Clock clock, int total) {
        this.style = style;
        this.err = err;
        this.clock = clock;
        this.started = clock.instant();
        this.total = total;
        if (style == Style.LIVE) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "calm-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 200, 200, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /**
     * A renderer suited to the output mode and the terminal.
     *
     * @param printer the output mode
     * @param context streams, clock and whether a terminal is attached
     * @param total how many requests run (1 for a single subaccount)
     * @return the renderer; close it before printing results
     */
    static ProgressRenderer create(Printer printer, CliContext context, int total) {
        Style style;
        Printer.Mode mode = printer.showsProgress() ? printer.mode() : Printer.Mode.QUIET;
        switch (mode) {
            case JSON:
                style = Style.JSON;
                break;
            case QUIET:
                style = Style.NONE;
                break;
            default:
                style = context.terminal() ? Style.LIVE : Style.PLAIN;
        }
        return new ProgressRenderer(style, context.err(), context.clock(), total);
    }

    @Override
    public synchronized void onStepStarted(BindingRequest request, ProvisioningStep step) {
        Activity a = active.computeIfAbsent(key(request), k -> new Activity());
        a.step = step;
        a.state = "started";
        a.stepStarted = clock.instant();
        if (style == Style.JSON) {
            emit(event("step-started", request).put("step", step.words()));
        }
        redraw();
    }

    @Override
    public synchronized void onStepProgress(BindingRequest request, ProvisioningStep step, Progress progress) {
        Activity a = active.computeIfAbsent(key(request), k -> new Activity());
        a.step = step;
        a.state = progress.state();
        if (style == Style.JSON) {
            emit(event("waiting", request).put("step", step.words()).put("awaited", progress.awaited())
                    .put("state", progress.state()).put("poll", progress.attempt())
                    .put("elapsedMs", progress.elapsed().toMillis()));
        } else if (style == Style.PLAIN) {
            Instant now = clock.instant();
            boolean changed = !progress.state().equals(a.lastPlainState);
            if (changed || a.lastPlainLine == null || Duration.between(a.lastPlainLine, now).compareTo(PLAIN_REPEAT) >= 0) {
                a.lastPlainState = progress.state();
                a.lastPlainLine = now;
                err.println(prefix(request) + "waiting for " + progress.awaited() + ": " + progress.state() + " ("
                        + Durations.human(progress.elapsed()) + ")");
                err.flush();
            }
        }
        redraw();
    }

    @Override
    public synchronized void onStepFinished(BindingRequest request, StepResult result) {
        if (style == Style.JSON) {
            emit(event("step-finished", request).put("step", result.step().words())
                    .put("outcome", result.outcome().name()).put("elapsedMs", result.elapsed().toMillis()));
        }
        if (result.step() == ProvisioningStep.VERIFY) {
            finished(request, true);
        } else {
            Activity a = active.get(key(request));
            if (a != null) {
                a.state = result.outcome().name().toLowerCase(Locale.ROOT);
            }
            redraw();
        }
    }

    @Override
    public synchronized void onStepFailed(BindingRequest request, ProvisioningStep step, RuntimeException failure) {
        if (ExitCodes.of(failure) == ExitCodes.INTERRUPTED) {
            // Ctrl+C: not a failure of this subaccount; it is simply not finished.
            active.remove(key(request));
            return;
        }
        if (style == Style.JSON) {
            emit(event("step-failed", request).put("step", step.words()).put("message", Printer.messages(failure)));
        }
        finished(request, false);
    }

    /**
     * What a fleet run finished, for the report of an interruption.
     *
     * @param all every subaccount of the run, in order
     * @return e.g. {@code 1 of 3 subaccounts finished (1 succeeded, 0 failed); not finished: b, c}
     */
    synchronized String finishedOf(List<String> all) {
        long succeeded = ended.values().stream().filter(ok -> ok).count();
        List<String> failedIds = ended.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .collect(Collectors.toList());
        List<String> open = all.stream().filter(id -> !ended.containsKey(id)).collect(Collectors.toList());
        return ended.size() + " of " + all.size() + " subaccounts finished (" + succeeded + " succeeded, "
                + failedIds.size() + " failed" + (failedIds.isEmpty() ? "" : ": " + listed(failedIds)) + ")"
                + (open.isEmpty() ? "" : "; not finished: " + listed(open));
    }

    private static String listed(List<String> ids) {
        return ids.size() <= 10 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 10)) + ", ... ("
                + (ids.size() - 10) + " more)";
    }

    /**
     * Counts a request as finished: for failures that happen before any step (validation), which the
     * provisioner does not report to listeners.
     *
     * @param finishedRequests how many requests have finished in all
     * @param failedRequests how many of them failed
     */
    synchronized void settle(int finishedRequests, int failedRequests) {
        this.done = finishedRequests;
        this.failed = failedRequests;
        redraw();
    }

    private void finished(BindingRequest request, boolean ok) {
        if (active.remove(key(request)) == null && !ok) {
            // A failure after the request already counted (should not happen); do not count twice.
            return;
        }
        done++;
        ended.put(request.subaccountId(), ok);
        if (!ok) {
            failed++;
        }
        if (total > 1) {
            if (style == Style.PLAIN) {
                err.println("[" + done + "/" + total + "] " + request.subaccountId() + ": " + (ok ? "done" : "failed")
                        + " (" + Durations.human(Duration.between(started, clock.instant())) + ")");
                err.flush();
            } else if (style == Style.JSON) {
                emit(event("progress", request).put("done", done).put("failed", failed).put("total", total));
            }
        }
        redraw();
    }

    private static ObjectNode event(String name, BindingRequest request) {
        return Printer.mapper().createObjectNode().put("event", name)
                .put("subaccountId", request.subaccountId()).put("instance", request.instanceName().value());
    }

    private void emit(ObjectNode event) {
        err.println(Printer.compact(event));
        err.flush();
    }

    private synchronized void redraw() {
        if (style != Style.LIVE || closed) {
            return;
        }
        StringBuilder line = new StringBuilder();
        line.append(SPINNER[frame++ % SPINNER.length]).append(' ');
        Duration elapsed = Duration.between(started, clock.instant());
        if (total > 1) {
            int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total);
            if (failed > 0) {
                line.append(" - ").append(failed).append(" failed");
            }
            line.append(" - ").append(Durations.human(elapsed));
            active.entrySet().stream().findFirst().ifPresent(e -> line.append(" - ").append(shortId(e.getKey()))
                    .append(": ").append(describe(e.getValue())));
        } else {
            Activity a = active.values().stream().findFirst().orElse(null);
            line.append(a == null ? "starting" : describe(a)).append(" - ").append(Durations.human(elapsed));
        }
        String text = line.length() > MAX_WIDTH ? line.substring(0, MAX_WIDTH - 1) + "..." : line.toString();
        err.print(CLEAR_LINE + text);
        err.flush();
        lineShown = true;
    }

    private String describe(Activity a) {
        if (a.step == null) {
            return a.state;
        }
        String stepTime = a.stepStarted == null ? ""
                : " (" + Durations.human(Duration.between(a.stepStarted, clock.instant())) + ")";
        return a.step.words() + ": " + a.state + stepTime;
    }

    private String prefix(BindingRequest request) {
        return total > 1 ? shortId(key(request)) + ": " : "";
    }

    private static String shortId(String key) {
        int slash = key.indexOf('/');
        String sub = slash < 0 ? key : key.substring(0, slash);
        return sub.length() > 8 ? sub.substring(0, 8) + "..." : sub;
    }

    private static String key(BindingRequest request) {
        return request.subaccountId() + "/" + request.instanceName().value();
    }

    /** Stops the redraws and erases the status line, so that results print on a clean line. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (lineShown) {
            err.print(CLEAR_LINE);
            err.flush();
            lineShown = false;
        }
    }
}
