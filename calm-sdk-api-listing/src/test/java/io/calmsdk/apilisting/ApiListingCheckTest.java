package io.calmsdk.apilisting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * The build's API check: the public API of every published module must equal its committed listing
 * {@code <module>/api/<artifactId>.api}. With {@code -Dcalm.api.update=true} (what
 * {@code scripts/update-api-listings} passes) the listings are rewritten instead.
 */
class ApiListingCheckTest {

    /** The published modules, artifact id to JPMS module name. Keep in step with calm-sdk-bom. */
    private static final Map<String, String> PUBLISHED = new LinkedHashMap<>();

    static {
        PUBLISHED.put("calm-sdk-core", "io.calmsdk.core");
        PUBLISHED.put("calm-sdk-auth", "io.calmsdk.auth");
        PUBLISHED.put("calm-sdk-testkit", "io.calmsdk.testkit");
        PUBLISHED.put("calm-sdk-btp", "io.calmsdk.btp");
        PUBLISHED.put("calm-sdk-api", "io.calmsdk.api");
        PUBLISHED.put("calm-sdk-spring-boot-autoconfigure", "io.calmsdk.spring.boot.autoconfigure");
    }

    /**
     * Published modules without {@code module-info.java}, named by the {@code Automatic-Module-Name} of their
     * jar: every package but {@code *.internal} ones is their API.
     */
    private static final Set<String> AUTOMATIC = Set.of("calm-sdk-spring-boot-autoconfigure");

    /** Published modules without code, so without API (a starter only brings dependencies). */
    private static final Set<String> WITHOUT_CODE = Set.of("calm-sdk-spring-boot-starter");

    private static final boolean UPDATE = Boolean.getBoolean("calm.api.update");

    static Stream<String> publishedModules() {
        return PUBLISHED.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedModules")
    void theListingMatchesThePublicApi(String artifactId) throws IOException {
        Path classes = classesOf(artifactId);
        String rendered = ApiListingCheck.header(artifactId) + "\n"
                + ApiListing.render(classes, AUTOMATIC.contains(artifactId) ? PUBLISHED.get(artifactId) : null,
                        getClass().getClassLoader());
        Path file = listingFile(artifactId);
        String shownPath = rootDir().relativize(file).toString().replace(File.separatorChar, '/');
        String committed = Files.isRegularFile(file) ? Files.readString(file) : null;
        if (UPDATE) {
            if (!rendered.equals(committed)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, rendered);
                System.out.println("Updated " + shownPath);
            }
            return;
        }
        Optional<String> failure = ApiListingCheck.compare(artifactId, shownPath, committed, rendered);
        if (failure.isPresent()) {
            // Expected and actual let an IDE show the whole files side by side.
            throw new AssertionFailedError(failure.get(), committed, rendered);
        }
    }

    @Test
    void everyPublishedModuleOfTheBomIsListed() throws IOException {
        String pom = Files.readString(rootDir().resolve("calm-sdk-bom/pom.xml"));
        // Only the managed dependencies: the BOM's release profile names plugins too.
        String bom = pom.substring(pom.indexOf("<dependencyManagement>"), pom.indexOf("</dependencyManagement>"));
        List<String> inBom = new ArrayList<>();
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(bom);
        while (m.find()) {
            if (!m.group(1).equals("calm-sdk-bom")) {
                inBom.add(m.group(1));
            }
        }
        List<String> listed = new ArrayList<>(PUBLISHED.keySet());
        listed.addAll(WITHOUT_CODE);
        assertThat(listed)
                .as("a module published in calm-sdk-bom needs an API listing: add it to "
                        + "ApiListingCheckTest.PUBLISHED and as a test dependency of calm-sdk-api-listing")
                .containsExactlyInAnyOrderElementsOf(inBom);
    }

    @Test
    void thereAreNoListingsOfOtherModules() throws IOException {
        TreeSet<String> stray;
        try (Stream<Path> dirs = Files.list(rootDir())) {
            stray = dirs.filter(d -> Files.isDirectory(d.resolve("api")))
                    .flatMap(d -> {
                        try (Stream<Path> files = Files.list(d.resolve("api"))) {
                            return files.filter(f -> f.toString().endsWith(".api")).collect(Collectors.toList()).stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(f -> PUBLISHED.keySet().stream().noneMatch(a -> f.equals(listingFile(a))))
                    .map(f -> rootDir().relativize(f).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(stray).as("listings of modules that are not published (renamed or removed?): delete them").isEmpty();
    }

    @Test
    void theUpdateScriptRunsTheCommandTheFailureNames() throws IOException {
        Path script = rootDir().resolve(ApiListingCheck.UPDATE_SCRIPT);
        String text = Files.readString(script);
        // The failure message quotes the command; the script must not drift from it.
        for (String part : ApiListingCheck.UPDATE_COMMAND.split(" ")) {
            assertThat(text).as("%s runs %s", script, part).contains(part);
        }
        assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
    }

    private static Path rootDir() {
        String dir = System.getProperty("calm.api.rootDir");
        // Maven passes the checkout root; an IDE running the test from the module directory does not.
        return (dir == null ? Path.of("..") : Path.of(dir)).toAbsolutePath().normalize();
    }

    private static Path listingFile(String artifactId) {
        return rootDir().resolve(artifactId).resolve("api").resolve(artifactId + ".api");
    }

    /**
     * The class directory or jar of a published module on the test class path, which must be the one
     * this checkout built: a copy from the local Maven repository may be any other branch's.
     */
    private static Path classesOf(String artifactId) {
        String moduleName = PUBLISHED.get(artifactId);
        List<Path> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            boolean candidate = Files.isDirectory(path) || (Files.isRegularFile(path) && entry.endsWith(".jar"));
            if (candidate && AUTOMATIC.contains(artifactId)) {
                // No descriptor to name it: the class directory (or jar) this checkout built for the module.
                Path built = rootDir().resolve(artifactId).resolve("target");
                if (path.toAbsolutePath().normalize().startsWith(built)) {
                    found.add(path.toAbsolutePath().normalize());
                }
            } else if (candidate) {
                ModuleDescriptor d = ApiListing.readDescriptor(path);
                if (d != null && d.name().equals(moduleName)) {
                    found.add(path.toAbsolutePath().normalize());
                }
            }
        }
        assertThat(found).as("the classes of module %s (%s) on the test class path", moduleName, artifactId)
                .hasSize(1);
        Path classes = found.get(0);
        Path built = rootDir().resolve(artifactId).resolve("target");
        assertThat(classes.startsWith(built))
                .as("%s is taken from %s, not from this checkout's %s: build it in the same reactor, "
                        + "e.g. with '-pl calm-sdk-api-listing -am' (see %s)",
                        artifactId, classes, built, ApiListingCheck.UPDATE_SCRIPT)
                .isTrue();
        return classes;
    }
}
