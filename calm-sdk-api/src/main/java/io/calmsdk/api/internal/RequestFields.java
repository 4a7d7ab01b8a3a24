package io.calmsdk.api.internal;

import io.calmsdk.core.exception.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON fields a request builder collects, by SAP's names, with the rules the request checks when it is
 * built. A public request builder holds one (composition: a public builder must not extend an unexported
 * type), keeps only its typed setters, and freezes it into the request's field map on {@code build()}.
 * Not thread-safe, like the builder that owns it.
 */
public final class RequestFields {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final String someOf;
    private final List<String> required = new ArrayList<>();
    private final List<String> nonBlank = new ArrayList<>();

    private RequestFields(String someOf) {
        this.someOf = someOf;
    }

    /**
     * Fields of a create request: fields named by {@link #required(String...)} must be set and not blank.
     *
     * @return the empty fields
     */
    public static RequestFields create() {
        return new RequestFields(null);
    }

    /**
     * Fields of an update request: at least one field must be set.
     *
     * @param someOf the fields an update may set, as the error names them ("name, description")
     * @return the empty fields
     */
    public static RequestFields update(String someOf) {
        return new RequestFields(Objects.requireNonNull(someOf, "someOf"));
    }

    /**
     * Text fields that must be set and not blank when the request is built.
     *
     * @param names the JSON field names
     * @return this
     */
    public RequestFields required(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    /**
     * Text fields that, when set, must not be blank.
     *
     * @param names the JSON field names
     * @return this
     */
    public RequestFields nonBlank(String... names) {
        nonBlank.addAll(List.of(names));
        return this;
    }

    /**
     * Sets a field.
     *
     * @param owner what to return, the builder calling
     * @param name the JSON field name
     * @param value the value
     * @param <B> the builder's type
     * @return {@code owner}
     * @throws NullPointerException naming the field if {@code value} is {@code null}
     */
    public <B> B set(B owner, String name, Object value) {
        fields.put(name, Objects.requireNonNull(value, name));
        return owner;
    }

    /**
     * Appends an element to a list field, starting the list when absent.
     *
     * @param owner what to return, the builder calling
     * @param name the JSON field name of the list
     * @param element the element
     * @param <B> the builder's type
     * @return {@code owner}
     * @throws NullPointerException naming the field if {@code element} is {@code null}
     */
    @SuppressWarnings("unchecked")
    public <B> B add(B owner, String name, Object element) {
        ((List<Object>) fields.computeIfAbsent(name, k -> new ArrayList<>()))
                .add(Objects.requireNonNull(element, name));
        return owner;
    }

    /**
     * Appends a link (a label and a URL, both not blank) to a list field, as {@code {label: ..., url: ...}}.
     *
     * @param owner what to return, the builder calling
     * @param name the JSON field name of the list
     * @param labelField the JSON name of the label ({@code title} or {@code name})
     * @param label the label
     * @param url the URL
     * @param <B> the builder's type
     * @return {@code owner}
     * @throws ValidationException if the label or URL is blank
     */
    public <B> B addLink(B owner, String name, String labelField, String label, String url) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put(labelField, Checks.notBlank(labelField, label));
        link.put("url", Checks.notBlank("url", url));
        return add(owner, name, link);
    }

    /**
     * A field set so far.
     *
     * @param name the JSON field name
     * @return the value, or {@code null}
     */
    public Object get(String name) {
        return fields.get(name);
    }

    /**
     * Checks the rules and copies the fields for an immutable request: lists copied, map unmodifiable.
     *
     * @return the frozen fields, in the order they were first set
     * @throws ValidationException if an update sets no field, or a required or set text field is blank
     */
    public Map<String, Object> freeze() {
        if (someOf != null && fields.isEmpty()) {
            throw new ValidationException("update", "sets no field", "at least one of " + someOf);
        }
        required.forEach(name -> Checks.notBlank(name, text(name)));
        nonBlank.stream().filter(fields::containsKey).forEach(name -> Checks.notBlank(name, text(name)));
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
        return Collections.unmodifiableMap(copy);
    }

    private String text(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
