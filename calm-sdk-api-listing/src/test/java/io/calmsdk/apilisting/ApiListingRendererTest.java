package io.calmsdk.apilisting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The renderer and the check on a small fixture module compiled for the test: a change to a public
 * signature makes the check fail, a change that is not public does not.
 */
class ApiListingRendererTest {

    /** The fixture module: one exported package, one exported only to another module, one not exported. */
    private static final Map<String, String> FIXTURE = new LinkedHashMap<>();

    static {
        FIXTURE.put("module-info.java", String.join("\n",
                "module fx {",
                "    exports fx.api;",
                "    exports fx.shared to java.logging;",
                "}"));
        FIXTURE.put("fx/api/Widget.java", String.join("\n",
                "package fx.api;",
                "public class Widget<T extends Comparable<? super T>> extends Base<java.util.List<T>>",
                "        implements java.io.Serializable {",
                "    public static final String NAME = \"widget\";",
                "    protected int count;",
                "    private int hidden;",
                "    int packagePrivate;",
                "    public Widget() {",
                "    }",
                "    protected Widget(T first, String... rest) throws java.io.IOException {",
                "    }",
                "    public <R extends Number & Comparable<R>> java.util.Map<String, java.util.List<? extends R>> convert(",
                "            java.util.function.Function<? super T, R> f, int[][] grid)",
                "            throws java.io.IOException, IllegalStateException {",
                "        return null;",
                "    }",
                "    @Deprecated(since = \"1.1\", forRemoval = true)",
                "    public void old() {",
                "        int body = 1;",
                "    }",
                "    void notListed() {",
                "    }",
                "    private void alsoNotListed() {",
                "    }",
                "    public static final class Builder {",
                "        public Widget<String> build() {",
                "            return null;",
                "        }",
                "    }",
                "    protected class Inner {",
                "        public Inner(String s) {",
                "        }",
                "    }",
                "    private static class Secret {",
                "        public void x() {",
                "        }",
                "    }",
                "    static class PackageNested {",
                "        public void y() {",
                "        }",
                "    }",
                "}"));
        FIXTURE.put("fx/api/Base.java", String.join("\n",
                "package fx.api;",
                "abstract class Base<E> implements Cloneable {",
                "    public E first() {",
                "        return null;",
                "    }",
                "    public final String describe(java.util.List<E> items) {",
                "        return \"\";",
                "    }",
                "    protected static int helper() {",
                "        return 0;",
                "    }",
                "}"));
        FIXTURE.put("fx/api/Shape.java", String.join("\n",
                "package fx.api;",
                "public sealed interface Shape permits Circle, Square, Blob {",
                "    double area();",
                "}"));
        FIXTURE.put("fx/api/Circle.java", String.join("\n",
                "package fx.api;",
                "public record Circle(double radius, java.util.List<String> tags) implements Shape {",
                "    public double area() {",
                "        return radius * radius * Math.PI;",
                "    }",
                "}"));
        FIXTURE.put("fx/api/Square.java", String.join("\n",
                "package fx.api;",
                "public non-sealed class Square implements Shape {",
                "    public double area() {",
                "        return 1;",
                "    }",
                "}"));
        FIXTURE.put("fx/api/Blob.java", String.join("\n",
                "package fx.api;",
                "final class Blob implements Shape {",
                "    public double area() {",
                "        return 0;",
                "    }",
                "}"));
        FIXTURE.put("fx/api/Color.java", String.join("\n",
                "package fx.api;",
                "public enum Color {",
                "    RED,",
                "    GREEN {",
                "        @Override",
                "        public int code() {",
                "            return 2;",
                "        }",
                "    };",
                "    public int code() {",
                "        return 1;",
                "    }",
                "}"));
        FIXTURE.put("fx/api/Tag.java", String.join("\n",
                "package fx.api;",
                "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
                "public @interface Tag {",
                "    String value() default \"x\\\"y\";",
                "    int[] numbers() default {1, 2};",
                "    Color color() default Color.RED;",
                "    Class<?> type() default Object.class;",
                "    long big() default 3L;",
                "    String required();",
                "}"));
        FIXTURE.put("fx/api/Op.java", String.join("\n",
                "package fx.api;",
                "@FunctionalInterface",
                "public interface Op<T> extends java.util.function.UnaryOperator<T> {",
                "    T run(T in) throws Exception;",
                "    default T apply(T in) {",
                "        return in;",
                "    }",
                "    static <T> Op<T> identity() {",
                "        return in -> in;",
                "    }",
                "    private void helper() {",
                "    }",
                "}"));
        FIXTURE.put("fx/api/Version.java", String.join("\n",
                "package fx.api;",
                "public final class Version implements Comparable<Version> {",
                "    private Version() {",
                "    }",
                "    public int compareTo(Version other) {",
                "        return 0;",
                "    }",
                "}"));
        FIXTURE.put("fx/api/Exposed.java", String.join("\n",
                "package fx.api;",
                "public class Exposed extends fx.hidden.HiddenBase {",
                "    Exposed() {",
                "    }",
                "}"));
        FIXTURE.put("fx/hidden/HiddenBase.java", String.join("\n",
                "package fx.hidden;",
                "public class HiddenBase {",
                "    public String fromHidden() {",
                "        return \"\";",
                "    }",
                "}"));
        FIXTURE.put("fx/shared/Shared.java", String.join("\n",
                "package fx.shared;",
                "public class Shared {",
                "    public void shared() {",
                "    }",
                "}"));
    }

