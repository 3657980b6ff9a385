package dev.mapleak.run;

import dev.mapleak.cli.Main;
import dev.mapleak.cli.MainBadInputTest;
import dev.mapleak.folder.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --prof gc} is refused for the single-shot benchmarks (lifecycle phases, remedy costs): JMH's GC profiler
 * window runs from before an iteration to after it, which for them is the setup's fill and delete, full GCs and
 * probes, not the timed call. The refusal is one line that points to the timed-call figure; looped benchmarks keep it.
 */
class GcProfilerWindowTest {

    @TempDir
    Path home;

    static Combination group(String benchmark) {
        return new Combination(benchmark, "dev.mapleak.bench." + benchmark, Map.of("subject", "JDK_HASH_MAP"), Combination.DEFAULT_JVM);
    }

    @Test
    void refusedForLifecycleAndTimingBenchmarksWithOneLineThatPointsToTheTimedCallFigure() {
        UsageException e = assertThrows(UsageException.class, () -> ExtraProfilers.checkWindows(List.of("gc"),
                List.of(group("LifecycleBenchmark.fill"), group("RemedyCostBenchmark.reclaim"), group("OperationsBenchmark.get"))));
        String m = e.getMessage();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.startsWith("--prof gc cannot measure LifecycleBenchmark.fill, RemedyCostBenchmark.reclaim: "), m);
        assertTrue(m.contains("from before each iteration to after it"), m);
        assertTrue(m.contains("timed.alloc.bytes"), m);
        assertFalse(m.contains("OperationsBenchmark"), m);
    }

    @Test
    void keptForLoopedBenchmarksAndNotAskedOtherwise() {
        assertDoesNotThrow(() -> ExtraProfilers.checkWindows(List.of("gc"),
                List.of(group("OperationsBenchmark.get"), group("ChurnBenchmark.churn"))));
        assertDoesNotThrow(() -> ExtraProfilers.checkWindows(List.of("cpu"), List.of(group("LifecycleBenchmark.fill"))));
    }

    /** End to end: exit status 2, one line on stderr starting "mapleak: ", no run folder. */
    @Test
    void theCommandLineRefusesItBeforeAnythingRuns() throws IOException {
        Files.createDirectories(home.resolve("profiles"));
        Files.writeString(home.resolve("profiles/good.properties"), MainBadInputTest.GOOD);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(home, new String[]{"good", "--prof", "gc"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, stderr);
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("mapleak: --prof gc cannot measure LifecycleBenchmark."), stderr);
        assertFalse(Files.exists(home.resolve("reports")));
    }
}
