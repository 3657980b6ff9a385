package dev.mapleak.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mapleak.folder.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remedy-cost section, the advice and claim 5.4 rendered from a real run (fixture {@code remedies}:
 * {@code ./run-bench.sh remedies -- -p subject=JDK_HASH_MAP,FASTUTIL,ECLIPSE -p valueSize=128} on the project's loaded
 * 2-core machine: memory pass at deleteFraction 0.5/0.9/0.99/1.0, timing pass at 0.5/0.9/0.99, 2 forks × 5 shots).
 * Expected medians and spreads are computed here from the fixture's rawData, apart from the report's code; JOL bytes
 * are deterministic (JDK 17, no compact headers).
 */
class RemedyCostReportTest {

    @TempDir
    static Path tmp;
    static Path run;
    static String md;

    @BeforeAll
    static void render() throws IOException {
        run = Fixtures.copy("remedies", tmp);
        md = render(run);
    }

    /** The timing pass is reported in section 6 alone: no generic table of it in section 4 with a ratio to KEEP's floor. */
    @org.junit.jupiter.api.Test
    void theTimingPassIsNotAlsoAnOperationsTable() {
        assertFalse(md.contains("### `RemedyCostBenchmark.reclaim`"), md);
        assertFalse(md.contains("REBUILD ÷ KEEP"), md);
    }

    /**
     * The fixture's timing pass ran at deleteFraction 0.5/0.9/0.99 and its memory pass also at 1.0 (both at value size
     * 128 and SEQUENTIAL keys): section 6 says which points were timed against those measured for memory, and names no
     * axis on which the two agree.
     */
    @org.junit.jupiter.api.Test
    void theSectionSaysWhichPointsWereTimedAgainstTheMemoryPass() {
        assertTrue(md.contains("- `RemedyCostBenchmark.reclaim` was timed at deleteFraction 0.5, 0.9, 0.99 (memory pass:"
                + " 0.5, 0.9, 0.99, 1.0); the memory pass's other points were not timed.\n"), md);
        assertFalse(md.contains("was timed at value size"), md);
        assertFalse(md.contains("was timed at keys"), md);
    }

