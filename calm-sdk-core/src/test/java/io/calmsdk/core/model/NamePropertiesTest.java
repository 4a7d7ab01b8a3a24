package io.calmsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.exception.ValidationException;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any string, name and scope parsing returns a value or throws ValidationException, nothing else. */
class NamePropertiesTest {

    /** Runs {@code parse}; a {@link ValidationException} counts as an answer, anything else escapes and fails. */
    private static Object valueOrValidationException(Supplier<Object> parse) {
        try {
            Object value = parse.get();
            assertThat(value).isNotNull();
            return value;
        } catch (ValidationException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.field()).isNotBlank();
            return e;
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(120),
                Arbitraries.strings().withChars("Aa0._- /\\:$XSMASTERAPPNAME").ofMaxLength(40),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('_').ofMinLength(8).ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> validInstanceNames() {
        return Arbitraries.strings().alpha().numeric().withChars("._-").ofMinLength(1).ofMaxLength(32);
    }

    @Property(tries = 500)
    void instanceNameOf_anyString_valueOrValidationException(@ForAll("anyText") String s) {
        valueOrValidationException(() -> InstanceName.of(s));
        valueOrValidationException(() -> InstanceName.fromDisplayName(s));
    }

    @Property(tries = 500)
    void bindingNameOf_anyString_valueOrValidationException(@ForAll("anyText") String s) {
        valueOrValidationException(() -> BindingName.of(s));
    }

    @Property(tries = 500)
    void calmScopeOf_anyString_valueOrValidationException(@ForAll("anyText") String s) {
        valueOrValidationException(() -> CalmScope.of(s));
    }

    @Property(tries = 500)
    void xsappname_anyString_checkedOrDerivedValidly(@ForAll("anyText") String s) {
        valueOrValidationException(() -> XsSecurityParams.checkXsappname(s));
        Object derived = valueOrValidationException(() -> XsSecurityParams.xsappnameFor(s));
        if (derived instanceof String) {
            assertThat(XsSecurityParams.checkXsappname((String) derived)).isEqualTo(derived);
            assertThat(XsSecurityParams.xsappnameFor(s)).isEqualTo(derived);
        }
    }

    @Property(tries = 300)
    void instanceNameOf_allowedCharacters_isAccepted(@ForAll("validInstanceNames") String s) {
        assertThat(InstanceName.of(s).value()).isEqualTo(s);
        assertThat(XsSecurityParams.checkXsappname(XsSecurityParams.xsappnameFor(s))).doesNotContain(".");
    }

    @Property(tries = 300)
    void xsSecurityParamsFromJson_anyString_valueOrValidationException(@ForAll("anyText") String s) {
        valueOrValidationException(() -> XsSecurityParams.fromJson(s));
        valueOrValidationException(() -> XsSecurityParams.fromJson("{\"xs-security\":{\"xsappname\":\"a\",\"authorities\":[\""
                + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]}}"));
    }
}
