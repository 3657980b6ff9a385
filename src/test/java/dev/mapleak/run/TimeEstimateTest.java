package dev.mapleak.run;

import dev.mapleak.folder.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimate's formulas, worked by hand from TimeEstimate's constants. */
class TimeEstimateTest {

    static Profile.Settings settings(int warmups, int iterations) {
        return new Profile.Settings(1, warmups, iterations, "1g", List.of(), 10, List.of("default"), Map.of(),
                dev.mapleak.gorun.GoMode.OFF);
    }

    static Combination combination(String benchmark, Map<String, String> params) {
        return new Combination(benchmark, "dev.mapleak.bench." + benchmark, params, Combination.DEFAULT_JVM);
    }

    @Test
    void averageTimeCountsTheIterationsOwnDuration() {
        // 1.5 s fork + 1M keys filled and deleted (1M * 250 ns * 2 = 0.5 s) + (1 + 3) one-second iterations.
        Combination c = combination("OperationsBenchmark.getHit",
                Map.of("history", "AFTER_DELETE", "deleteFraction", "0.99", "entries", "10000"));
        assertEquals(Duration.ofMillis(6_000), TimeEstimate.of(c, settings(1, 3)));
        // FRESH builds only the live entries, once: 1.5 + 100k * 250 ns + 4.
        Combination fresh = combination("OperationsBenchmark.getHit",
                Map.of("history", "FRESH", "deleteFraction", "0.99", "entries", "100000"));
        assertEquals(Duration.ofMillis(5_525), TimeEstimate.of(fresh, settings(1, 3)));
    }

    @Test
    void churnRebuildsAndRollsBeforeEveryIterationAndMeasuresAfterEachMeasuredOne() {
        // Per iteration: 1M * (250 + 4 * 300) ns of setup + one shot of 1,000,000 (ChurnBenchmark's
        // @OperationsPerInvocation) * 300 ns = 1.75 s; 4 iterations; after each of the 3 measured ones,
        // (1 + 4 depths) walks of 1M * 900 ns and one more round of 1M * 300 ns = 4.8 s.
        Combination c = combination("ChurnBenchmark.rollOver", Map.of("entries", "1000000", "rounds", "4", "depths", "4"));
        assertEquals(Duration.ofMillis(1_500 + 4 * 1_750 + 3 * 4_800), TimeEstimate.of(c, settings(1, 3)));
    }

    @Test
    void singleShotLifecycleKeepsItsFormula() {
        // 1.5 s fork + 2 iterations * 1M * 250 ns * 3 phases + 1 measurement of 1M * 900 ns.
        Combination c = combination("LifecycleBenchmark.reclaim", Map.of("entries", "1000000"));
        assertEquals(Duration.ofMillis(1_500 + 1_500 + 900), TimeEstimate.of(c, settings(1, 1)));
    }

    // --- the wall time of a plan: measured medians, jobs, shards ---

    static final Profile.Settings ONE = settings(0, 1);
    static final GroupTimes.Machine HERE = new GroupTimes.Machine(2, "AMD EPYC");

    static Combination fill(String subject) {
        return combination("LifecycleBenchmark.fill", Map.of("subject", subject, "entries", "1000000"));
    }

    /** A timing group: runs alone. */
    static final Combination TIMING = combination("RemedyCostBenchmark.rebuild", Map.of("subject", "FASTUTIL", "entries", "1000000"));

    static MeasuredTimes.Sample sample(Combination c, double seconds, int sideBySide) {
        return new MeasuredTimes.Sample(MeasuredTimes.key(c.benchmark(), c.params()), seconds, sideBySide);
    }

    @Test
    void theMedianPrefersTimesMeasuredWithAsManyGroupsSideBySide() {
        Combination c = fill("A");
        MeasuredTimes past = new MeasuredTimes(List.of(sample(c, 1.0, 1), sample(c, 1.2, 1), sample(c, 5.0, 1),
                sample(c, 2.0, 2), sample(c, 2.4, 2)), 1);
        assertEquals(Optional.of(Duration.ofMillis(1_200)), past.median(c, 1), "median of 1.0, 1.2, 5.0");
        assertEquals(Optional.of(Duration.ofMillis(2_200)), past.median(c, 2), "median of 2.0, 2.4");
        assertEquals(Optional.of(Duration.ofMillis(2_000)), past.median(c, 3), "none at 3: median of all five");
        assertEquals(Optional.empty(), past.median(fill("B"), 1));
        // valueSize and strategy are not part of the key: benchmark x subject x entries
        Combination other = combination("LifecycleBenchmark.fill", Map.of("subject", "A", "entries", "1000000", "valueSize", "256"));
        assertEquals(Optional.of(Duration.ofMillis(1_200)), past.median(other, 1));
    }