    static String render(Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, ReportCommand.render(dir, new PrintStream(out, true, StandardCharsets.UTF_8)), out.toString());
        return Files.readString(dir.resolve("report.md"));
    }

    static Path result(Path dir, String subject, String strategy, String fraction) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("results"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(RemedyCosts.BENCHMARK + ",subject=" + subject
                    + ",valueSize=128,strategy=" + strategy + ",deleteFraction=" + fraction + ",")).findFirst().orElseThrow();
        }
    }

    static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonArray().get(0).getAsJsonObject();
    }

    static List<Double> shots(JsonObject result) {
        List<Double> all = new ArrayList<>();
        result.getAsJsonObject("primaryMetric").getAsJsonArray("rawData")
                .forEach(fork -> fork.getAsJsonArray().forEach(v -> all.add(v.getAsDouble())));
        return all;
    }

    /** Replaces a result's shots (a crafted variant of a real file: the rest of it stays as measured). */
    static void rewriteShots(Path file, double[][] forks) throws IOException {
        JsonArray root = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        JsonArray raw = new JsonArray();
        for (double[] fork : forks) {
            JsonArray a = new JsonArray();
            for (double v : fork) {
                a.add(v);
            }
            raw.add(a);
        }
        JsonObject primary = root.get(0).getAsJsonObject().getAsJsonObject("primaryMetric");
        primary.add("rawData", raw);
        primary.addProperty("score", forks[0][0]);
        Files.writeString(file, root.toString());
    }

    @Test
    void timingResultsArmedNoProbeAndRanOnAFixedHeapWithTwoForksOfFiveShots() throws IOException {
        try (Stream<Path> files = Files.list(run.resolve("results"))) {
            List<Path> timing = files.filter(f -> f.getFileName().toString().startsWith(RemedyCosts.BENCHMARK)).toList();
            assertEquals(24, timing.size(), "3 subjects x 3 delete fractions x (KEEP, REBUILD) + 2 x 3 TRIM (FASTUTIL, ECLIPSE)");
            for (Path f : timing) {
                JsonObject r = json(f);
                assertEquals(List.of(Metric.TIMED_ALLOC.key()), List.copyOf(r.getAsJsonObject("secondaryMetrics").keySet()),
                        f + ": a timing group reports no retained-memory metric");
                List<String> args = new ArrayList<>();
                r.getAsJsonArray("jvmArgs").forEach(a -> args.add(a.getAsString()));
                assertTrue(args.contains("-Xmx2g") && args.contains("-Xms2g") && args.contains("-XX:+AlwaysPreTouch"), f + ": " + args);
                assertEquals(2, r.get("forks").getAsInt());
                assertEquals(5, r.get("measurementIterations").getAsInt());
                assertEquals(10, shots(r).size());
            }
        }
    }

    @Test
    void theCostTableShowsMedianSpreadAndNFromTheRawData() throws IOException {
        for (String[] point : List.of(new String[]{"JDK_HASH_MAP", "REBUILD", "0.5"}, new String[]{"FASTUTIL", "TRIM", "0.9"},
                new String[]{"ECLIPSE", "REBUILD", "0.99"})) {
            JsonObject r = json(result(run, point[0], point[1], point[2]));
            List<Double> s = shots(r).stream().sorted().toList();
            double median = (s.get(4) + s.get(5)) / 2; // 10 shots: the mean of the 5th and 6th
            double alloc = r.getAsJsonObject("secondaryMetrics").getAsJsonObject(Metric.TIMED_ALLOC.key()).get("score").getAsDouble();
            String row = "| " + point[0] + " | 128 | " + point[2] + " | " + point[1] + " | " + Format.ms(median) + " | "
                    + Format.ms(s.get(0)) + "–" + Format.ms(s.get(9)) + " | 10 | " + RemedyCosts.bytes(alloc) + " |";
            assertTrue(md.contains(row), row + "\n" + md);
        }
        assertTrue(md.contains("## 6. What a remedy costs"), md);
        assertTrue(md.contains("forks on a fixed, pre-touched heap (`-Xms2g -Xmx2g -XX:+AlwaysPreTouch`)"), md);
    }

    @Test
    void keepIsTheFloorShownOnceAndItsAllocationIsJmhsOwnBytes() {
        assertFalse(md.contains("| 128 | 0.5 | KEEP |"), "KEEP is the floor, not a row");
        // 9 KEEP groups x 10 shots; KEEP allocates 56 bytes in the window in every shot (JMH's own objects, JDK 17.0.15).
        assertTrue(md.contains(", n=90, every KEEP shot) is the cost of timing a call, and it allocates 56 B."), md);
        assertTrue(md.contains("the timed call alone, plus JMH's own few bytes around it"), "the allocation caption names its window");
    }

    @Test
    void noAdviceRowFromAFloorLevelTime() throws IOException {
        Path dir = Fixtures.copy("remedies", tmp.resolve("floor"));
        // JDK_HASH_MAP's REBUILD at 0.99 made to take the floor's time: 0.005 ms < 10 x KEEP's ~0.004 ms median.
        rewriteShots(result(dir, "JDK_HASH_MAP", "REBUILD", "0.99"), new double[][]{
                {0.005, 0.005, 0.005, 0.005, 0.005}, {0.005, 0.005, 0.005, 0.005, 0.005}});
        String floored = render(dir);
        assertTrue(floored.contains("| JDK_HASH_MAP | 128 | 0.99 | REBUILD | below the floor | 0.005–0.005 | 10 |"), floored);
        RunData data = RunData.load(dir, List.of(), List.of());
        Advice.Pick pick = pick(data, "JDK_HASH_MAP", "0.99");
        assertTrue(pick.best().isEmpty(), "a floor-level time is never ranked");
        assertEquals("below the floor", pick.options().get(0).unsound().orElseThrow());
        assertTrue(floored.contains("| JDK_HASH_MAP | 0.99 | 9.83 MiB | not ranked |"), floored);
        assertTrue(floored.contains("REBUILD not ranked: below the floor"), floored);
    }

    @Test
    void fewerThanFiveShotsAreNotRanked() throws IOException {
        Path dir = Fixtures.copy("remedies", tmp.resolve("few"));
        rewriteShots(result(dir, "JDK_HASH_MAP", "REBUILD", "0.5"), new double[][]{{30.0, 31.0, 32.0}});
        RunData data = RunData.load(dir, List.of(), List.of());
        Advice.Pick pick = pick(data, "JDK_HASH_MAP", "0.5");
        assertTrue(pick.best().isEmpty());
        assertEquals("n=3 < 5", pick.options().get(0).unsound().orElseThrow());
        // The untouched fixture ranks it: 10 shots, far above the floor.
        Advice.Pick sound = pick(RunData.load(run, List.of(), List.of()), "JDK_HASH_MAP", "0.5");
        assertEquals("REBUILD", sound.best().orElseThrow().strategy());
    }

    @Test
    void atDeleteFractionOneNothingIsRankedAndWhatIsKeptIsStated() {
        assertFalse(md.contains("| JDK_HASH_MAP | 1.0 |"), "no ranked row at deleteFraction 1.0");
        // JDK_HASH_MAP with every entry deleted: KEEP 8,388,672 bytes (the 2^21-slot table), REBUILD 48, CLEAR 8,388,672:
        // clear() keeps the table, so not every strategy frees it, and the report says which.
        assertTrue(md.contains("- JDK_HASH_MAP keeps 8.00 MiB with no entry left (KEEP; an empty map: 48 B); "
                + "freed by REBUILD 48 B; still held by CLEAR 8.00 MiB."), md);
        for (Advice.Pick p : Advice.picks(RunData.load(run, List.of(), List.of()).seed(), 128,
                RemedyCosts.of(RunData.load(run, List.of(), List.of()).results()))) {
            assertNotEquals("1.0", p.deleteFraction());
        }
    }

    @Test
    void claim54IsCheckedAtThePartialDeleteFractions() {
        ClaimsCheck.Claim c = ClaimsCheck.rebuildFrees(RunData.load(run, List.of(), List.of()).seed());
        List<String> where = c.findings().stream().map(ClaimsCheck.Finding::where).toList();
        assertTrue(where.containsAll(List.of("Java's maps (JDK and libraries)", "Java's maps (JDK and libraries) @ deleteFraction 0.5", "Java's maps (JDK and libraries) @ deleteFraction 0.9",
                "Java's maps (JDK and libraries) @ deleteFraction 0.99")), String.valueOf(where));
        ClaimsCheck.Finding half = c.findings().get(where.indexOf("Java's maps (JDK and libraries) @ deleteFraction 0.5"));
        // JDK_HASH_MAP at 0.5: FILLED 200,388,672, START 48, KEEP 104,388,672, REBUILD 100,194,368. The survivors' share
        // of the fill is 48 + 0.5 x 200,388,624 = 100,194,360, so the leftover is 4,194,312 bytes (half of the 8 MiB
        // table the deletes left) and REBUILD frees 4,194,304 of it: 100.0%.
        assertTrue(half.measured().contains("JDK_HASH_MAP 99.55 MiB → 95.55 MiB (100.0% of the 4.00 MiB leftover freed)"), half.measured());
        assertTrue(c.rule().contains("Checked at deleteFraction 0.5, 0.9, 0.99."), c.rule());
        // FASTUTIL at 0.9: FILLED 160,777,328, START 368, KEEP 18,594,416, REBUILD 16,497,264; the survivors' share is
        // 368 + 0.1 x 160,776,960 = 16,078,064, so REBUILD frees 83.3% of the 2.40 MiB leftover and holds 0.40 MiB above
        // the estimate: under 1% of the fill (1.53 MiB), its new table's power-of-two rounding, so it counts as freed.
        ClaimsCheck.Finding tenth = c.findings().get(where.indexOf("Java's maps (JDK and libraries) @ deleteFraction 0.9"));
        assertTrue(tenth.measured().contains("**freed**: JDK_HASH_MAP") && tenth.measured().contains(
                "FASTUTIL 17.73 MiB → 15.73 MiB (83.3% of the 2.40 MiB leftover freed; 409.4 KiB above the survivors' share)"), tenth.measured());
        assertEquals(Verdict.HOLDS, tenth.verdict());
    }

    private static Advice.Pick pick(RunData data, String subject, String fraction) {
        return Advice.picks(data.seed(), 128, RemedyCosts.of(data.results())).stream()
                .filter(p -> p.subject().equals(subject) && p.deleteFraction().equals(fraction)).findFirst().orElseThrow();
    }
}
