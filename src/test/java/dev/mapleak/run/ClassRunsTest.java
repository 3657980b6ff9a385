package dev.mapleak.run;

import dev.mapleak.folder.UsageException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-class run counts ({@code OperationsBenchmark.forks = 1}): a group's forks, warm-ups and iterations are its class's
 * own count, else {@code timing.*} for a timing-pass class, else the profile's; bad values are one-line usage errors.
 */
class ClassRunsTest {

    static final String BASE = """
            description = per-class counts
            benchmarks = LifecycleBenchmark.memory, RemedyCostBenchmark.reclaim, OperationsBenchmark.getHit
            subject = JDK_HASH_MAP
            valueSize = 128
            entries = 1000
            keys = SEQUENTIAL
            deleteFraction = 0.9
            strategy = REBUILD
            history = FRESH
            forks = 1
            warmupIterations = 0
            iterations = 1
            timing.forks = 2
            timing.warmupIterations = 2
            timing.iterations = 5
            """;

    static Combination group(String benchmark) {
        return new Combination(benchmark, "dev.mapleak.bench." + benchmark, Map.of(), Combination.DEFAULT_JVM);
    }

    static final Combination MEMORY = group("LifecycleBenchmark.memory");
    static final Combination TIMING = group("RemedyCostBenchmark.reclaim");
    static final Combination OPS = group("OperationsBenchmark.getHit");

    static Profile.Settings settings(String extra) {
        return Profile.parse("c", BASE + extra, "profiles/c.properties").settings();
    }

    static String counts(Combination c, Profile.Settings s) {
        return TimingGroups.runs(c, s);
    }

    static UsageException refused(String extra) {
        return assertThrows(UsageException.class, () -> Plan.expand(Profile.parse("c", BASE + extra, "profiles/c.properties"),
                BenchmarkCatalog.fromJar(), List.of(Combination.DEFAULT_JVM)));
    }

    @Test
    void withoutClassCountsMemoryAndOperationsGroupsTakeTheProfilesAndTimingGroupsTheTimingPass() {
        Profile.Settings s = settings("");
        assertEquals("1x0+1", counts(MEMORY, s));
        assertEquals("1x0+1", counts(OPS, s));
        assertEquals("2x2+5", counts(TIMING, s));
    }

    @Test
    void aClassCountBeatsTheProfilesAndTheTimingPassForThatClassAlone() {
        Profile.Settings s = settings("OperationsBenchmark.warmupIterations = 1\nOperationsBenchmark.iterations = 3\n"
                + "RemedyCostBenchmark.forks = 3\n");
        assertEquals("1x1+3", counts(OPS, s), "forks unset for the class: the profile's");
        assertEquals("3x2+5", counts(TIMING, s), "warm-ups and iterations unset for the class: the timing pass's");
        assertEquals("1x0+1", counts(MEMORY, s), "another class keeps the profile's");
        assertEquals("1 fork x (1 warm-up + 3 measured iterations)", TimingGroups.describe(OPS, s));
        assertEquals("3 forks x (2 warm-ups + 5 measured iterations)", TimingGroups.describe(TIMING, s));
    }

    @Test
    void theRunnerGivesJmhTheClassCountsAndTheCommandLineStillBeatsThem(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Profile.Settings s = settings("OperationsBenchmark.forks = 2\nOperationsBenchmark.warmupIterations = 1\n"
                + "OperationsBenchmark.iterations = 4\n");
        var o = runner(tmp, s, List.of()).options(OPS, jvm(), tmp.resolve("a.json"));
        assertEquals(List.of(2, 1, 4), List.of(o.getForkCount().get(), o.getWarmupIterations().get(), o.getMeasurementIterations().get()));
        var cli = runner(tmp, s, List.of("-f", "1", "-i", "2")).options(OPS, jvm(), tmp.resolve("b.json"));
        assertEquals(List.of(1, 1, 2), List.of(cli.getForkCount().get(), cli.getWarmupIterations().get(), cli.getMeasurementIterations().get()));
    }

    private static JvmConfig jvm() {
        return new JvmConfig(Combination.DEFAULT_JVM, Jdk.at(Path.of(System.getProperty("java.home"))).orElseThrow(), List.of("-Xmx1g"));
    }

