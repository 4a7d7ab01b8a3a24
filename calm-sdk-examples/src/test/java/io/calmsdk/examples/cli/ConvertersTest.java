package io.calmsdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Flag values turned into SDK inputs: durations, scope names, subaccount lists. */
class ConvertersTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "90s,PT1M30S", "10m,PT10M", "10min,PT10M", "2h,PT2H", "1d,PT24H", "PT15M,PT15M", "pt1s,PT1S"})
    void convert_humanOrIsoDuration_parsed(String text, String iso) {
        assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.parse(iso));
    }

    @Test
    void convert_nonsense_isTypeConversionErrorNamingTheForms() {
        assertThatThrownBy(() -> new DurationConverter().convert("soon"))
                .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining("90s");
    }

    @ParameterizedTest
    @CsvSource({"projects.read,calm-api.projects.read", "calm-api.tasks.write,calm-api.tasks.write",
        "processhierarchy.read,calm-api.processhierarchy.read", "imp-cdm-feature-display-ui,imp-cdm-feature-display-ui",
        "my.custom,my.custom"})
    void scopeName_shortNamesOfKnownScopes_expanded(String given, String expected) {
        assertThat(BindingOptions.scopeName(given)).isEqualTo(expected);
    }

    @Test
    void subaccountIds_flagsAndFile_mergedInOrderWithoutDuplicates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, "# comment\nc\n\n a # trailing\n");
        BindingOptions o = new BindingOptions();
        o.subaccount = "a";
        o.subaccounts.add("b");
        o.subaccountsFile = file;

        assertThat(o.subaccountIds(null)).containsExactly("a", "b", "c");
        assertThat(o.fleet()).isTrue();
    }

    @Test
    void subaccountIds_noneAndNoFallback_isValidationError() {
        assertThatThrownBy(() -> new BindingOptions().subaccountIds(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("--subaccount");
        assertThat(new BindingOptions().subaccountIds("fallback")).containsExactly("fallback");
    }

    @Test
    void subaccountIds_emptyOrMissingFile_isValidationError(@TempDir Path dir) throws Exception {
        BindingOptions o = new BindingOptions();
        o.subaccountsFile = dir.resolve("missing.txt");
        assertThatThrownBy(() -> o.subaccountIds(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be read");
        Files.writeString(o.subaccountsFile, "# nothing\n");
        assertThatThrownBy(() -> o.subaccountIds(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("lists no subaccount");
    }

    @Test
    void duration_readableForPeople() {
        assertThat(Printer.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Printer.duration(Duration.ofMillis(2400))).isEqualTo("2.4 s");
        assertThat(Printer.duration(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Printer.duration(Duration.ofMinutes(130))).isEqualTo("2 h 10 min");
        assertThat(Printer.duration(Duration.ofSeconds(-3))).isEqualTo("0 ms");
    }
}
