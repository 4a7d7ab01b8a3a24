package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.exception.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Service Manager labels: each key holds a list of values, e.g. {@code {"managed-by": ["calm-sdk"]}}.
 * The SDK uses them to find and adopt the instances it manages.
 *
 * <p>Immutable and thread-safe: every "change" returns a new instance. Keys keep their insertion order,
 * values keep their order without duplicates. {@link #changesTo(Labels)} computes the PATCH operations
 * that turn these labels into others.
 */
public final class Labels {

    private static final Labels EMPTY = new Labels(Map.of());

    private final Map<String, List<String>> values;

    private Labels(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * No labels.
     *
     * @return the empty labels
     */
    public static Labels empty() {
        return EMPTY;
    }

    /**
     * Labels with one key.
     *
     * @param key the label key, not blank
     * @param values its values
     * @return the labels
     * @throws ValidationException when the key is blank or a value is {@code null}
     */
    public static Labels of(String key, String... values) {
        return EMPTY.with(key, values);
    }

    /**
     * Labels from a map of key to values.
     *
     * @param labels the labels
     * @return an immutable copy
     * @throws ValidationException when a key is blank or a value is {@code null}
     */
    public static Labels of(Map<String, ? extends Collection<String>> labels) {
        Objects.requireNonNull(labels, "labels");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        labels.forEach((k, v) -> copy.put(checkKey(k), checkValues(k, v)));
        return copy.isEmpty() ? EMPTY : new Labels(unmodifiable(copy));
    }

    /**
     * These labels with {@code key} set to {@code values} (replacing what it held).
     *
     * @param key the label key, not blank
     * @param values the values
     * @return the new labels
     * @throws ValidationException when the key is blank or a value is {@code null}
     */
    public Labels with(String key, String... values) {
        Objects.requireNonNull(values, "values");
        Map<String, List<String>> copy = new LinkedHashMap<>(this.values);
        copy.put(checkKey(key), checkValues(key, Arrays.asList(values)));
        return new Labels(unmodifiable(copy));
    }

    /**
     * These labels without {@code key}.
     *
     * @param key the label key
     * @return the new labels
     */
    public Labels without(String key) {
        if (!values.containsKey(key)) {
            return this;
        }
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.remove(key);
        return copy.isEmpty() ? EMPTY : new Labels(unmodifiable(copy));
    }

    /**
     * All labels as an unmodifiable map.
     *
     * @return key to values
     */
    @JsonValue
    public Map<String, List<String>> asMap() {
        return values;
    }

    /**
     * The values of a key.
     *
     * @param key the label key
     * @return the values, empty when the key is absent
     */
    public List<String> values(String key) {
        return values.getOrDefault(key, List.of());
    }

    /**
     * The first value of a key, for single-valued labels.
     *
     * @param key the label key
     * @return the first value, if any
     */
    public Optional<String> first(String key) {
        return values(key).stream().findFirst();
    }

    /**
     * Whether there are no labels.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Whether every label of {@code other} is present here with at least the same values; how the SDK
     * recognises its own resources among labels others added.
     *
     * @param other the labels to look for
     * @return {@code true} when all of them are present
     */
    public boolean containsAll(Labels other) {
        return other.values.entrySet().stream()
                .allMatch(e -> values.containsKey(e.getKey()) && values.get(e.getKey()).containsAll(e.getValue()));
    }

    /**
     * The label PATCH operations that make a resource labelled like this one carry the {@code desired}
     * labels for every key {@code desired} names. Keys only present here are left alone (other tools
     * may own them); pass them to {@link LabelChange#remove(String)} yourself to delete them.
     *
     * @param desired the labels wanted
     * @return the operations, empty when nothing needs to change
     */
    public List<LabelChange> changesTo(Labels desired) {
        List<LabelChange> changes = new ArrayList<>();
        desired.values.forEach((key, wanted) -> {
            List<String> current = values(key);
            if (!values.containsKey(key)) {
                changes.add(LabelChange.add(key, wanted));
                return;
            }
            List<String> toAdd = new ArrayList<>(wanted);
            toAdd.removeAll(current);
            List<String> toRemove = new ArrayList<>(current);
            toRemove.removeAll(wanted);
            if (!toAdd.isEmpty()) {
                changes.add(LabelChange.addValues(key, toAdd));
            }
            if (!toRemove.isEmpty()) {
                changes.add(LabelChange.removeValues(key, toRemove));
            }
        });
        return List.copyOf(changes);
    }

    /**
     * Jackson: reads labels; a single string where a list is expected is taken as a one-element list.
     *
     * @param node the labels object
     * @return the labels
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Labels fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return EMPTY;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("labels JSON is not an object");
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            List<String> list = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> {
                    if (v.isValueNode() && !v.isNull()) {
                        list.add(v.asText());
                    }
                });
            } else if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                list.add(e.getValue().asText());
            }
            if (!e.getKey().isBlank()) {
                map.put(e.getKey(), dedupe(list));
            }
        }
        return map.isEmpty() ? EMPTY : new Labels(unmodifiable(map));
    }

    private static String checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new ValidationException("label key", "is blank", "a non-blank label key");
        }
        return key;
    }

    private static List<String> checkValues(String key, Collection<String> values) {
        if (values == null) {
            throw new ValidationException("labels." + key, "is null", "a list of values (possibly empty)");
        }
        for (String v : values) {
            if (v == null) {
                throw new ValidationException("labels." + key, "contains a null value", "non-null strings");
            }
        }
        return dedupe(values);
    }

    private static List<String> dedupe(Collection<String> values) {
        Set<String> set = new LinkedHashSet<>(values);
        return List.copyOf(set);
    }

    private static Map<String, List<String>> unmodifiable(Map<String, List<String>> map) {
        return java.util.Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels && ((Labels) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
