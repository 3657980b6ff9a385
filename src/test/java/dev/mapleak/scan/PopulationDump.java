package dev.mapleak.scan;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** One heap dump of the test JVM holding {@link ScanPopulation}, made once and shared by the scan tests. */
final class PopulationDump {

    private static Path dump;

    private PopulationDump() {
    }

    static synchronized Path get() {
        if (dump == null) {
            try {
                Path dir = Files.createTempDirectory("mapleak-scan-test");
                dir.toFile().deleteOnExit();
                Path file = dir.resolve("population.hprof");
                ScanPopulation.build();
                HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                bean.dumpHeap(file.toString(), true); // live objects only: a full GC runs first
                ScanPopulation.release();
                file.toFile().deleteOnExit();
                dump = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dump;
    }
}
