package io.calmsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalmSdkTest {

    @Test
    void theVersionIsTheProjectVersionOfTheBuild() {
        // calm-sdk-core/pom.xml passes its ${project.version} to the tests.
        String expected = System.getProperty("calm.expectedVersion");

        assertThat(expected).as("system property calm.expectedVersion, set by Surefire").isNotBlank();
        assertThat(CalmSdk.version()).isEqualTo(expected);
    }

    @Test
    void theVersionIsNotACompileTimeConstant() {
        // A public static final String would be copied into callers by javac and go stale in their jars.
        assertThat(Arrays.stream(CalmSdk.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class))
                .isEmpty();
    }

    @Test
    void theVersionIsReadInsideTheNamedModule() throws Exception {
        // The tests run on the class path; here calm-sdk-core is loaded as the named module
        // io.calmsdk.core, where resources are encapsulated, in a module layer of its own.
        Path coreClasses = Path.of(CalmSdk.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleFinder finder = ModuleFinder.compose(ModuleFinder.of(coreClasses), dependenciesOf(coreClasses));
        Configuration cf = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("io.calmsdk.core"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());

        Class<?> calmSdk = layer.findLoader("io.calmsdk.core").loadClass(CalmSdk.class.getName());

        assertThat(calmSdk.getModule().getName()).isEqualTo("io.calmsdk.core");
        assertThat(calmSdk).isNotSameAs(CalmSdk.class);
        assertThat(calmSdk.getMethod("version").invoke(null)).isEqualTo(System.getProperty("calm.expectedVersion"));
    }

    /**
     * The modules io.calmsdk.core needs, from the jars of the test class path: only those, because an
     * automatic module makes every other observable automatic module resolve too, and the test class
     * path holds jars (WireMock, jqwik) that cannot share a layer.
     */
    private static ModuleFinder dependenciesOf(Path coreClasses) {
        Map<String, ModuleReference> onClassPath = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                continue;
            }
            try {
                ModuleFinder.of(jar).findAll().forEach(r -> onClassPath.putIfAbsent(r.descriptor().name(), r));
            } catch (FindException e) {
                // A jar whose automatic module name is invalid: not one the core needs.
            }
        }
        Map<String, ModuleReference> needed = new HashMap<>();
        Deque<ModuleDescriptor> todo = new ArrayDeque<>();
        todo.add(ModuleFinder.of(coreClasses).findAll().iterator().next().descriptor());
        while (!todo.isEmpty()) {
            for (ModuleDescriptor.Requires r : todo.pop().requires()) {
                ModuleReference ref = onClassPath.get(r.name());
                boolean optional = r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC);
                if (!optional && ref != null && needed.putIfAbsent(r.name(), ref) == null) {
                    todo.add(ref.descriptor());
                }
            }
        }
        return new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return Optional.ofNullable(needed.get(name));
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.copyOf(needed.values());
            }
        };
    }
}
