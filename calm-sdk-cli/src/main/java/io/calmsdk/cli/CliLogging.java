package io.calmsdk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.Objects;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the {@code calm} command line: calm-sdk's log lines on standard error, WARN and
 * above by default, everything from DEBUG with {@code --verbose}, errors only with {@code --quiet}, and
 * JSON lines with {@code --json}. A few lines of code instead of a logging framework keep the
 * command's class path to the SDK's own dependencies.
 *
 * <p>The SDK never logs secrets, at any level, so {@code --verbose} is safe to paste into an issue.
 * Found by SLF4J through {@code META-INF/services}; applications that depend on calm-sdk bring their
 * own binding instead, this one lives only in the examples module.
 */
public final class CliLogging implements SLF4JServiceProvider {

    private static volatile Level threshold = Level.WARN;
    private static volatile boolean json;
    private static volatile PrintWriter sink = new PrintWriter(System.err, true, Charset.defaultCharset());

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory loggers = CliLogger::new;

    /** Created by SLF4J's service loader. */
    public CliLogging() {
    }

    /**
     * Sets what is logged and where; called by the command line once its flags are parsed.
     *
     * @param level the lowest level shown
     * @param asJson whether each line is a JSON object
     * @param out where lines go (standard error)
     */
    static void configure(Level level, boolean asJson, PrintWriter out) {
        threshold = Objects.requireNonNull(level, "level");
        json = asJson;
        sink = Objects.requireNonNull(out, "out");
    }

    /**
     * The logger factory.
     *
     * @return loggers that print to standard error
     */
    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    /**
     * The marker factory.
     *
     * @return SLF4J's basic marker factory
     */
    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    /**
     * The MDC adapter: the command line has no use for a diagnostic context.
     *
     * @return a no-op adapter
     */
    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    /**
     * The SLF4J API version this binding is written for.
     *
     * @return {@code 2.0.99}
     */
    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    /** Nothing to initialise: the configuration is set by {@link #configure}. */
    @Override
    public void initialize() {
        // Loggers read the static configuration on every call.
    }

    /** A logger that formats SLF4J messages and prints them to the configured sink. */
    private static final class CliLogger extends LegacyAbstractLogger {

        private static final String TRANSPORT_LOGGER = "io.calmsdk.core.internal.http.HttpTransport";

        private static final long serialVersionUID = 1L;

        CliLogger(String name) {
            this.name = name;
        }

        private boolean enabled(Level level) {
            // The transport's own request lines would repeat what HttpTrace prints for --verbose.
            if (level.toInt() < Level.INFO.toInt() && name.equals(TRANSPORT_LOGGER)) {
                return false;
            }
            return level.toInt() >= threshold.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                Object[] arguments, Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
            String logger = name.substring(name.lastIndexOf('.') + 1);
            PrintWriter out = sink;
            synchronized (out) {
                if (json) {
                    out.println(Printer.mapper().createObjectNode().put("log", level.name()).put("logger", name)
                            .put("message", message + (throwable == null ? "" : " (" + throwable + ")")));
                } else {
                    out.println(level.name().toLowerCase(java.util.Locale.ROOT) + ": " + logger + ": " + message);
                    if (throwable != null) {
                        StringWriter trace = new StringWriter();
                        throwable.printStackTrace(new PrintWriter(trace));
                        out.print(trace);
                    }
                }
                out.flush();
            }
        }
    }
}