    @Test
    void memoryGroupsShareTheJobsSlotsThenTimingGroupsRunAlone() {
        List<Combination> plan = List.of(fill("A"), TIMING, fill("B"), fill("C"), fill("D"));
        List<MeasuredTimes.Sample> samples = new ArrayList<>(List.of(sample(fill("A"), 4, 2), sample(fill("B"), 3, 2),
                sample(fill("C"), 2, 2), sample(fill("D"), 1, 2), sample(TIMING, 7, 1)));
        MeasuredTimes past = new MeasuredTimes(samples, 1);
        // Two slots in plan order, each group to the slot that frees first: A 4 | B 3, C 3+2=5, D 4+1=5: 5 s; then
        // the timing group alone: 7 s.
        assertEquals(new TimeEstimate.Wall(Duration.ofSeconds(12), 5, 5, null, 1, 2, new TreeSet<>(Set.of(2))), TimeEstimate.wall(plan, ONE, past, 2));
        // One slot: 4 + 3 + 2 + 1 (measured with 2 side by side, the only times there are, and said so) + 7.
        TimeEstimate.Wall serial = TimeEstimate.wall(plan, ONE, past, 1);
        assertEquals(new TimeEstimate.Wall(Duration.ofSeconds(17), 5, 5, null, 1, 1, new TreeSet<>(Set.of(2))), serial);
        assertTrue(serial.measuredAtOtherJobs());
        // More jobs than memory groups: each in its own slot, the longest (A, 4 s) decides.
        assertEquals(Duration.ofSeconds(11), TimeEstimate.wall(plan, ONE, past, 8).time());
    }

    @Test
    void groupsNoEarlierRunMeasuredFallBackToTheConstants() {
        // reclaim, 1M entries, no warm-up, 1 iteration: 1.5 s fork + 1M * 250 ns * 3 phases + 1M * 900 ns = 3.15 s
        Combination reclaim = combination("LifecycleBenchmark.reclaim", Map.of("subject", "A", "entries", "1000000"));
        assertEquals(Duration.ofMillis(3_150), TimeEstimate.of(reclaim, ONE));
        MeasuredTimes past = new MeasuredTimes(List.of(sample(fill("A"), 4, 1)), 1);
        assertEquals(new TimeEstimate.Wall(Duration.ofMillis(7_150), 2, 1, null, 1, 1, new TreeSet<>(Set.of(1))), TimeEstimate.wall(List.of(fill("A"), reclaim), ONE, past, 1));
        // two slots: A's 4 s (measured alone, the only time there is) beside reclaim's 3.15 s
        assertEquals(new TimeEstimate.Wall(Duration.ofMillis(4_000), 2, 1, null, 1, 2, new TreeSet<>(Set.of(1))),
                TimeEstimate.wall(List.of(fill("A"), reclaim), ONE, past, 2));
    }

    @TempDir
    Path reports;

    @Test
    void earlierRunsOnThisMachineGiveTheirTimesFromTimesJsonOrTheirConsoleLog() throws IOException {
        writeTimes("20261130-080000-quick", HERE, fill("A"), 4.0, 2);
        writeTimes("20261130-090000-quick", new GroupTimes.Machine(16, "AMD EPYC"), fill("A"), 0.5, 2); // another machine
        Path old = Files.createDirectories(reports.resolve("20261124-085701-full"));
        Files.writeString(old.resolve("environment.json"), "{\"machine\": {\"cpus\": 2, \"cpuModel\": \"AMD EPYC\"}}");
        // a line as Progress prints it, and one of a failed group (never counted)
        Files.writeString(old.resolve("console.log"), """
                mapleak: 202 groups to run, 0 not applicable
                [1/202] LifecycleBenchmark.fill subject=A valueSize=64 entries=1000000: ok in 1.6 s | elapsed 0m01s, about 5m28s left
                [2/202] LifecycleBenchmark.fill subject=A valueSize=64 entries=1000000: FAILED (Timeout) in 600.0 s | elapsed 10m01s
                """);
        Path otherOld = Files.createDirectories(reports.resolve("20261120-000000-full"));
        Files.writeString(otherOld.resolve("environment.json"), "{\"machine\": {\"cpus\": 64, \"cpuModel\": \"AMD EPYC\"}}");
        Files.writeString(otherOld.resolve("console.log"),
                "[1/1] LifecycleBenchmark.fill subject=A entries=1000000: ok in 0.1 s | elapsed 0m00s, about 0m00s left\n");

        MeasuredTimes past = MeasuredTimes.load(List.of(reports, reports), HERE);
        assertEquals(2, past.runs(), "this machine's two runs, each counted once");
        assertEquals(Optional.of(Duration.ofMillis(4_000)), past.median(fill("A"), 2));
        assertEquals(Optional.of(Duration.ofMillis(1_600)), past.median(fill("A"), 1));
        // times.json records the load average; a console.log line has none
        assertEquals(List.of(new MeasuredTimes.Sample(MeasuredTimes.key("LifecycleBenchmark.fill", fill("A").params()), 4.0, 2, 3.5,
                        "20261130-080000-quick")),
                past.samples(fill("A"), 2));
        // one memory group has nothing to run beside, whatever jobs says: its time alone counts
        assertEquals(new TimeEstimate.Wall(Duration.ofMillis(1_600), 1, 1, null, 1, 1, new TreeSet<>(Set.of(1))),
                TimeEstimate.wall(List.of(fill("A")), ONE, past, 2));
    }

