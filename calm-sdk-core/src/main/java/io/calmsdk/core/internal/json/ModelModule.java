package io.calmsdk.core.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.impl.NullsConstantProvider;
import com.fasterxml.jackson.databind.deser.std.ReferenceTypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.ReferenceTypeSerializer;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.type.TypeModifier;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * What the SDK's mapper needs beyond plain databind to read and write the core models through their
 * Immutables builders, without another dependency:
 *
 * <ul>
 *   <li>{@link Optional} as a reference type: empty is absent, {@code null} reads as empty (the part
 *       of {@code jackson-datatype-jdk8} the models use);
 *   <li>a JSON {@code null} leaves a model attribute unset, so it takes its default, or is reported
 *       missing when required, instead of failing inside the builder;
 *   <li>a required attribute missing from the JSON fails with the model and the JSON field named.
 * </ul>
 */
final class ModelModule extends Module {

    /** The package of the models whose builders this module prepares, with its subpackages. */
    private static final String MODEL_PACKAGE = "io.calmsdk.core.model";

    @Override
    public String getModuleName() {
        return "calm-sdk-models";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addTypeModifier(new OptionalAsReference());
        context.addSerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findReferenceSerializer(SerializationConfig config, ReferenceType type,
                    BeanDescription description, TypeSerializer contentTypeSerializer,
                    JsonSerializer<Object> contentSerializer) {
                return type.hasRawClass(Optional.class)
                        ? new OptionalSerializer(type, contentTypeSerializer, contentSerializer) : null;
            }
        });
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findReferenceDeserializer(ReferenceType type, DeserializationConfig config,
                    BeanDescription description, TypeDeserializer contentTypeDeserializer,
                    JsonDeserializer<?> contentDeserializer) {
                return type.hasRawClass(Optional.class)
                        ? new OptionalDeserializer(type, null, contentTypeDeserializer, contentDeserializer) : null;
            }
        });
        context.addBeanDeserializerModifier(new NullsLeaveUnset());
        context.addDeserializationProblemHandler(new NameMissingFields());
    }

    private static boolean isModelBuilder(Class<?> type) {
        String pkg = type.getPackageName();
        return (pkg.equals(MODEL_PACKAGE) || pkg.startsWith(MODEL_PACKAGE + ".")) && type.getEnclosingClass() != null;
    }

    /** Makes {@code Optional<T>} a reference type, so inclusion rules see an empty one as absent. */
    private static final class OptionalAsReference extends TypeModifier {

        @Override
        public JavaType modifyType(JavaType type, Type jdkType, TypeBindings bindings, TypeFactory factory) {
            if (type.isReferenceType() || type.isContainerType() || !type.hasRawClass(Optional.class)) {
                return type;
            }
            return ReferenceType.upgradeFrom(type, type.containedTypeOrUnknown(0));
        }
    }

    /** Writes a present {@link Optional} as its content; an empty one is omitted by the inclusion rule. */
    private static final class OptionalSerializer extends ReferenceTypeSerializer<Optional<?>> {

        private static final long serialVersionUID = 1L;

        OptionalSerializer(ReferenceType type, TypeSerializer contentTypeSerializer, JsonSerializer<Object> contentSerializer) {
            super(type, false, contentTypeSerializer, contentSerializer);
        }

        private OptionalSerializer(OptionalSerializer base, BeanProperty property, TypeSerializer contentTypeSerializer,
                JsonSerializer<?> contentSerializer, NameTransformer unwrapper, Object suppressableValue,
                boolean suppressNulls) {
            super(base, property, contentTypeSerializer, contentSerializer, unwrapper, suppressableValue, suppressNulls);
        }

        @Override
        protected ReferenceTypeSerializer<Optional<?>> withResolved(BeanProperty property,
                TypeSerializer contentTypeSerializer, JsonSerializer<?> contentSerializer, NameTransformer unwrapper) {
            return new OptionalSerializer(this, property, contentTypeSerializer, contentSerializer, unwrapper,
                    _suppressableValue, _suppressNulls);
        }

        @Override
        public ReferenceTypeSerializer<Optional<?>> withContentInclusion(Object suppressableValue, boolean suppressNulls) {
            return new OptionalSerializer(this, _property, _valueTypeSerializer, _valueSerializer, _unwrapper,
                    suppressableValue, suppressNulls);
        }

        @Override
        protected boolean _isValuePresent(Optional<?> value) {
            return value.isPresent();
        }

        @Override
        protected Object _getReferenced(Optional<?> value) {
            return value.get();
        }

        @Override
        protected Object _getReferencedIfPresent(Optional<?> value) {
            return value.orElse(null);
        }
    }

    /** Reads a value into an {@link Optional}; JSON {@code null} and a content read as null are empty. */
    private static final class OptionalDeserializer extends ReferenceTypeDeserializer<Optional<?>> {

        private static final long serialVersionUID = 1L;

        OptionalDeserializer(JavaType type, ValueInstantiator instantiator, TypeDeserializer contentTypeDeserializer,
                JsonDeserializer<?> contentDeserializer) {
            super(type, instantiator, contentTypeDeserializer, contentDeserializer);
        }

        @Override
        protected ReferenceTypeDeserializer<Optional<?>> withResolved(TypeDeserializer contentTypeDeserializer,
                JsonDeserializer<?> contentDeserializer) {
            return new OptionalDeserializer(_fullType, _valueInstantiator, contentTypeDeserializer, contentDeserializer);
        }

        @Override
        public Optional<?> getNullValue(DeserializationContext context) {
            return Optional.empty();
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return Optional.empty();
        }

        @Override
        public Optional<?> referenceValue(Object contents) {
            return Optional.ofNullable(contents);
        }

        @Override
        public Object getReferenced(Optional<?> reference) {
            return reference.orElse(null);
        }

        @Override
        public Optional<?> updateReference(Optional<?> reference, Object contents) {
            return Optional.ofNullable(contents);
        }
    }

    /**
     * A JSON {@code null} skips the builder call of a model attribute: the generated builders refuse
     * {@code null}, while servers send it for "not set".
     */
    private static final class NullsLeaveUnset extends BeanDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                BeanDeserializerBuilder builder) {
            if (isModelBuilder(description.getBeanClass())) {
                List<SettableBeanProperty> properties = new ArrayList<>();
                for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
                    properties.add(it.next());
                }
                for (SettableBeanProperty property : properties) {
                    builder.addOrReplaceProperty(property.withNullProvider(NullsConstantProvider.skipper()), true);
                }
            }
            return builder;
        }
    }

    /** Turns a model builder's {@link MissingAttributes} into a decoding failure naming the JSON fields. */
    private static final class NameMissingFields extends DeserializationProblemHandler {

        @Override
        public Object handleInstantiationProblem(DeserializationContext context, Class<?> type, Object argument,
                Throwable problem) throws IOException {
            if (!(problem instanceof MissingAttributes) || !isModelBuilder(type)) {
                return NOT_HANDLED;
            }
            Class<?> model = type.getEnclosingClass();
            List<String> fields = new ArrayList<>();
            for (String name : ((MissingAttributes) problem).names()) {
                fields.add(jsonName(model, name));
            }
            throw context.instantiationException(model, model.getSimpleName() + " JSON: " + String.join(", ", fields)
                    + (fields.size() == 1 ? " is missing" : " are missing"));
        }

        /** The field name in the JSON of a model attribute: its accessor's {@code @JsonProperty}. */
        private static String jsonName(Class<?> model, String attribute) {
            for (Class<?> c = model; c != null; c = c.getSuperclass()) {
                try {
                    Method accessor = c.getDeclaredMethod(attribute);
                    JsonProperty property = accessor.getAnnotation(JsonProperty.class);
                    return property == null || property.value().isEmpty() ? attribute : property.value();
                } catch (NoSuchMethodException e) {
                    // declared further up
                }
            }
            return attribute;
        }
    }
}