    private static GroupRunner runner(Path tmp, Profile.Settings s, List<String> jmhArgs) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "run");
        var folder = dev.mapleak.folder.RunFolder.create(dir, "t", java.time.LocalDateTime.now());
        var console = new Console(new java.io.PrintStream(new java.io.ByteArrayOutputStream()), dir.resolve("console.log"), false);
        return new GroupRunner(folder, s, BenchRun.parseJmhArgs(jmhArgs), List.of(), console, () -> false);
    }

    @Test
    void theEstimateUsesTheClassCounts() {
        Profile.Settings plain = settings("");
        Profile.Settings more = settings("OperationsBenchmark.forks = 3\n");
        Combination ops = new Combination("OperationsBenchmark.getHit", "dev.mapleak.bench.OperationsBenchmark.getHit",
                Map.of("history", "FRESH", "entries", "1000"), Combination.DEFAULT_JVM);
        // three forks, each the same work as the one fork: exactly three times the one-fork estimate (to the ms)
        assertEquals(3 * TimeEstimate.of(ops, plain).toMillis(), TimeEstimate.of(ops, more).toMillis(), 2);
    }

    @Test
    void anEarlierRunsTimeCountsOnlyForTheSameRunCounts() {
        Profile.Settings s = settings("OperationsBenchmark.forks = 3\n");
        String key = MeasuredTimes.key(OPS.benchmark(), OPS.params());
        MeasuredTimes past = new MeasuredTimes(List.of(new MeasuredTimes.Sample(key, 5.0, 1).ranWith("1x0+1")), 1);
        assertTrue(past.median(OPS, 1, TimingGroups.runs(OPS, s)).isEmpty(), "measured with 1 fork, asked for 3");
        assertEquals(5000, past.median(OPS, 1, "1x0+1").orElseThrow().toMillis());
        assertEquals(5000, past.median(OPS, 1).orElseThrow().toMillis(), "no counts asked: any time fits");
    }

    @Test
    void badValuesAreOneLineUsageErrors() {
        assertEquals("profiles/c.properties:17: OperationsBenchmark.forks must be a whole number >= 1, got 'two'",
                assertThrows(UsageException.class, () -> settings("\nOperationsBenchmark.forks = two\n")).getMessage());
        assertEquals("profiles/c.properties:16: OperationsBenchmark.warmupIterations must be a whole number >= 0, got '-1'",
                assertThrows(UsageException.class, () -> settings("OperationsBenchmark.warmupIterations = -1\n")).getMessage());
        assertEquals("profiles/c.properties:16: OperationsBenchmark.forks must be a whole number >= 1, got '0'",
                assertThrows(UsageException.class, () -> settings("OperationsBenchmark.forks = 0\n")).getMessage());
        assertEquals("profiles/c.properties:16: 'OperationsBenchmark.getHit.forks': run counts are set per benchmark class"
                        + " (OperationsBenchmark.forks), not per method",
                assertThrows(UsageException.class, () -> settings("OperationsBenchmark.getHit.forks = 2\n")).getMessage());
    }

    @Test
    void aClassCountMustNameAClassOfTheProfileAndKeepTheTimingPassMinimums() {
        assertEquals("profiles/c.properties:16: 'ChurnBenchmark.iterations' names no benchmark class of this profile"
                + " (LifecycleBenchmark, OperationsBenchmark, RemedyCostBenchmark)", refused("ChurnBenchmark.iterations = 2\n").getMessage());
        assertEquals("profiles/c.properties:16: 'NoSuchBenchmark.forks' names no benchmark class of this profile"
                + " (LifecycleBenchmark, OperationsBenchmark, RemedyCostBenchmark)", refused("NoSuchBenchmark.forks = 2\n").getMessage());
        // Profile.Timing.MIN_FORKS and MIN_ITERATIONS: a median and spread need two JVMs and five shots
        assertEquals("profiles/c.properties:16: RemedyCostBenchmark.forks must be at least 2 for a timing-pass class (its"
                + " times are published as a median and spread), got 1", refused("RemedyCostBenchmark.forks = 1\n").getMessage());
        assertEquals("profiles/c.properties:16: RemedyCostBenchmark.iterations must be at least 5 for a timing-pass class (its"
                + " times are published as a median and spread), got 3", refused("RemedyCostBenchmark.iterations = 3\n").getMessage());
    }
}
