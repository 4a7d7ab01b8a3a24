package io.calmsdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place commands print through, so that {@code --json} and {@code --quiet} hold for every
 * command: human mode prints sentences and tables on standard output; JSON mode prints exactly one JSON
 * document on standard output (progress and warnings go to standard error as JSON lines); quiet mode
 * prints only a command's product (a revealed token, a response body) and errors.
 */
final class Printer {

    /** How output is shaped. */
    enum Mode { HUMAN, JSON, QUIET }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Mode mode;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean silentProgress;

    Printer(Mode mode, PrintWriter out, PrintWriter err) {
        this(mode, out, err, mode == Mode.QUIET);
    }

    /**
     * Creates a printer.
     *
     * @param mode the output mode
     * @param out standard output
     * @param err standard error
     * @param silentProgress whether progress stays hidden (--quiet, also together with --json)
     */
    Printer(Mode mode, PrintWriter out, PrintWriter err, boolean silentProgress) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.silentProgress = silentProgress || mode == Mode.QUIET;
    }

    /** Whether progress is shown at all. */
    boolean showsProgress() {
        return !silentProgress;
    }

    Mode mode() {
        return mode;
    }

    boolean json() {
        return mode == Mode.JSON;
    }

    boolean human() {
        return mode == Mode.HUMAN;
    }

    PrintWriter err() {
        return err;
    }

    /** The mapper for JSON output; it never serialises a secret unless given revealed text. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty JSON object for a command's document. */
    ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A sentence or table row for people; printed in human mode only. */
    void line(String text) {
        if (mode == Mode.HUMAN) {
            out.println(text);
            out.flush();
        }
    }

    /** A remark beside the product (a status line): standard error, human mode only, so pipes stay clean. */
    void aside(String text) {
        if (mode == Mode.HUMAN) {
            err.println(text);
            err.flush();
        }
    }

    /** What the command produces for scripts too (a token, a body): printed in human and quiet mode. */
    void value(String text) {
        if (mode != Mode.JSON) {
            out.println(text);
            out.flush();
        }
    }

    /** The command's single JSON document; printed in JSON mode only. */
    void document(JsonNode document) {
        if (mode == Mode.JSON) {
            out.println(pretty(document));
            out.flush();
        }
    }

    /** A problem the command worked around; not printed in quiet mode. */
    void warn(String text) {
        if (mode == Mode.JSON) {
            err.println(compact(object().put("warning", text)));
        } else if (mode == Mode.HUMAN) {
            err.println("warning: " + text);
        }
        err.flush();
    }

    /**
     * Reports what ended the command: one line in human and quiet mode (the messages of the exception
     * and its causes, never a stack trace unless asked for), an error document in JSON mode.
     *
     * @param failure the failure
     * @param exitCode the code the process ends with
     * @param stackTrace whether to add the stack trace (--verbose); calm-sdk messages hold no secrets
     */
    void error(Throwable failure, int exitCode, boolean stackTrace) {
        // Interrupted: what the SDK was doing at that moment is noise; say what to do next.
        String message = exitCode != ExitCodes.INTERRUPTED ? messages(failure)
                : failure instanceof InterruptedRun ? failure.getMessage() : "interrupted; " + InterruptedRun.CONTINUE;
        if (mode == Mode.JSON) {
            ObjectNode doc = object().put("ok", false);
            doc.putObject("error").put("exitCode", exitCode).put("kind", ExitCodes.kind(exitCode))
                    .put("type", failure.getClass().getSimpleName()).put("message", message);
            out.println(pretty(doc));
            out.flush();
        } else {
            err.println("calm: " + message);
            String hint = hint(exitCode);
            if (hint != null && mode == Mode.HUMAN) {
                err.println("      " + hint);
            }
        }
        if (stackTrace) {
            failure.printStackTrace(err);
        }
        err.flush();
    }

    private static String hint(int exitCode) {
        switch (exitCode) {
            case ExitCodes.AUTH_FAILURE:
                return "(exit 3: authentication or authorization failed; check the key's clientid/clientsecret"
                        + " and the instance's scopes)";
            case ExitCodes.SERVICE_FAILURE:
                return "(exit 4: the service refused or failed; the message names the call and correlation id)";
            case ExitCodes.TIMEOUT:
                return "(exit 5: timed out; run again to continue where it stopped, or raise --timeout)";
            case ExitCodes.UNREACHABLE:
                return "(exit 6: no usable answer; check the URLs in the key and the network)";
            case ExitCodes.UNEXPECTED:
                return "(exit 1: unexpected; run again with --verbose and report the output)";
            default:
                return null;
        }
    }

    /** A message cut at this many characters of a shared start: "the same call", said again by a cause. */
    private static final int SHARED_START = 30;
    private static final Pattern CORRELATION = Pattern.compile("\\s*\\[correlation id ([0-9A-Za-z-]{8,})[^\\]]*\\]");

    /**
     * The messages of a failure and its causes, joined with "; caused by: ", each said once: a cause that
     * repeats what was said already (the same call, status and message, with or without its correlation
     * id) is left out or reduced to what is new, and a correlation id already shown is not shown again.
     */
    static String messages(Throwable failure) {
        List<String> parts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause(), depth++) {
            String m = t.getMessage();
            if (m == null || m.isBlank()) {
                m = t.getClass().getSimpleName();
            }
            m = withoutRepeats(m, all.toString());
            if (!m.isBlank()) {
                parts.add(m);
                all.append(m).append('\n');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join("; caused by: ", parts);
    }

    /** What a cause's message adds to the text shown so far; empty when nothing. */
    private static String withoutRepeats(String message, String shown) {
        String said = CORRELATION.matcher(shown).replaceAll("");
        String m = message;
        String plain = CORRELATION.matcher(m).replaceAll("");
        if (said.contains(plain.strip())) {
            return "";
        }
        // The same start as something said (the same call and status): keep only what follows it.
        int at = plain.length() < SHARED_START ? -1 : said.indexOf(plain.substring(0, SHARED_START));
        if (at >= 0) {
            int common = 0;
            while (at + common < said.length() && common < plain.length()
                    && said.charAt(at + common) == plain.charAt(common)) {
                common++;
            }
            int cut = Math.max(plain.lastIndexOf(": ", common), plain.lastIndexOf("; ", common));
            m = cut > 0 ? plain.substring(cut + 2) : plain.substring(common);
            if (said.contains(m.strip())) {
                return "";
            }
        }
        Matcher id = CORRELATION.matcher(m);
        StringBuilder kept = new StringBuilder();
        while (id.find()) {
            id.appendReplacement(kept, shown.contains(id.group(1)) ? "" : Matcher.quoteReplacement(id.group()));
        }
        id.appendTail(kept);
        return kept.toString().strip();
    }

    /** Pretty-printed JSON of a tree or of any value Jackson can write. */
    static String pretty(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output: " + e.getOriginalMessage(), e);
        }
    }

    /** One-line JSON, for JSON lines on standard error. */
    static String compact(JsonNode value) {
        return value.toString();
    }

}
