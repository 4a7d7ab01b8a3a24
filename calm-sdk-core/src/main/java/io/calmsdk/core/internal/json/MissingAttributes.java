package io.calmsdk.core.internal.json;

import java.util.List;

/**
 * Thrown by the core models' generated builders when required attributes are not set (the models'
 * Immutables style names this class). When a model is read from JSON, the SDK's mapper turns it into
 * a decoding failure that names the model and the JSON fields, e.g. {@code Operation JSON: id is
 * missing}.
 */
public final class MissingAttributes extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> names;

    /**
     * Called by the generated builders.
     *
     * @param names the attributes that are not set
     */
    public MissingAttributes(String... names) {
        super("required attributes are not set: " + String.join(", ", names));
        this.names = List.of(names);
    }

    /**
     * The attributes that are not set, by their Java names.
     *
     * @return the names, at least one
     */
    public List<String> names() {
        return names;
    }
}
