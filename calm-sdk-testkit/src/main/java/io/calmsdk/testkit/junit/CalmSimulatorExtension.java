package io.calmsdk.testkit.junit;

import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.SimulatorBuilder;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link BtpSimulator} per test class (nested classes share their
 * outer class's), resets it before each test, injects it as a {@code BtpSimulator} parameter and closes
 * it after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CalmSimulatorExtension SIM = CalmSimulatorExtension.using(
 *         BtpSimulator.builder().defaultPageSize(2).operationPolls(3));
 * }</pre>
 *
 * Register it in a static field: an instance field gets a simulator per test instance. Thread-safe.
 */
public final class CalmSimulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CalmSimulatorExtension.class);
    private static final String KEY = "simulator";

    private final Supplier<BtpSimulator> factory;
    private volatile BtpSimulator current;

    /** An extension whose simulator has the default settings ({@link BtpSimulator#start()}). */
    public CalmSimulatorExtension() {
        this(BtpSimulator::start);
    }

    private CalmSimulatorExtension(Supplier<BtpSimulator> factory) {
        this.factory = factory;
    }

    /**
     * An extension whose simulator is started from a configured builder.
     *
     * @param builder the configuration; {@link SimulatorBuilder#start()} is called once per test class
     * @return the extension
     */
    public static CalmSimulatorExtension using(SimulatorBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        return new CalmSimulatorExtension(builder::start);
    }

    /**
     * The running simulator, for static fields and {@code @BeforeAll} methods that do not take parameters.
     *
     * @return the simulator of the test class being run
     * @throws IllegalStateException before the test class started
     */
    public BtpSimulator simulator() {
        BtpSimulator sim = current;
        if (sim == null || sim.isClosed()) {
            throw new IllegalStateException("no simulator is running: the test class has not started or has ended");
        }
        return sim;
    }

    /**
     * Starts the class's simulator unless an enclosing class already did.
     *
     * @param context the class context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Holder holder = store.get(KEY, Holder.class);
        if (holder == null) {
            holder = new Holder(factory.get());
            store.put(KEY, holder);
        }
        current = holder.simulator;
    }

    /**
     * Resets the simulator so that every test starts from the same state.
     *
     * @param context the test context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        BtpSimulator sim = simulator(context);
        current = sim;
        sim.reset();
    }

    /**
     * Closes the simulator this class started (not one an enclosing class started).
     *
     * @param context the class context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        Holder holder = context.getStore(NAMESPACE).remove(KEY, Holder.class);
        if (holder != null) {
            holder.close();
        }
    }

    /**
     * Whether the parameter is a {@link BtpSimulator}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return whether this extension provides it
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BtpSimulator.class;
    }

    /**
     * The class's simulator.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the simulator
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator(extensionContext);
    }

    private BtpSimulator simulator(ExtensionContext context) {
        Holder holder = context.getStore(NAMESPACE).get(KEY, Holder.class);
        if (holder == null) {
            // Registered on an instance field: there was no beforeAll, so start one for this context's class.
            ExtensionContext classContext = context.getTestMethod().isPresent()
                    ? context.getParent().orElse(context) : context;
            holder = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> new Holder(factory.get()),
                    Holder.class);
        }
        return holder.simulator;
    }

    /** Store value; JUnit 5.13+ closes AutoCloseable store values when their context ends. */
    private static final class Holder implements AutoCloseable {
        private final BtpSimulator simulator;

        Holder(BtpSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public void close() {
            simulator.close();
        }
    }
}
