package io.calmsdk.testkit.internal.calm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The metric data points and log records the simulated raw data outbound APIs serve, by provider, in the order
 * added. Thread-safe.
 */
public final class TelemetryStore {

    /**
     * One metric data point.
     *
     * @param provider the provider, e.g. {@code hm}
     * @param serviceId the resource's service
     * @param metric the metric's name
     * @param time the point's time
     * @param value the value
     * @param attributes the point's attributes
     */
    public record Point(String provider, String serviceId, String metric, Instant time, double value,
                        Map<String, String> attributes) {
    }

    /**
     * One log record.
     *
     * @param provider the provider, e.g. {@code hm}
     * @param serviceId the resource's service
     * @param time when it happened
     * @param severity the severity text, e.g. {@code ERROR}
     * @param body the message
     */
    public record Log(String provider, String serviceId, Instant time, String severity, String body) {
    }

    private final List<Point> points = new ArrayList<>();
    private final List<Log> logs = new ArrayList<>();

    synchronized void reset() {
        points.clear();
        logs.clear();
    }

    /**
     * Adds a data point.
     *
     * @param point the point
     */
    public synchronized void add(Point point) {
        points.add(point);
    }

    /**
     * Adds a log record.
     *
     * @param log the record
     */
    public synchronized void add(Log log) {
        logs.add(log);
    }

    synchronized List<Point> points(String provider) {
        return points.stream().filter(p -> p.provider().equals(provider)).toList();
    }

    synchronized List<Log> logs(String provider) {
        return logs.stream().filter(l -> l.provider().equals(provider)).toList();
    }
}
