package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures what one simulator costs, for the module README. Prints, never asserts on time: machines differ.
 */
class StartupMeasurementIT {

    @Test
    void startup_timeAndMemory_arePrinted() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Warm the JDK classes once so that the second start shows the steady-state cost.
        long coldStart = System.nanoTime();
        BtpSimulator.start().close();
        long coldMillis = (System.nanoTime() - coldStart) / 1_000_000;

        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            try (BtpSimulator sim = BtpSimulator.start()) {
                warm.add((System.nanoTime() - t) / 1_000_000);
                assertThat(sim.endpoints().serviceManager().getPort()).isPositive();
            }
        }

        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        List<BtpSimulator> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(BtpSimulator.start());
        }
        System.gc();
        long perSimulator = (memory.getHeapMemoryUsage().getUsed() - before) / 10;
        long threads = ManagementFactory.getThreadMXBean().getThreadCount();
        ten.forEach(BtpSimulator::close);

        BtpSimulator big = BtpSimulator.start();
        String project = big.cloudAlm().createProject("bulk");
        System.gc();
        long beforeSeed = memory.getHeapMemoryUsage().getUsed();
        big.cloudAlm().seedTasks(project, 100_000);
        System.gc();
        long seedCost = memory.getHeapMemoryUsage().getUsed() - beforeSeed;
        big.close();

        System.out.printf("STARTUP cold=%d ms, warm=%s ms, heap per idle simulator ~%d KiB, JVM threads with 10"
                + " simulators=%d, heap for 100,000 seeded tasks ~%d KiB%n", coldMillis, warm, perSimulator / 1024,
                threads, Math.max(0, seedCost) / 1024);
        assertThat(warm).hasSize(5);
    }
}
