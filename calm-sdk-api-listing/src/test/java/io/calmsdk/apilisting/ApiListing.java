package io.calmsdk.apilisting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the public API of one Java module as text: one line per type and per member, so that a change
 * to the API shows up as a line diff.
 *
 * <p>The module is given as its compiled classes (a directory or a jar with a {@code module-info.class}).
 * Only the packages its descriptor exports to everybody are listed; qualified exports
 * ({@code exports ... to ...}) are internal. Every public type of those packages, every public or
 * protected nested type of a listed type, and every public or protected constructor, method and field
 * is listed with its generic signature; synthetic and bridge members are not. Classes are loaded without
 * being initialised. Public members a listed class inherits from a superclass that is not itself listed
 * (for example the package-private builders Immutables generates) are listed under the listed class,
 * which names its nearest listed superclass, as Javadoc does.
 *
 * <p>Types are written with fully qualified canonical names, except for the types of {@code java.lang}
 * itself, which are written with their simple names. Types are sorted by name and members by their text,
 * so the result depends only on the API, not on declaration order or on the compiler.
 */
final class ApiListing {

    private static final String INDENT = "  ";

    private final Path root;
    private final ClassLoader loader;
    private final ModuleDescriptor descriptor;
    private final Set<String> exported;
    private final Set<String> modulePackages;

