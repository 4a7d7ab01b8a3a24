package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.calmsdk.core.internal.json.ViaSdkMapper;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model that Jackson reads through its builder (each model adds
 * {@code @JsonDeserialize(builder = X.Builder.class)}) and writes from the accessors that carry
 * {@code @JsonProperty} with their wire names, nothing else: helpers such as {@code isTerminal()}
 * are not JSON. Any other {@code ObjectMapper} writes the model through the SDK's mapper, so it gets
 * the same JSON, secrets masked, without needing Optional or java.time support of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@JacksonAnnotationsInside
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonSerialize(using = ViaSdkMapper.class)
@interface JsonModel {
}
