package io.calmsdk.cli;

import io.calmsdk.core.ClientOptions;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.event.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code calm} command line: enables the SAP Cloud ALM API for subaccounts, shows tokens and calls
 * Cloud ALM, all with calm-sdk. Without keys every command runs against an in-process simulator, so
 * {@code ./calm provision} works on a fresh clone with nothing but a JDK.
 *
 * <pre>{@code
 * ./calm provision                                   # the whole story against the in-process simulator
 * ./calm provision --cis-key cis.json --subaccount 0f2c... --scopes projects.read,tasks.write --key-file calm-key.json
 * ./calm token --key calm-key.json
 * ./calm call GET /calm-projects/v1/projects --key calm-key.json
 * }</pre>
 *
 * <p>Exit codes ({@link #EXIT_CODES}): 0 success, 1 unexpected error, 2 bad input or usage (missing or
 * unreadable key files included), 3 authentication or authorization failure, 4 service failure, 5 timeout,
 * 6 service unreachable or I/O failure, 130 interrupted (Ctrl+C).
 */
@Command(name = "calm", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = {"Enable the SAP Cloud ALM API and call it, with calm-sdk.",
            "Without keys, every command runs against an in-process simulator."})
public final class CalmCommand implements Callable<Integer> {

    /** The commands, in the order {@code calm --help} lists them. */
    private static final List<Class<?>> COMMANDS = List.of(ProvisionCommand.class, TokenCommand.class,
            CallCommand.class, DeprovisionCommand.class, RotateCommand.class, SimulatorCommand.class,
            ExampleCommand.class, CompletionCommand.class);

    /** The exit codes, shown once: in {@code calm --help}, not in every command's help. */
    static final String[] EXIT_CODES = {
        "  0    success",
        "  1    unexpected error (run again with --verbose and report it)",
        "  2    bad input: unknown flag, missing value, missing, unreadable or malformed key, invalid name or scope",
        "  3    authentication or authorization failed: wrong secret, HTTP 401/403, missing scope",
        "  4    the service refused or failed: error status, failed operation, no entitlement or quota",
        "  5    timeout: a call or a wait ran out of time (run again: it continues where it stopped)",
        "  6    no usable answer: connection refused, network or file I/O failure",
        "  130  interrupted (Ctrl+C); run again to continue where it stopped"};

    /** Wide enough that no description is cut into odd pieces on a usual terminal. */
    private static final int HELP_WIDTH = 110;

    /** How long Ctrl+C waits for the command to report what it finished. */
    private static final Duration INTERRUPT_REPORT_TIME = Duration.ofSeconds(3);

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Machine-readable output: one JSON document on stdout, JSON lines on stderr.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only the essential result (a revealed token, a response body) and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log every HTTP call (never secrets) and show stack traces of errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final CliContext context;
    private Printer printer;

    CalmCommand(CliContext context) {
        this.context = context;
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments, e.g. {@code provision --dry-run}
     */
    public static void main(String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // The one answer that needs no command model: printed before picocli reflects on every command.
            System.out.println(new VersionProvider().getVersion()[0]);
            return;
        }
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0])) && !ExampleCommand.examplesPresent()) {
            // The published jar's help, rendered by the build: picocli's classes (Java 5 bytecode, which the
            // JVM verifies slowly and cannot keep in a class-data-sharing archive) would cost most of the start.
            Optional<String> help = PublishedHelp.read(CommandLine.Help.Ansi.AUTO.enabled());
            if (help.isPresent()) {
                System.out.print(help.get());
                System.out.flush();
                return;
            }
        }
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        CliContext context = new CliContext(out, err, System.getenv(), Clock.systemUTC(), ClientOptions.Sleeper.system(),
                terminal, CalmCommand::awaitShutdown);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C: interrupt the command and give it a moment to say what it finished, instead of a cut
        // progress line. The JVM then ends with 130; System.exit below only blocks until it does.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.interruptCommand();
            try {
                finished.await(INTERRUPT_REPORT_TIME.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.flush();
            err.flush();
        }, "calm-interrupt"));
        int code = execute(args, context);
        out.flush();
        err.flush();
        finished.countDown();
        System.exit(code);
    }

    /**
     * Waits until the JVM is asked to stop (Ctrl+C, SIGTERM). The clean-up runs in the shutdown hook,
     * because the JVM does not wait for the main thread once it shuts down.
     */
    private static void awaitShutdown(Runnable onStop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                onStop.run();
            } finally {
                stopped.countDown();
            }
        }, "calm-shutdown"));
        stopped.await();
    }

    /**
     * Parses and runs one command line in this JVM.
     *
     * @param args the arguments
     * @param context streams, environment, clock and sleeper
     * @return the exit code
     */
    static int execute(String[] args, CliContext context) {
        context.commandRunsOn(Thread.currentThread());
        CalmCommand calm = new CalmCommand(context);
        CommandLine cl = commandLine(calm, args, ExampleCommand.examplesPresent());
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // "@file" is how --data names a body file; picocli's own argument files would split the JSON apart.
        cl.setExpandAtFiles(false);
        cl.setExecutionStrategy(parseResult -> {
            calm.configureLogging();
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler((ex, arguments) -> usageError(ex, arguments, context));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = ExitCodes.of(ex);
            calm.printer().error(ex, code, calm.verbose);
            return code;
        });
        return cl.execute(args);
    }

    /**
     * The command model for these arguments, laid out for help.
     *
     * @param calm the top-level command
     * @param args the arguments (they say which command needs its full model)
     * @param withExamples whether {@code calm example} is offered (only where the examples are on the class path)
     * @return the command line, not yet given streams or handlers
     */
    static CommandLine commandLine(CalmCommand calm, String[] args, boolean withExamples) {
        CommandLine cl = new CommandLine(calm);
        // First: the setters below apply to the commands already added; the footer (inherited by commands
        // added after it) belongs to the top level only.
        addCommands(cl, args, withExamples);
        cl.setUsageHelpWidth(HELP_WIDTH);
        cl.setUsageHelpLongOptionsMaxWidth(30);
        cl.getCommandSpec().usageMessage().footerHeading("%nExit codes:%n").footer(EXIT_CODES);
        return cl;
    }

    /**
     * Adds the commands. Only the one the arguments name (all of them for {@code completion}) gets its full
     * model; the others are listed from their {@code @Command} annotation alone. Building a command's model
     * reflects on every option and loads its types, which is most of what {@code calm --help} used to cost.
     */
    private static void addCommands(CommandLine cl, String[] args, boolean withExamples) {
        String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        boolean all = "completion".equals(named);
        for (Class<?> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (all || command.name().equals(named)) {
                cl.addSubcommand(command.name(), type);
            } else {
                CommandSpec listed = CommandSpec.create().name(command.name());
                listed.usageMessage().description(command.description());
                cl.addSubcommand(command.name(), listed);
            }
        }
        if (!withExamples) {
            // The published jar has no examples; `calm example` still answers, naming where they are.
            cl.getSubcommands().get("example").getCommandSpec().usageMessage().hidden(true);
        }
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args, CliContext context) {
        boolean json = Arrays.asList(args).contains("--json");
        Printer p = new Printer(json ? Printer.Mode.JSON : Printer.Mode.HUMAN, context.out(), context.err());
        p.error(ex, ExitCodes.BAD_INPUT, false);
        if (!json) {
            PrintWriter err = context.err();
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
        }
        return ExitCodes.BAD_INPUT;
    }

    private void configureLogging() {
        Level level = verbose ? Level.DEBUG : quiet ? Level.ERROR : Level.WARN;
        CliLogging.configure(level, json, context.err());
        if (verbose) {
            context.traceHttp(new HttpTrace(context.err(), json));
        }
    }

    /** {@code calm} without a command: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.BAD_INPUT;
    }

    /**
     * The printer for the output flags given.
     *
     * @return the printer, the same one for the whole run
     */
    Printer printer() {
        if (printer == null) {
            Printer.Mode mode = json ? Printer.Mode.JSON : quiet ? Printer.Mode.QUIET : Printer.Mode.HUMAN;
            printer = new Printer(mode, context.out(), context.err(), quiet);
        }
        return printer;
    }

    CliContext context() {
        return context;
    }

    boolean verbose() {
        return verbose;
    }
}