    private ApiListing(Path root, ClassLoader loader, ModuleDescriptor descriptor, Set<String> modulePackages) {
        this.root = root;
        this.loader = loader;
        this.descriptor = descriptor;
        // An automatic module (a jar with only an Automatic-Module-Name) exports every package; its
        // internal packages are left out, as Javadoc leaves them out.
        this.exported = descriptor.isAutomatic()
                ? modulePackages.stream().filter(p -> !isInternal(p)).collect(Collectors.toCollection(TreeSet::new))
                : descriptor.exports().stream()
                        .filter(e -> !e.isQualified())
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toCollection(TreeSet::new));
        this.modulePackages = modulePackages;
    }

    /**
     * Renders the API listing of the module whose classes are at {@code classesRoot}.
     *
     * @param classesRoot a class directory or a jar holding the module's {@code module-info.class}
     * @param loader a class loader that loads the module's classes from {@code classesRoot} (checked)
     *     and can resolve every type their signatures mention
     * @return the listing, lines separated by {@code \n} and ending with one
     * @throws IllegalStateException if there is no module descriptor, or a class cannot be loaded or is
     *     loaded from somewhere else than {@code classesRoot}
     */
    static String render(Path classesRoot, ClassLoader loader) {
        return render(classesRoot, null, loader);
    }

    /**
     * Renders the API listing of an automatic module: classes without {@code module-info.class}, named by
     * the {@code Automatic-Module-Name} of their jar (modules that run on Spring's class path). Every
     * package is listed except {@code *.internal} ones.
     *
     * @param classesRoot a class directory or a jar holding the module's classes
     * @param automaticName the module name, or {@code null} to require a {@code module-info.class}
     * @param loader a class loader that loads the module's classes from {@code classesRoot}
     * @return the listing, lines separated by {@code \n} and ending with one
     */
    static String render(Path classesRoot, String automaticName, ClassLoader loader) {
        try {
            if (Files.isDirectory(classesRoot)) {
                return renderTree(classesRoot, classesRoot, automaticName, loader);
            }
            try (FileSystem jar = FileSystems.newFileSystem(classesRoot)) {
                return renderTree(classesRoot, jar.getPath("/"), automaticName, loader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classesRoot, e);
        }
    }

    /**
     * Reads the module descriptor at the top of a class directory or jar.
     *
     * @param classesRoot a class directory or a jar
     * @return the descriptor, or {@code null} if there is none
     */
    static ModuleDescriptor readDescriptor(Path classesRoot) {
        try {
            if (Files.isDirectory(classesRoot)) {
                return readDescriptorAt(classesRoot);
            }
            try (FileSystem jar = FileSystems.newFileSystem(classesRoot)) {
                return readDescriptorAt(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classesRoot, e);
        }
    }

    private static ModuleDescriptor readDescriptorAt(Path top) throws IOException {
        Path info = top.resolve("module-info.class");
        if (!Files.isRegularFile(info)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(info)) {
            return ModuleDescriptor.read(in);
        }
    }

    private static String renderTree(Path classesRoot, Path top, String automaticName, ClassLoader loader)
            throws IOException {
        ModuleDescriptor descriptor = readDescriptorAt(top);
        if (descriptor == null && automaticName == null) {
            throw new IllegalStateException("No module-info.class in " + classesRoot);
        }
        List<String> classNames;
        try (Stream<Path> files = Files.walk(top)) {
            classNames = files
                    .filter(Files::isRegularFile)
                    .map(p -> top.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".class") && !p.startsWith("META-INF/"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !n.equals("module-info") && !n.endsWith(".package-info"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        // The descriptor alone names only the exported and opened packages (javac writes no
        // ModulePackages attribute); the class files name the others, which are hidden.
        Set<String> packages = new HashSet<>(descriptor == null ? Set.of() : descriptor.packages());
        classNames.forEach(n -> packages.add(packageOf(n)));
        if (descriptor == null) {
            descriptor = ModuleDescriptor.newAutomaticModule(automaticName).packages(packages).build();
        }
        return new ApiListing(classesRoot, loader, descriptor, packages).render(classNames);
    }

    private String render(List<String> classNames) {
        StringBuilder out = new StringBuilder();
        out.append(descriptor.isAutomatic() ? "automatic module " : "module ").append(descriptor.name()).append('\n');
        Set<String> moduleLines = new TreeSet<>();
        exported.forEach(p -> moduleLines.add("exports " + p));
        // Only transitive requirements are part of the API: users of the module read those modules too.
        descriptor.requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .forEach(r -> moduleLines.add("requires " + r.modifiers().stream()
                        .filter(m -> m != ModuleDescriptor.Requires.Modifier.MANDATED)
                        .map(m -> m.name().toLowerCase(java.util.Locale.ROOT))
                        .sorted()
                        .collect(Collectors.joining(" ")) + " " + r.name()));
        moduleLines.forEach(l -> out.append(INDENT).append(l).append('\n'));

        Map<String, Class<?>> types = new TreeMap<>();
        for (String name : classNames) {
            if (!exported.contains(packageOf(name))) {
                continue;
            }
            Class<?> type = load(name);
            if (isListed(type)) {
                types.put(nameOf(type), type);
            }
        }
        for (Class<?> type : types.values()) {
            out.append('\n');
            try {
                renderType(type, out);
            } catch (LinkageError | TypeNotPresentException e) {
                // Reflection resolves every type a signature names, optional dependencies included.
                throw new IllegalStateException("Cannot list " + nameOf(type) + ": " + e + ". A type that its"
                        + " signatures use is not on the class path; if it comes from an optional dependency of"
                        + " the module, add that dependency to calm-sdk-api-listing (test scope).", e);
            }
        }
        return out.toString();
    }

    private static boolean isInternal(String pkg) {
        return pkg.endsWith(".internal") || pkg.contains(".internal.");
    }

    private Class<?> load(String name) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Cannot load " + name + " from " + root + ": " + e, e);
        }
        // Guards against listing a stale copy of the class that sits earlier on the class path.
        CodeSource source = type.getProtectionDomain().getCodeSource();
        Path from;
        try {
            from = source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (from == null || !samePath(from, root)) {
            throw new IllegalStateException(name + " was loaded from " + from + ", not from " + root);
        }
        return type;
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Which types are listed.

    /** A type is listed when code outside its module can name it. */
    private boolean isListed(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass() || type.isHidden()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            int m = t.getModifiers();
            boolean nested = t.getDeclaringClass() != null;
            if (!Modifier.isPublic(m) && !(nested && Modifier.isProtected(m))) {
                return false;
            }
        }
        String pkg = type.getPackageName();
        return !modulePackages.contains(pkg) || exported.contains(pkg);
    }

    // ---------------------------------------------------------------------------------------------------
    // Types.

    private void renderType(Class<?> type, StringBuilder out) {
        // Type variables of non-listed superclasses, bound to their arguments as seen from this type.
        Map<TypeVariable<?>, String> bindings = new HashMap<>();
        List<Class<?>> hiddenSupers = new ArrayList<>();
        List<Map<TypeVariable<?>, String>> hiddenBindings = new ArrayList<>();
        Class<?> current = type;
        Type visibleSuper = null;
        while (!type.isInterface() && current.getSuperclass() != null) {
            Class<?> sup = current.getSuperclass();
            Type generic = current.getGenericSuperclass();
            if (isListed(sup)) {
                visibleSuper = generic;
                break;
            }
            bindings = bind(sup, generic, bindings);
            hiddenSupers.add(sup);
            hiddenBindings.add(bindings);
            current = sup;
        }

        out.append(annotations(type));
        out.append(typeModifiers(type));
        out.append(kind(type)).append(' ').append(nameOf(type)).append(typeParameters(type.getTypeParameters(), Map.of()));
        if (type.isRecord()) {
            out.append(Arrays.stream(type.getRecordComponents())
                    .map(c -> render(c.getGenericType(), Map.of()) + " " + c.getName())
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        if (visibleSuper != null && !isImplicitSuperclass(type, visibleSuper)) {
            out.append(" extends ").append(render(visibleSuper, bindings));
        }
        Set<String> interfaces = new LinkedHashSet<>();
        addInterfaces(type, Map.of(), interfaces);
        for (int i = 0; i < hiddenSupers.size(); i++) {
            addInterfaces(hiddenSupers.get(i), hiddenBindings.get(i), interfaces);
        }
        if (!interfaces.isEmpty()) {
            out.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (type.isSealed() && !type.isEnum()) {
            String permits = Arrays.stream(type.getPermittedSubclasses())
                    .filter(this::isListed)
                    .map(ApiListing::nameOf)
                    .sorted()
                    .collect(Collectors.joining(", "));
            if (!permits.isEmpty()) {
                out.append(" permits ").append(permits);
            }
        }
        out.append('\n');

        List<String> members = new ArrayList<>();
        Set<String> methodKeys = new HashSet<>();
        Set<String> fieldNames = new HashSet<>();
        addMembers(type, Map.of(), true, members, methodKeys, fieldNames);
        for (int i = 0; i < hiddenSupers.size(); i++) {
            addMembers(hiddenSupers.get(i), hiddenBindings.get(i), false, members, methodKeys, fieldNames);
        }
        members.stream().sorted().forEach(m -> out.append(INDENT).append(m).append('\n'));
    }

    private void addInterfaces(Class<?> type, Map<TypeVariable<?>, String> bindings, Set<String> into) {
        Class<?>[] raw = type.getInterfaces();
        Type[] generic = type.getGenericInterfaces();
        for (int i = 0; i < raw.length; i++) {
            if (type.isAnnotation() && raw[i] == java.lang.annotation.Annotation.class) {
                continue;
            }
            if (isListed(raw[i])) {
                into.add(render(generic[i], bindings));
            }
        }
    }

    private static boolean isImplicitSuperclass(Class<?> type, Type superclass) {
        Class<?> raw = superclass instanceof ParameterizedType
                ? (Class<?>) ((ParameterizedType) superclass).getRawType()
                : (Class<?>) superclass;
        return raw == Object.class
                || (type.isEnum() && raw == Enum.class)
                || (type.isRecord() && raw == Record.class);
    }

    /** Binds the type parameters of {@code sup} to the arguments {@code generic} gives them. */
    private static Map<TypeVariable<?>, String> bind(Class<?> sup, Type generic, Map<TypeVariable<?>, String> outer) {
        Map<TypeVariable<?>, String> bound = new HashMap<>(outer);
        TypeVariable<?>[] params = sup.getTypeParameters();
        if (generic instanceof ParameterizedType) {
            Type[] args = ((ParameterizedType) generic).getActualTypeArguments();
            for (int i = 0; i < params.length; i++) {
                bound.put(params[i], render(args[i], outer));
            }
        } else {
            // A raw superclass: its type variables erase to their first bound.
            for (TypeVariable<?> p : params) {
                bound.put(p, render(p.getBounds()[0], outer));
            }
        }
        return bound;
    }

    private static String kind(Class<?> type) {
        if (type.isAnnotation()) {
            return "@interface";
        }
        if (type.isInterface()) {
            return "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (type.isRecord()) {
            return "record";
        }
        return "class";
    }

    private static String typeModifiers(Class<?> type) {
        int m = type.getModifiers();
        StringBuilder s = new StringBuilder();
        s.append(Modifier.isPublic(m) ? "public " : "protected ");
        boolean plainClass = !type.isInterface() && !type.isEnum() && !type.isRecord();
        // Nested interfaces, enums, records and annotations are static anyway; only classes say it.
        if (plainClass && type.getDeclaringClass() != null && Modifier.isStatic(m)) {
            s.append("static ");
        }
        if (plainClass && Modifier.isAbstract(m)) {
            s.append("abstract ");
        }
        if (plainClass && Modifier.isFinal(m)) {
            s.append("final ");
        }
        // An enum whose constants have bodies is sealed by the compiler, not by its author.
        if (type.isSealed() && !type.isEnum()) {
            s.append("sealed ");
        } else if (!Modifier.isFinal(m) && !type.isEnum() && !type.isRecord() && hasSealedSupertype(type)) {
            s.append("non-sealed ");
        }
        return s.toString();
    }

    private static boolean hasSealedSupertype(Class<?> type) {
        Class<?> sup = type.getSuperclass();
        if (sup != null && sup.isSealed()) {
            return true;
        }
        return Arrays.stream(type.getInterfaces()).anyMatch(Class::isSealed);
    }

    // ---------------------------------------------------------------------------------------------------
    // Members.

    private void addMembers(Class<?> type, Map<TypeVariable<?>, String> bindings, boolean declaredByType,
                            List<String> members, Set<String> methodKeys, Set<String> fieldNames) {
        if (declaredByType) {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (isListedMember(c)) {
                    members.add(renderConstructor(c));
                }
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            // A method of a hidden superclass counts only when the type does not override it.
            if (isListedMember(m) && !m.isBridge() && methodKeys.add(methodKey(m))) {
                members.add(renderMethod(m, bindings));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (isListedMember(f) && fieldNames.add(f.getName())) {
                members.add(renderField(f, bindings));
            }
        }
    }

    private static boolean isListedMember(Member member) {
        int m = member.getModifiers();
        return (Modifier.isPublic(m) || Modifier.isProtected(m)) && !member.isSynthetic();
    }

    private static String methodKey(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private String renderConstructor(Constructor<?> c) {
        Class<?> owner = c.getDeclaringClass();
        Type[] params = c.getGenericParameterTypes();
        // An inner class's constructor takes its outer instance first; getGenericParameterTypes() drops it
        // only when the constructor has a generic signature, so drop it here in the other case.
        if (owner.getDeclaringClass() != null && !Modifier.isStatic(owner.getModifiers())
                && params.length == c.getParameterCount() && params.length > 0
                && params[0] == owner.getDeclaringClass()) {
            params = Arrays.copyOfRange(params, 1, params.length);
        }
        return annotations(c) + memberModifiers(c) + typeParameters(c.getTypeParameters(), Map.of())
                + (c.getTypeParameters().length > 0 ? " " : "")
                + owner.getSimpleName() + parameters(c, params, Map.of()) + exceptions(c, Map.of());
    }

    private String renderMethod(Method m, Map<TypeVariable<?>, String> bindings) {
        StringBuilder s = new StringBuilder();
        s.append(annotations(m)).append(memberModifiers(m));
        if (m.getTypeParameters().length > 0) {
            s.append(typeParameters(m.getTypeParameters(), bindings)).append(' ');
        }
        s.append(render(m.getGenericReturnType(), bindings)).append(' ').append(m.getName());
        s.append(parameters(m, m.getGenericParameterTypes(), bindings)).append(exceptions(m, bindings));
        if (m.getDeclaringClass().isAnnotation() && m.getDefaultValue() != null) {
            s.append(" default ").append(annotationValue(m.getDefaultValue()));
        }
        return s.toString();
    }

    private String renderField(Field f, Map<TypeVariable<?>, String> bindings) {
        if (f.isEnumConstant()) {
            return annotations(f) + "enum constant " + f.getName();
        }
        return annotations(f) + memberModifiers(f) + render(f.getGenericType(), bindings) + " " + f.getName();
    }

    private static String memberModifiers(Member member) {
        int m = member.getModifiers();
        StringBuilder s = new StringBuilder(Modifier.isPublic(m) ? "public " : "protected ");
        if (Modifier.isAbstract(m)) {
            s.append("abstract ");
        }
        if (member instanceof Method && ((Method) member).isDefault()) {
            s.append("default ");
        }
        if (Modifier.isStatic(m)) {
            s.append("static ");
        }
        if (Modifier.isFinal(m)) {
            s.append("final ");
        }
        return s.toString();
    }

    private static String parameters(Executable e, Type[] params, Map<TypeVariable<?>, String> bindings) {
        StringJoiner s = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < params.length; i++) {
            String p = render(params[i], bindings);
            if (e.isVarArgs() && i == params.length - 1 && p.endsWith("[]")) {
                p = p.substring(0, p.length() - 2) + "...";
            }
            s.add(p);
        }
        return s.toString();
    }

    private static String exceptions(Executable e, Map<TypeVariable<?>, String> bindings) {
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return Arrays.stream(thrown).map(t -> render(t, bindings)).sorted()
                .collect(Collectors.joining(", ", " throws ", ""));
    }

    /** The annotations that are part of a contract: deprecation and functional interfaces. */
    private static String annotations(AccessibleObject element) {
        Deprecated d = element.getAnnotation(Deprecated.class);
        return d == null ? "" : deprecated(d);
    }

    private static String annotations(Class<?> type) {
        StringBuilder s = new StringBuilder();
        Deprecated d = type.getAnnotation(Deprecated.class);
        if (d != null) {
            s.append(deprecated(d));
        }
        if (type.isAnnotationPresent(FunctionalInterface.class)) {
            s.append("@FunctionalInterface ");
        }
        return s.toString();
    }

    private static String deprecated(Deprecated d) {
        StringJoiner args = new StringJoiner(", ", "(", ")").setEmptyValue("");
        if (!d.since().isEmpty()) {
            args.add("since=\"" + d.since() + "\"");
        }
        if (d.forRemoval()) {
            args.add("forRemoval=true");
        }
        return "@Deprecated" + args + " ";
    }

    private static String annotationValue(Object value) {
        if (value instanceof String) {
            return '"' + ((String) value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof Character) {
            return "'" + value + "'";
        }
        if (value instanceof Class) {
            return render((Class<?>) value, Map.of()) + ".class";
        }
        if (value instanceof Enum) {
            return nameOf(((Enum<?>) value).getDeclaringClass()) + "." + ((Enum<?>) value).name();
        }
        if (value instanceof Long) {
            return value + "L";
        }
        if (value instanceof Float) {
            return value + "F";
        }
        if (value.getClass().isArray()) {
            StringJoiner s = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < Array.getLength(value); i++) {
                s.add(annotationValue(Array.get(value, i)));
            }
            return s.toString();
        }
        return String.valueOf(value);
    }

    // ---------------------------------------------------------------------------------------------------
    // Type names.

    private static String typeParameters(TypeVariable<?>[] params, Map<TypeVariable<?>, String> bindings) {
        if (params.length == 0) {
            return "";
        }
        StringJoiner s = new StringJoiner(", ", "<", ">");
        for (TypeVariable<?> p : params) {
            List<Type> bounds = Arrays.stream(p.getBounds()).filter(b -> b != Object.class).collect(Collectors.toList());
            s.add(bounds.isEmpty() ? p.getName() : p.getName() + " extends "
                    + bounds.stream().map(b -> render(b, bindings)).collect(Collectors.joining(" & ")));
        }
        return s.toString();
    }

    /** Renders a type; type variables of hidden superclasses are replaced by what they are bound to. */
    static String render(Type type, Map<TypeVariable<?>, String> bindings) {
        if (type instanceof Class) {
            Class<?> c = (Class<?>) type;
            return c.isArray() ? render(c.getComponentType(), bindings) + "[]" : nameOf(c);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Class<?> raw = (Class<?>) p.getRawType();
            String base = p.getOwnerType() instanceof ParameterizedType
                    ? render(p.getOwnerType(), bindings) + "." + raw.getSimpleName()
                    : nameOf(raw);
            return base + Arrays.stream(p.getActualTypeArguments()).map(a -> render(a, bindings))
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof TypeVariable) {
            return bindings.getOrDefault(type, ((TypeVariable<?>) type).getName());
        }
        if (type instanceof WildcardType) {
            WildcardType w = (WildcardType) type;
            if (w.getLowerBounds().length > 0) {
                return "? super " + render(w.getLowerBounds()[0], bindings);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + render(upper, bindings);
        }
        if (type instanceof GenericArrayType) {
            return render(((GenericArrayType) type).getGenericComponentType(), bindings) + "[]";
        }
        throw new IllegalArgumentException("Unknown kind of type: " + type);
    }

    /** The canonical name, without the package for the types of {@code java.lang}. */
    static String nameOf(Class<?> c) {
        String name = Objects.requireNonNullElse(c.getCanonicalName(), c.getName());
        // Primitive types report java.lang as their package too.
        return !c.isPrimitive() && c.getPackageName().equals("java.lang") ? name.substring("java.lang.".length()) : name;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
