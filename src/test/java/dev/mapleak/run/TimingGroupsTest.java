package dev.mapleak.run;

import dev.mapleak.folder.RunFolder;
import dev.mapleak.measure.RetainedMemoryProfiler;
import dev.mapleak.measure.TimedAllocationProfiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.Options;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A timing group (RemedyCostBenchmark) is run apart from the memory groups: the JMH options the runner builds for it
 * arm no retained-memory probe, add the timed-call allocation profiler, pin the heap (-Xms equal to the -Xmx in
 * effect, pre-touched) and take the profile's timing.* settings; a memory group keeps the probes and its own settings.
 */
class TimingGroupsTest {

    @TempDir
    Path tmp;

    static final Map<String, String> POINT = Map.of("subject", "JDK_HASH_MAP", "valueSize", "128", "strategy", "REBUILD",
            "deleteFraction", "0.9", "keys", "SEQUENTIAL", "entries", "1000");

    static final Combination TIMING = new Combination("RemedyCostBenchmark.reclaim",
            "dev.mapleak.bench.RemedyCostBenchmark.reclaim", POINT, Combination.DEFAULT_JVM);
    static final Combination MEMORY = new Combination("LifecycleBenchmark.reclaim",
            "dev.mapleak.bench.LifecycleBenchmark.reclaim", POINT, Combination.DEFAULT_JVM);

    /** A profile's settings: memory groups 1 fork, 0 warm-ups, 1 shot; timing groups 3 forks, 2 warm-ups, 6 shots. */
    static final Profile.Settings SETTINGS = new Profile.Settings(1, 0, 1, "3g", List.of("-XX:+UseG1GC"), 10,
            List.of("default"), Map.of(), dev.mapleak.gorun.GoMode.OFF, new Profile.Timing(3, 2, 6));

    private Options options(Combination c, List<String> jmhArgs) throws IOException {
        RunFolder folder = RunFolder.create(tmp, "t", LocalDateTime.now());
        Jdk jdk = Jdk.at(Path.of(System.getProperty("java.home"))).orElseThrow();
        JvmConfig jvm = new JvmConfig(Combination.DEFAULT_JVM, jdk, List.of("-Xmx3g", "-XX:+UseG1GC"));
        Console console = new Console(new PrintStream(new ByteArrayOutputStream()), tmp.resolve("console.log"), false);
        GroupRunner runner = new GroupRunner(folder, SETTINGS, BenchRun.parseJmhArgs(jmhArgs), List.of(), console, () -> false);
        return runner.options(c, jvm, tmp.resolve("out.json"));
    }

    @Test
    void aTimingGroupArmsNoProbeAndRunsOnAFixedPreTouchedHeap() throws IOException {
        assertTrue(TimingGroups.isTiming(TIMING));
        assertFalse(GroupRunner.recordsRetainedMemory(TIMING), "RemedyCostBenchmark must not carry @RecordsRetainedMemory");
        Options o = options(TIMING, List.of());
        List<String> profilers = o.getProfilers().stream().map(p -> p.getKlass()).toList();
        assertEquals(List.of(TimedAllocationProfiler.class.getName()), profilers);
        List<String> append = List.copyOf(o.getJvmArgsAppend().get());
        assertTrue(append.contains("-Xms3g"), "-Xms equal to -Xmx3g: " + append);
        assertTrue(append.contains("-XX:+AlwaysPreTouch"), String.valueOf(append));
        assertEquals(3, o.getForkCount().get());
        assertEquals(2, o.getWarmupIterations().get());
        assertEquals(6, o.getMeasurementIterations().get());
    }

    @Test
    void aMemoryGroupKeepsItsProbesAndItsOwnSettings() throws IOException {
        assertFalse(TimingGroups.isTiming(MEMORY));
        Options o = options(MEMORY, List.of());
        List<String> profilers = o.getProfilers().stream().map(p -> p.getKlass()).toList();
        assertEquals(List.of(RetainedMemoryProfiler.class.getName()), profilers);
        List<String> append = List.copyOf(o.getJvmArgsAppend().get());
        assertFalse(append.stream().anyMatch(a -> a.startsWith("-Xms") || a.equals("-XX:+AlwaysPreTouch")), String.valueOf(append));
        assertEquals(1, o.getForkCount().get());
        assertEquals(0, o.getWarmupIterations().get());
        assertEquals(1, o.getMeasurementIterations().get());
    }

    @Test
    void theHeapIsPinnedToTheLastXmxEvenOneAppendedAfterTheDashes() throws IOException {
        Options o = options(TIMING, List.of("-jvmArgsAppend", "-Xmx1g"));
        List<String> append = List.copyOf(o.getJvmArgsAppend().get());
        assertTrue(append.indexOf("-Xms1g") > append.indexOf("-Xmx1g"), String.valueOf(append));
        assertFalse(append.contains("-Xms3g"), String.valueOf(append));
    }

    @Test
    void fixedHeapArgsFollowTheXmxInEffect() {
        assertEquals(List.of("-Xms4g", "-XX:+AlwaysPreTouch"), TimingGroups.fixedHeapArgs(List.of("-Xmx2g", "-XX:+UseG1GC", "-Xmx4g")));
        assertEquals(List.of(), TimingGroups.fixedHeapArgs(List.of("-XX:+UseG1GC")));
    }

    @Test
    void profileTimingSettingsHaveDefaultsAndMinimums() {
        Profile p = Profile.parse("t", "description = x\nbenchmarks = RemedyCostBenchmark\n", "t");
        assertEquals(new Profile.Timing(2, 3, 5), p.settings().timing());
        Profile q = Profile.parse("t", "description = x\nbenchmarks = RemedyCostBenchmark\ntiming.forks = 3\n"
                + "timing.warmupIterations = 4\ntiming.iterations = 7\n", "t");
        assertEquals(new Profile.Timing(3, 4, 7), q.settings().timing());
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.mapleak.folder.UsageException.class, () -> Profile.parse("t",
                "description = x\nbenchmarks = RemedyCostBenchmark\ntiming.iterations = 3\n", "profiles/t.properties"));
        assertEquals("profiles/t.properties:3: timing.iterations must be a whole number >= 5, got '3'", e.getMessage());
    }

    /** 2 forks x (3 warm-ups + 5 shots) by default, each fork pre-touching its heap: more than a memory group's one shot. */
    @Test
    void theEstimateCountsTimingForksAndShots() {
        Profile.Settings s = new Profile.Settings(1, 0, 1, "2g", List.of(), 10, List.of("default"), Map.of(), dev.mapleak.gorun.GoMode.OFF);
        double timing = TimeEstimate.of(TIMING, s).toMillis() / 1000.0;
        // 2 forks x (1.5 s start + 2 GiB x 0.4 s pre-touch + 8 shots x (1000 entries x 3 phases x 250 ns + 0.3 s settle))
        assertEquals(2 * (1.5 + 0.8 + 8 * (1000 * 3 * 250e-9 + 0.3)), timing, 0.002);
    }
}
