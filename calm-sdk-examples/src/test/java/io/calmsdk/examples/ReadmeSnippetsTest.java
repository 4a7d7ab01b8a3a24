package io.calmsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's code is this module's compiled, tested code: every region between
 * {@code // tag::name[]} and {@code // end::name[]} in the examples must appear verbatim (de-indented)
 * in the repository's README.md, and the README's two commands must be the launcher and what CI runs.
 */
class ReadmeSnippetsTest {

    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([a-z0-9-]+)\\[\\]\\s*$");
    private static final List<String> EXPECTED_TAGS = List.of("consumer-test", "ensure-binding", "first-call", "fleet", "quickstart",
            "key-from-environment", "projects-and-tasks", "token-only");

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();

    @Test
    void snippets_everyExpectedTagExists() throws IOException {
        assertThat(snippets().keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_TAGS);
    }

    @Test
    void readme_containsEveryTaggedSnippetVerbatim() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        Map<String, String> missing = new LinkedHashMap<>();
        snippets().forEach((tag, text) -> {
            if (!readme.contains(text)) {
                missing.put(tag, text);
            }
        });

        assertThat(missing).as("README.md must contain these snippets verbatim (paste them from "
                + "calm-sdk-examples/README.md):%n%s", missing.entrySet().stream()
                .map(e -> "--- " + e.getKey() + "\n" + e.getValue()).collect(Collectors.joining("\n"))).isEmpty();
    }

    @Test
    void moduleReadme_containsEveryTaggedSnippetVerbatim() throws IOException {
        String readme = Files.readString(MODULE.resolve("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");

        snippets().forEach((tag, text) -> assertThat(readme).as("snippet %s", tag).contains(text));
    }

    @Test
    void readme_firstCommandIsTheLauncher_secondIsWhatCiRuns() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String ci = Files.readString(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8);

        assertThat(readme).contains("`./calm provision`").contains("`./mvnw -B -ntp verify`");
        assertThat(readme.indexOf("`./calm provision`")).isLessThan(readme.indexOf("`./mvnw -B -ntp verify`"));
        assertThat(ci).contains("./mvnw -B -ntp verify");
        assertThat(Files.isExecutable(ROOT.resolve("calm"))).isTrue();
    }

    /** Every tagged region of the examples (main and test sources), de-indented, by tag. */
    static Map<String, String> snippets() throws IOException {
        Map<String, String> snippets = new LinkedHashMap<>();
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(MODULE.resolve("src/main/java")),
                Files.walk(MODULE.resolve("src/test/java")))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = TAG.matcher(lines.get(i));
                if (m.matches()) {
                    String tag = m.group(1);
                    List<String> region = new ArrayList<>();
                    int j = i + 1;
                    while (j < lines.size() && !lines.get(j).trim().equals("// end::" + tag + "[]")) {
                        region.add(lines.get(j));
                        j++;
                    }
                    assertThat(j).as("tag %s in %s has no end", tag, source).isLessThan(lines.size());
                    assertThat(snippets).as("tag %s appears twice", tag).doesNotContainKey(tag);
                    snippets.put(tag, deindent(region));
                }
            }
        }
        return snippets;
    }

    private static String deindent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }
}
