package io.calmsdk.benchmarks.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What BENCHMARKS.md says about the machine: CPU, memory, OS, JDK and the load while the run went on. */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** @return CPU model and the number of processors the JVM sees */
    public static String cpu() {
        String model = readFirst("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
        return model + ", " + Runtime.getRuntime().availableProcessors() + " processors visible to the JVM";
    }

    /** @return total memory, when the OS says */
    public static String memory() {
        return readFirst("/proc/meminfo", "MemTotal")
                .map(v -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(v.replaceAll("[^0-9]", ""))
                        / 1048576.0))
                .orElse("unknown");
    }

    /** @return OS name, version and architecture */
    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
    }

    /** @return JDK vendor, version and VM */
    public static String jdk() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version") + ", "
                + System.getProperty("java.vm.name");
    }

    /** @return the 1-minute load average now, or -1 when unknown */
    public static double loadAverage() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os.getSystemLoadAverage();
    }

    private static Optional<String> readFirst(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    int colon = line.indexOf(':');
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return Optional.empty();
    }
}
