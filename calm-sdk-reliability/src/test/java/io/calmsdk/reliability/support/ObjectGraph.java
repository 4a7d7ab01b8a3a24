package io.calmsdk.reliability.support;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks the calm-sdk objects reachable from some roots through public no-argument accessors, to call
 * {@code toString()} on every public model a user can get hold of. Clients and other
 * {@link AutoCloseable}s are printed but not walked into (their methods do things); methods that reveal
 * on purpose ({@code reveal}, {@code toJson...}) return text and are never printed.
 */
public final class ObjectGraph {

    private static final Set<String> SKIPPED = Set.of("reveal", "close", "hashCode", "toString", "getClass",
            "notify", "notifyAll", "wait", "toBuilder", "builder", "stream", "iterator", "byPage", "spliterator");
    private static final int MAX_OBJECTS = 5_000;

    private final Map<Object, Boolean> seen = new IdentityHashMap<>();
    private final Set<String> types = new TreeSet<>();
    private final StringBuilder shown = new StringBuilder();

    /**
     * Adds roots and everything reachable from them.
     *
     * @param roots the starting objects
     * @return this
     */
    public ObjectGraph walk(Object... roots) {
        Deque<Object> todo = new ArrayDeque<>();
        for (Object r : roots) {
            enqueue(todo, r);
        }
        while (!todo.isEmpty() && seen.size() < MAX_OBJECTS) {
            Object o = todo.pop();
            shown.append(o.getClass().getName()).append(": ").append(o).append('\n');
            types.add(o.getClass().getName());
            if (o instanceof AutoCloseable || o instanceof Throwable) {
                continue;
            }
            for (Method m : o.getClass().getMethods()) {
                if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || SKIPPED.contains(m.getName())
                        || m.getName().startsWith("toJson") || m.getReturnType() == void.class) {
                    continue;
                }
                try {
                    m.setAccessible(true);
                    enqueue(todo, m.invoke(o));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // An accessor that cannot be called here (e.g. a non-public class's method) shows nothing.
                }
            }
        }
        return this;
    }

    private void enqueue(Deque<Object> todo, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Optional) {
            ((Optional<?>) value).ifPresent(v -> enqueue(todo, v));
            return;
        }
        if (value instanceof Collection) {
            ((Collection<?>) value).forEach(v -> enqueue(todo, v));
            return;
        }
        if (value instanceof Map) {
            ((Map<?, ?>) value).values().forEach(v -> enqueue(todo, v));
            return;
        }
        String type = value.getClass().getName();
        boolean sdk = type.startsWith("io.calmsdk.") && !type.startsWith("io.calmsdk.testkit.")
                && !type.startsWith("io.calmsdk.reliability.");
        if (sdk && seen.put(value, Boolean.TRUE) == null) {
            todo.push(value);
        }
    }

    /** @return every {@code toString()} printed, one object per line */
    public String shown() {
        return shown.toString();
    }

    /** @return the calm-sdk types printed */
    public Set<String> types() {
        return types;
    }

    /** @return how many objects were printed */
    public int objects() {
        return seen.size();
    }
}
