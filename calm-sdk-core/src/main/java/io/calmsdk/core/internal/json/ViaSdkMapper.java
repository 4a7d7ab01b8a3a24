package io.calmsdk.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a core model with any {@link com.fasterxml.jackson.databind.ObjectMapper}: the models
 * declare it with {@code @JsonSerialize(using = ...)}, so a user's own mapper (which may lack
 * {@link java.util.Optional} and {@code java.time} support) writes exactly the JSON of the SDK's
 * mapper, secrets masked included. The SDK's mapper ignores it and writes the model itself.
 */
public final class ViaSdkMapper extends StdSerializer<Object> {

    private static final long serialVersionUID = 1L;

    /** Jackson creates it from the models' annotation. */
    public ViaSdkMapper() {
        super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        provider.defaultSerializeValue(Json.mapper().valueToTree(value), gen);
    }
}
