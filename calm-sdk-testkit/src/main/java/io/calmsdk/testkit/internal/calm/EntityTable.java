package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entities of one simulated collection, in creation order. Every create gives the entity its key (and
 * the keys of the children of its navigation properties: deep insert), {@code createdAt} and
 * {@code modifiedAt}; every change moves {@code modifiedAt} forward, so it serves as the ETag. Fields whose
 * names start with {@code _} are the simulator's own and never shown. Thread-safe.
 */
final class EntityTable {

    private final World world;
    private final EntitySpec spec;
    private final Map<String, ObjectNode> rows = new LinkedHashMap<>();
    private Instant lastStamp = Instant.EPOCH;
    /** Rows generated on demand, before the explicit ones: row {@code i} is {@code generator.apply(i)}. */
    private int generated;
    private java.util.function.IntFunction<ObjectNode> generator;

    EntityTable(World world, EntitySpec spec) {
        this.world = world;
        this.spec = spec;
    }

    EntitySpec spec() {
        return spec;
    }

    synchronized void reset() {
        rows.clear();
        generated = 0;
        generator = null;
    }

    /** The key of generated row {@code i}: a well-formed UUID that encodes the index. */
    static String generatedKey(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    /**
     * Adds rows generated on demand (read-only, never held in memory all at once): row {@code i} is
     * {@code generator.apply(i)}, keyed {@link #generatedKey(int)}. Replaces earlier generated rows.
     */
    synchronized void generate(int count, java.util.function.IntFunction<ObjectNode> rowGenerator) {
        this.generated = count;
        this.generator = i -> {
            ObjectNode row = rowGenerator.apply(i);
            row.put(spec.key(), generatedKey(i));
            return row;
        };
    }

    /**
     * Every row, generated ones first, as a list whose generated rows are made when read: a million generated
     * rows cost nothing until a page of them is served.
     */
    synchronized List<ObjectNode> view() {
        int count = generated;
        java.util.function.IntFunction<ObjectNode> gen = generator;
        List<ObjectNode> explicit = all();
        return new java.util.AbstractList<>() {
            @Override
            public ObjectNode get(int index) {
                return index < count ? gen.apply(index) : explicit.get(index - count);
            }

            @Override
            public int size() {
                return count + explicit.size();
            }
        };
    }

    private Optional<ObjectNode> findGenerated(String key) {
        if (generator == null || !key.startsWith("00000000-0000-4000-8000-")) {
            return Optional.empty();
        }
        try {
            int i = Integer.parseInt(key.substring(24));
            return i < generated ? Optional.of(generator.apply(i)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A stamp later than every earlier one, so two changes within a millisecond still differ. */
    private String stamp() {
        Instant now = world.now();
        if (!now.isAfter(lastStamp)) {
            now = lastStamp.plusMillis(1);
        }
        lastStamp = now;
        return JsonSupport.time(now);
    }

    synchronized ObjectNode create(ObjectNode fields) {
        ObjectNode row = fields.deepCopy();
        if (!row.hasNonNull(spec.key())) {
            row.put(spec.key(), Ids.uuid());
        }
        String stamp = stamp();
        row.put("createdAt", stamp);
        row.put("modifiedAt", stamp);
        keyChildren(row, spec.navigations(), stamp);
        rows.put(row.get(spec.key()).asText(), row);
        return row.deepCopy();
    }

    private static void keyChildren(ObjectNode row, Map<String, List<String>> navigations, String stamp) {
        navigations.forEach((nav, grandChildren) -> {
            JsonNode children = row.get(nav);
            if (children instanceof ArrayNode) {
                for (JsonNode child : children) {
                    if (child instanceof ObjectNode c) {
                        keyChild(c, grandChildren, stamp);
                    }
                }
            }
        });
    }

    static void keyChild(ObjectNode child, List<String> navigations, String stamp) {
        if (!child.hasNonNull("uuid")) {
            child.put("uuid", Ids.uuid());
        }
        child.put("modifiedAt", stamp);
        for (String nav : navigations) {
            JsonNode grand = child.get(nav);
            if (grand instanceof ArrayNode) {
                for (JsonNode g : grand) {
                    if (g instanceof ObjectNode o) {
                        keyChild(o, List.of(), stamp);
                    }
                }
            }
        }
    }

    synchronized Optional<ObjectNode> find(String key) {
        ObjectNode row = rows.get(key);
        return row == null ? findGenerated(key) : Optional.of(row.deepCopy());
    }

    synchronized Optional<ObjectNode> update(String key, ObjectNode changes) {
        ObjectNode row = rows.get(key);
        if (row == null) {
            return Optional.empty();
        }
        row.setAll(changes);
        row.put("modifiedAt", stamp());
        return Optional.of(row.deepCopy());
    }

    /** Adds a child to a navigation property of an entity; answers the child, keyed. */
    synchronized Optional<ObjectNode> addChild(String key, String nav, ObjectNode child) {
        ObjectNode row = rows.get(key);
        if (row == null) {
            return Optional.empty();
        }
        ObjectNode copy = child.deepCopy();
        String stamp = stamp();
        keyChild(copy, spec.navigations().getOrDefault(nav, List.of()), stamp);
        JsonNode existing = row.get(nav);
        ArrayNode array = existing instanceof ArrayNode a ? a : row.putArray(nav);
        array.add(copy);
        row.put("modifiedAt", stamp);
        return Optional.of(copy.deepCopy());
    }

    synchronized boolean delete(String key) {
        return rows.remove(key) != null;
    }

    synchronized List<ObjectNode> all() {
        List<ObjectNode> copy = new ArrayList<>(rows.size());
        rows.values().forEach(r -> copy.add(r.deepCopy()));
        return copy;
    }

    synchronized int size() {
        return generated + rows.size();
    }

    /** The entity as the API shows it: without the simulator's own fields, navigations only when expanded. */
    static ObjectNode view(ObjectNode row, EntitySpec spec, List<String> expand) {
        ObjectNode shown = JsonSupport.object();
        row.properties().forEach(e -> {
            String name = e.getKey();
            if (name.startsWith("_")) {
                return;
            }
            if (spec.navigations().containsKey(name) && !expand.contains(name)) {
                return;
            }
            shown.set(name, e.getValue());
        });
        return shown;
    }
}