    @Test
    void theLoadAverageIsTheFirstNumberOfProcLoadavg() throws IOException {
        Path loadavg = Files.writeString(reports.resolve("loadavg"), "11.93 12.33 9.06 5/1320 27860\n");
        assertEquals(11.93, GroupTimes.loadAverage(loadavg));
        assertEquals(null, GroupTimes.loadAverage(reports.resolve("missing")));
    }

    @Test
    void theDryRunLineSaysTheTimeTheJobsAndWhereTheTimesComeFrom() {
        List<Combination> plan = List.of(fill("A"), TIMING, fill("B"), fill("C"), fill("D"));
        MeasuredTimes past = new MeasuredTimes(List.of(sample(fill("A"), 4, 2).in("r1"), sample(fill("B"), 3, 2).in("r2"),
                sample(fill("C"), 2, 2).in("r3"), sample(fill("D"), 1, 2).in("r3")), 3);
        Profile profile = JobsTest.profile("");
        Plan whole = new Plan(plan, List.of());
        DryRun dry = new DryRun(profile, whole, whole, List.of(), List.of(), whole.toFile(), new Jobs(2, Jobs.CORES, null), past);
        // 5 s for the memory groups as above, then the timing group by the constants: 2 forks * (1.5 s fork + 4 GiB
        // pre-touched * 0.4 s + 8 iterations (3 warm-up + 5) * (1M * 250 ns + 0.3 s settle)) = 2 * 7.5 s = 15 s.
        assertEquals(Duration.ofSeconds(15), TimeEstimate.of(TIMING, profile.settings()));
        assertEquals("estimated time: about 0m20s for 5 groups with 2 jobs (4 groups' median times in 3 earlier runs on"
                + " this machine, 1 from TimeEstimate's constants)", dry.estimate());
        // with one job, the times measured two at a time are used, and the line says so
        DryRun serial = new DryRun(profile, whole, whole, List.of(), List.of(), whole.toFile(), new Jobs(1, "--jobs", null), past);
        assertEquals("estimated time: about 0m25s for 5 groups with 1 job (4 groups' median times in 3 earlier runs on"
                + " this machine, memory groups measured 2 at a time, 1 from TimeEstimate's constants)", serial.estimate());

        // Shard 1 of 2, split by the constants as --shard splits (the timing group, 15 s, alone in part 1; the four
        // fills, 1.5 + 1M * 250 ns = 1.75 s each by the constants, in part 2), each part timed by the measured medians.
        MeasuredTimes busy = new MeasuredTimes(List.of(new MeasuredTimes.Sample(MeasuredTimes.key("LifecycleBenchmark.fill",
                fill("A").params()), 4, 2, 12.0), new MeasuredTimes.Sample(MeasuredTimes.key("LifecycleBenchmark.fill",
                fill("B").params()), 3, 2, 9.0)), 1);
        assertEquals("estimated time: about 0m04s for 2 groups with 2 jobs (every group's median time in 1 earlier run on"
                + " this machine at load average 10.5)", new DryRun(profile, new Plan(List.of(fill("A"), fill("B")), List.of()),
                whole, List.of(), List.of(), whole.toFile(), new Jobs(2, Jobs.CORES, null), busy).estimate());

        Plan part = whole.shard(new Shard(2, 2), c -> TimeEstimate.of(c, profile.settings()));
        DryRun shard = new DryRun(profile, part, whole, List.of(), List.of(), whole.toFile(new Shard(2, 2), part),
                new Jobs(2, Jobs.CORES, null), past);
        assertEquals("estimated time: about 0m05s for this shard's 4 groups with 2 jobs (every group's median time in 3"
                + " earlier runs on this machine); the whole plan: about 0m20s for 5 groups on one machine, per shard of 2:"
                + " about 0m15s (the longest)", shard.estimate());
    }

    private void writeTimes(String run, GroupTimes.Machine machine, Combination c, double seconds, int sideBySide) throws IOException {
        Path dir = Files.createDirectories(reports.resolve(run));
        GroupTimes.Content content = new GroupTimes.Content(machine,
                List.of(new GroupTimes.Entry(c.id(), c.benchmark(), c.params(), c.jvm(), seconds, sideBySide, 3.5)));
        Files.writeString(dir.resolve(GroupTimes.FILE), RunFolder.GSON.toJson(content));
    }
}
