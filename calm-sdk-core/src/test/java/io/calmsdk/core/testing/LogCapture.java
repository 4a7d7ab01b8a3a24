package io.calmsdk.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the {@code io.calmsdk} loggers at TRACE and above, for tests that prove
 * what is (and is not) logged. Use in try-with-resources; shared with other modules via the test-jar.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.previousLevel = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
    }

    /**
     * Starts capturing all {@code io.calmsdk} loggers at TRACE.
     *
     * @return the capture; close it to stop
     */
    public static LogCapture start() {
        return new LogCapture("io.calmsdk");
    }

    /**
     * The captured events, oldest first.
     *
     * @return a snapshot of the events
     */
    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /**
     * Every captured line, formatted, with stack traces of attached throwables, joined by newlines.
     *
     * @return the text of all events
     */
    public String text() {
        return events().stream().map(LogCapture::render).collect(Collectors.joining("\n"));
    }

    private static String render(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage());
        for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
