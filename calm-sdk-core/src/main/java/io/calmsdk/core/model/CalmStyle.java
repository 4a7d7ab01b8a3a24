package io.calmsdk.core.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.BuilderVisibility;
import org.immutables.value.Value.Style.ImplementationVisibility;

/**
 * The one Immutables style of calm-sdk: generated {@code Immutable*} classes stay package-private
 * behind a public abstract type with {@code builder()}, accessors have no {@code get} prefix, and
 * {@link org.immutables.value.Value.Redacted redacted} attributes print as {@code ***}.
 *
 * <p>Every calm-sdk module annotates its value types with it, so all models behave alike: callers
 * only ever see the abstract type, collections are immutable copies and no JDK-external runtime
 * dependency is generated ({@code jdkOnly}).
 */
@Documented
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = ImplementationVisibility.PACKAGE,
        builderVisibility = BuilderVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        get = {"is*", "get*"},
        redactedMask = "***",
        defaults = @Value.Immutable(copy = false),
        allParameters = false,
        optionalAcceptNullable = true,
        forceJacksonPropertyNames = false,
        headerComments = false)
public @interface CalmStyle {
}
