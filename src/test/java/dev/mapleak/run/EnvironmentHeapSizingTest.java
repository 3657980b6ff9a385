package dev.mapleak.run;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * environment.json records, for each JVM, the flags in effect that decide committed heap and RSS after a GC,
 * read from the JVM itself ({@code -XX:+PrintFlagsFinal}) under G1, Parallel and ZGC on the JDK running the tests.
 */
class EnvironmentHeapSizingTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC"})
    void recordsTheHeapSizingFlagsOfEachCollector(String gc) {
        Jdk jdk = Jdk.at(Path.of(System.getProperty("java.home"))).orElseThrow();
        JvmConfig config = new JvmConfig("default", jdk, List.of("-Xms64m", "-Xmx256m", gc));
        JvmConfig.Checked checked = config.check();
        Map<String, Object> sizing = Environment.heapSizing(checked.collector(), checked.finalFlags());

        // -Xms / -Xmx as given; no pre-touch by default.
        assertEquals(64L << 20, sizing.get("InitialHeapSize"));
        assertEquals(256L << 20, sizing.get("MaxHeapSize"));
        // HotSpot's free-ratio defaults are 40 / 70; Parallel's adaptive size policy sets them to 0 / 100 (seen in
        // -XX:+PrintFlagsFinal on JDK 17.0.15), which is why it keeps what it grew to.
        boolean parallel = gc.equals("-XX:+UseParallelGC");
        assertEquals(parallel ? 0L : 40L, sizing.get("MinHeapFreeRatio"));
        assertEquals(parallel ? 100L : 70L, sizing.get("MaxHeapFreeRatio"));
        assertEquals("false", sizing.get("AlwaysPreTouch"));
        assertTrue(sizing.containsKey("ParallelGCThreads"), sizing.toString());
        assertTrue(sizing.containsKey("UseTransparentHugePages"), sizing.toString());
        if (gc.equals("-XX:+UseG1GC")) {
            // G1's ergonomics pick 1 MiB regions for a heap under 2 GiB (heap / 2048, at least 1 MiB).
            assertEquals(1L << 20, sizing.get("G1HeapRegionSize"));
        } else {
            assertFalse(sizing.containsKey("G1HeapRegionSize"), "G1's region size is G1's alone: " + sizing);
        }
        if (gc.equals("-XX:+UseZGC")) {
            // ZGC uncommits after 300 s by default.
            assertEquals(300L, sizing.get("ZUncommitDelay"));
        } else {
            assertFalse(sizing.containsKey("ZUncommitDelay"), sizing.toString());
        }
    }

    @org.junit.jupiter.api.Test
    void transparentHugePagesModeIsTheBracketedWord() throws IOException {
        Path file = Files.writeString(tmp.resolve("enabled"), "always [madvise] never\n");
        assertEquals("madvise", Environment.transparentHugePages(file));
        assertEquals("unknown", Environment.transparentHugePages(tmp.resolve("missing")));
        assertFalse(Environment.transparentHugePages(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).isEmpty());
    }
}
