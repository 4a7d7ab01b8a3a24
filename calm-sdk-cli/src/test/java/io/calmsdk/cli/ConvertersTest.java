package io.calmsdk.cli;

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

    @Test
    void convert_zero_isZero() {
        assertThat(new DurationConverter().convert("0")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"projects.read,calm-api.projects.read", "calm-api.tasks.write,calm-api.tasks.write",
        "processhierarchy.read,calm-api.processhierarchy.read", "imp-cdm-feature-display-ui,imp-cdm-feature-display-ui"})
    void knownScope_shortNamesOfKnownScopes_expanded(String given, String expected) {
        assertThat(BindingOptions.knownScope(given)).isEqualTo(expected);
    }

    @Test
    void knownScope_unknown_namesTheFlagAndTheClosestInShortForm() {
        assertThatThrownBy(() -> BindingOptions.knownScope("project.read")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("--scopes contains the unknown scope 'project.read' (did you mean projects.read")
                .hasMessageContaining("--custom-scope project.read");
    }

    private static final String A = "0f2c7d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final String B = "1f2c7d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final String C = "2f2c7d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

    private static BindingOptions options(String subaccount, java.util.List<String> list, Path file) {
        BindingOptions.Target t = new BindingOptions.Target();
        t.subaccount = subaccount;
        BindingOptions.Fleet f = new BindingOptions.Fleet();
        f.subaccounts.addAll(list);
        f.subaccountsFile = file;
        return new BindingOptions(t, f, null);
    }

    @Test
    void subaccountIds_flagsAndFile_mergedInOrderWithoutDuplicates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, "# comment\n" + C + "\n\n " + A + " # trailing\n");
        BindingOptions o = options(A, java.util.List.of(B), file);

        assertThat(o.subaccountIds(null)).containsExactly(A, B, C);
        assertThat(o.fleet()).isTrue();
    }

    @Test
    void subaccountIds_noneAndNoFallback_isValidationError() {
        assertThatThrownBy(() -> options(null, java.util.List.of(), null).subaccountIds(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("--subaccount");
        assertThat(options(null, java.util.List.of(), null).subaccountIds("fallback")).containsExactly("fallback");
    }

    @Test
    void subaccountIds_notAGuid_namesFlagValueAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, A + "\n# comment\nteam-b\n");

        assertThatThrownBy(() -> options(null, java.util.List.of(A, "abc"), null).subaccountIds(null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("--subaccounts is 'abc', not a subaccount GUID");
        assertThatThrownBy(() -> options(null, java.util.List.of(), file).subaccountIds(null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("--subaccounts-file line 3 of " + file + " is 'team-b', not a subaccount GUID");
        assertThatThrownBy(() -> options("x y", java.util.List.of(), null).subaccountIds(null))
                .hasMessageStartingWith("--subaccount is 'x y', not a subaccount GUID");
    }

    @Test
    void subaccountIds_emptyOrMissingFile_isValidationError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("missing.txt");
        BindingOptions o = options(null, java.util.List.of(), file);
        assertThatThrownBy(() -> o.subaccountIds(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be read");
        Files.writeString(file, "# nothing\n");
        assertThatThrownBy(() -> o.subaccountIds(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("lists no subaccount");
    }

    @Test
    void duration_readableForPeople() {
        assertThat(Durations.human(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Durations.human(Duration.ofMillis(2400))).isEqualTo("2.4 s");
        assertThat(Durations.human(Duration.ofMillis(1411))).isEqualTo("1.4 s");
        assertThat(Durations.human(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Durations.human(Duration.ofMinutes(130))).isEqualTo("2 h 10 min");
        assertThat(Durations.human(Duration.ofSeconds(-3))).isEqualTo("0 ms");
    }
}
