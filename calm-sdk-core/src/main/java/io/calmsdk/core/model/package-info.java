/**
 * Typed immutable models of the BTP and Cloud ALM wire contract: offerings, plans, instances, bindings, operations, labels, entitlements, service keys, xs-security parameters and name rules.
 */
// The one Immutables style of the models, applied to the package so that no style annotation is
// public API: generated Immutable* classes stay package-private behind the public abstract type with
// its builder(), accessors have no get prefix, redacted attributes print as ***, and no runtime
// dependency beyond the JDK is generated (jdkOnly). A builder missing required attributes throws
// MissingAttributes, which carries their names so that a model read from JSON names the fields.
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
        headerComments = false,
        throwForInvalidImmutableState = MissingAttributes.class)
package io.calmsdk.core.model;

import io.calmsdk.core.internal.json.MissingAttributes;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.BuilderVisibility;
import org.immutables.value.Value.Style.ImplementationVisibility;
