package io.calmsdk.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of the SDK, built once: unknown properties ignored, absent optionals and
 * nulls omitted, ISO-8601 dates ({@link TimeModule}), {@link java.util.Optional} support, and the core models read through
 * their Immutables builders ({@link ModelModule}). Not part of the public API.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new TimeModule())
            .addModule(new ModelModule())
            .annotationIntrospector(new OwnMapperIntrospector())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
            .build();

    private Json() {
    }

    /**
     * The shared mapper. Do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Models name {@link ViaSdkMapper} for the mappers of SDK users; this mapper writes them with
     * their own properties instead, which is what {@link ViaSdkMapper} delegates to.
     */
    private static final class OwnMapperIntrospector extends JacksonAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        @Override
        public Object findSerializer(Annotated a) {
            Object serializer = super.findSerializer(a);
            return serializer == ViaSdkMapper.class ? null : serializer;
        }
    }
}