    /** What the fixture renders to: pins the format of the listings. */
    private static final String EXPECTED = String.join("\n",
            "module fx",
            "  exports fx.api",
            "",
            "public record fx.api.Circle(double radius, java.util.List<String> tags) implements fx.api.Shape",
            "  public Circle(double, java.util.List<String>)",
            "  public double area()",
            "  public double radius()",
            "  public final String toString()",
            "  public final boolean equals(Object)",
            "  public final int hashCode()",
            "  public java.util.List<String> tags()",
            "",
            "public enum fx.api.Color",
            "  enum constant GREEN",
            "  enum constant RED",
            "  public int code()",
            "  public static fx.api.Color valueOf(String)",
            "  public static fx.api.Color[] values()",
            "",
            "public class fx.api.Exposed",
            "  public String fromHidden()",
            "",
            "@FunctionalInterface public interface fx.api.Op<T> extends java.util.function.UnaryOperator<T>",
            "  public abstract T run(T) throws Exception",
            "  public default T apply(T)",
            "  public static <T> fx.api.Op<T> identity()",
            "",
            "public sealed interface fx.api.Shape permits fx.api.Circle, fx.api.Square",
            "  public abstract double area()",
            "",
            "public non-sealed class fx.api.Square implements fx.api.Shape",
            "  public Square()",
            "  public double area()",
            "",
            "public @interface fx.api.Tag",
            "  public abstract Class<?> type() default Object.class",
            "  public abstract String required()",
            "  public abstract String value() default \"x\\\"y\"",
            "  public abstract fx.api.Color color() default fx.api.Color.RED",
            "  public abstract int[] numbers() default {1, 2}",
            "  public abstract long big() default 3L",
            "",
            "public final class fx.api.Version implements Comparable<fx.api.Version>",
            "  public int compareTo(fx.api.Version)",
            "",
            "public class fx.api.Widget<T extends Comparable<? super T>> implements java.io.Serializable, Cloneable",
            "  @Deprecated(since=\"1.1\", forRemoval=true) public void old()",
            "  protected Widget(T, String...) throws java.io.IOException",
            "  protected int count",
            "  protected static int helper()",
            "  public <R extends Number & Comparable<R>> java.util.Map<String, java.util.List<? extends R>>"
                    + " convert(java.util.function.Function<? super T, R>, int[][])"
                    + " throws IllegalStateException, java.io.IOException",
            "  public Widget()",
            "  public final String describe(java.util.List<java.util.List<T>>)",
            "  public java.util.List<T> first()",
            "  public static final String NAME",
            "",
            "public static final class fx.api.Widget.Builder",
            "  public Builder()",
            "  public fx.api.Widget<String> build()",
            "",
            "protected class fx.api.Widget.Inner",
            "  public Inner(String)",
            "");

    @TempDir
    static Path work;

    private static Path fixtureClasses;
    private static String fixtureListing;

    @BeforeAll
    static void renderTheFixture() throws IOException {
        fixtureClasses = compile(FIXTURE, "base");
        try (URLClassLoader loader = loaderFor(fixtureClasses)) {
            fixtureListing = ApiListing.render(fixtureClasses, loader);
        }
    }

    @Test
    void listsThePublicApiOfTheUnqualifiedlyExportedPackages() {
        assertThat(fixtureListing).isEqualTo(EXPECTED);
    }

    @Test
    void rendersAJarLikeItsClassDirectory() throws IOException {
        // In a full `verify` the reactor hands the listing module jars, in `test` class directories.
        Path classes = fixtureClasses;
        Path jar = work.resolve("fx.jar");
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        try (URLClassLoader loader = loaderFor(jar)) {
            assertThat(ApiListing.render(jar, loader)).isEqualTo(EXPECTED);
        }
    }

    @Test
    void refusesClassesLoadedFromElsewhere() throws IOException {
        Path classes = fixtureClasses;
        Path copy = work.resolve("copy");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.sorted().collect(Collectors.toList())) {
                Files.copy(file, copy.resolve(classes.relativize(file).toString()));
            }
        }
        // The loader finds the copy first, as a stale jar earlier on a class path would be found.
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {copy.toUri().toURL(), classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> ApiListing.render(classes, loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was loaded from " + copy);
        }
    }

    static Stream<Arguments> publicChanges() {
        return Stream.of(
                Arguments.of("a constructor gains a parameter", "fx/api/Widget.java",
                        "public Widget() {", "public Widget(int size) {",
                        List.of("  public class fx.api.Widget<T extends Comparable<? super T>> implements "
                                        + "java.io.Serializable, Cloneable",
                                "-   public Widget()", "+   public Widget(int)")),
                Arguments.of("a generic bound changes", "fx/api/Widget.java",
                        "public class Widget<T extends Comparable<? super T>>", "public class Widget<T extends Comparable<T>>",
                        List.of("- public class fx.api.Widget<T extends Comparable<? super T>> implements "
                                        + "java.io.Serializable, Cloneable",
                                "+ public class fx.api.Widget<T extends Comparable<T>> implements "
                                        + "java.io.Serializable, Cloneable")),
                Arguments.of("a throws clause changes", "fx/api/Op.java",
                        "T run(T in) throws Exception;", "T run(T in);",
                        List.of("-   public abstract T run(T) throws Exception", "+   public abstract T run(T)")),
                Arguments.of("a method becomes final", "fx/api/Square.java",
                        "public double area()", "public final double area()",
                        List.of("  public non-sealed class fx.api.Square implements fx.api.Shape",
                                "-   public double area()", "+   public final double area()")),
                Arguments.of("a public method of a hidden superclass changes", "fx/hidden/HiddenBase.java",
                        "public String fromHidden()", "public CharSequence fromHidden()",
                        List.of("  public class fx.api.Exposed",
                                "-   public String fromHidden()", "+   public CharSequence fromHidden()")),
                Arguments.of("a field becomes protected", "fx/api/Widget.java",
                        "    int packagePrivate;", "    protected int packagePrivate;",
                        List.of("+   protected int packagePrivate")),
                Arguments.of("an enum constant is added", "fx/api/Color.java",
                        "    RED,", "    RED, BLUE,",
                        List.of("  public enum fx.api.Color", "+   enum constant BLUE")),
                Arguments.of("an annotation default changes", "fx/api/Tag.java",
                        "long big() default 3L;", "long big() default 4L;",
                        List.of("-   public abstract long big() default 3L", "+   public abstract long big() default 4L")),
                Arguments.of("a nested type is made private", "fx/api/Widget.java",
                        "protected class Inner {", "private class Inner {",
                        List.of("- protected class fx.api.Widget.Inner", "-   public Inner(String)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicChanges")
    void aPublicChangeFailsTheCheck(String change, String file, String from, String to, List<String> shown)
            throws IOException {
        String changed = render(edit(file, from, to), change);

        Optional<String> failure = ApiListingCheck.compare("fixture", "fx/api/fixture.api", fixtureListing, changed);

        assertThat(failure).isPresent();
        assertThat(failure.get())
                .startsWith("The public API of fixture differs from its listing fx/api/fixture.api")
                .contains(String.join("\n", shown))
                .contains(ApiListingCheck.UPDATE_SCRIPT, ApiListingCheck.UPDATE_COMMAND);
    }

    static Stream<Arguments> nonPublicChanges() {
        return Stream.of(
                Arguments.of("a method body changes", "fx/api/Widget.java", "int body = 1;", "int body = 2;"),
                Arguments.of("a private method is added", "fx/api/Widget.java",
                        "private void alsoNotListed() {", "private void added() {\n}\nprivate void alsoNotListed() {"),
                Arguments.of("a package-private method changes", "fx/api/Widget.java",
                        "void notListed() {", "String notListed(int x) {\nreturn null;\n}\nvoid other() {"),
                Arguments.of("members are reordered", "fx/api/Tag.java",
                        "    String value() default \"x\\\"y\";\n    int[] numbers() default {1, 2};",
                        "    int[] numbers() default {1, 2};\n    String value() default \"x\\\"y\";"),
                Arguments.of("a private nested type changes", "fx/api/Widget.java",
                        "public void x() {", "public void renamedX(int a) {"),
                Arguments.of("a package-private permitted subclass changes", "fx/api/Blob.java",
                        "public double area() {", "public double area() {\n        return 2;\n    }\n"
                                + "    public double volume() {"),
                Arguments.of("a package exported only to another module changes", "fx/shared/Shared.java",
                        "public void shared() {", "public String shared(int a) {\n        return null;"),
                Arguments.of("a class of a package that is not exported is added", "fx/hidden/HiddenBase.java",
                        "public class HiddenBase {", "public class HiddenBase {\n    public static class More {\n    }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonPublicChanges")
    void aChangeThatIsNotPublicPassesTheCheck(String change, String file, String from, String to) throws IOException {
        String changed = render(edit(file, from, to), change);

        assertThat(ApiListingCheck.compare("fixture", "fx/api/fixture.api", fixtureListing, changed)).isEmpty();
    }

    @Test
    void aMissingListingFailsTheCheck() {
        assertThat(ApiListingCheck.compare("fixture", "fx/api/fixture.api", null, fixtureListing))
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("There is no API listing for fixture at fx/api/fixture.api.")
                        .contains(ApiListingCheck.UPDATE_SCRIPT));
    }

    @Test
    void lineEndingsDoNotCount() {
        assertThat(ApiListingCheck.compare("fixture", "f", fixtureListing.replace("\n", "\r\n"), fixtureListing))
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------

    private static Map<String, String> edit(String file, String from, String to) {
        Map<String, String> sources = new LinkedHashMap<>(FIXTURE);
        String source = sources.get(file);
        // A typo in a test case must not turn it into a no-op that passes for the wrong reason.
        assertThat(source).as("fixture source %s", file).contains(from);
        sources.put(file, source.replace(from, to));
        return sources;
    }

    private static String render(Map<String, String> sources, String name) throws IOException {
        Path classes = compile(sources, name);
        try (URLClassLoader loader = loaderFor(classes)) {
            return ApiListing.render(classes, loader);
        }
    }

    private static URLClassLoader loaderFor(Path classes) throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static Path compile(Map<String, String> sources, String name) throws IOException {
        Path dir = work.resolve(name.replaceAll("[^A-Za-z0-9]+", "-"));
        Path src = dir.resolve("src");
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", out.toString()));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue() + "\n");
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = javac.run(null, null, new WriterStream(errors), args.toArray(new String[0]));
        assertThat(status).as("compiling the fixture (%s):%n%s", name, errors).isZero();
        return out;
    }

    /** javac's run() wants streams; this collects its messages for the assertion. */
    private static final class WriterStream extends OutputStream {
        private final StringWriter target;

        WriterStream(StringWriter target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }
    }
}
