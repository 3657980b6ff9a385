package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.folder.Subjects;
import dev.mapleak.report.ResultSet.Measurement;
import dev.mapleak.report.ResultSet.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory group ({@code LifecycleBenchmark.memory}, fixture {@code smoke-memory}: a real smoke run of the new shape)
 * against the older one-phase-per-group shape (fixture {@code smoke}: fill, delete, reclaim groups) of the same profile
 * on the same JDK: the same rows, the same JOL bytes at every phase (JOL is exact and deterministic), and no time
 * taken from a memory group.
 */
class MemoryGroupShapeTest {

    @TempDir
    Path tmp;

    static final List<Phase> PHASES = List.of(Phase.START, Phase.FILLED, Phase.DELETED, Phase.RECLAIMED);

    @Test
    void everyMemoryResultCarriesAllFourStates() {
        ResultSet results = ResultSet.load(Fixtures.source("smoke-memory").resolve("results"));
        List<Measurement> memory = results.measurements().stream()
                .filter(m -> m.benchmark().equals(LifecycleTable.MEMORY)).toList();
        // smoke: 11 subjects × KEEP, REBUILD at 128 bytes (profiles/smoke.properties)
        assertEquals(22, memory.size());
        for (Measurement m : memory) {
            for (String name : List.of("start.retained.jol.bytes", "filled.retained.jol.bytes", "deleted.retained.jol.bytes",
                    "retained.jol.bytes", "start.retained.heap.bytes", "filled.retained.heap.bytes",
                    "deleted.retained.heap.bytes", "retained.heap.bytes", "filled.live.entries", "deleted.live.entries")) {
                assertTrue(m.metric(name).isPresent(), m.file() + " lacks " + name);
            }
            // the smoke profile's 10,000 entries at FILLED, none left at DELETED (deleteFraction 1.0)
            assertEquals(10_000, m.score("filled.live.entries"));
            assertEquals(0, m.score("deleted.live.entries"));
        }
        // and no group of the older shape ran
        assertTrue(results.measurements().stream().map(Measurement::benchmark)
                .noneMatch(b -> b.equals(LifecycleTable.FILL) || b.equals(LifecycleTable.DELETE) || b.equals(LifecycleTable.RECLAIM)));
    }

    @Test
    void oldAndNewShapesGiveTheSameRowsAndBytes() {
        LifecycleTable old = table("smoke");
        LifecycleTable now = table("smoke-memory");
        assertEquals(keys(old), keys(now));
        for (int i = 0; i < old.rows().size(); i++) {
            LifecycleTable.Row o = old.rows().get(i);
            LifecycleTable.Row n = now.rows().get(i);
            for (Phase phase : PHASES) {
                assertEquals(o.at(phase, Metric.RETAINED_JOL), n.at(phase, Metric.RETAINED_JOL),
                        o.key() + " JOL at " + phase);
                assertEquals(o.at(phase, Metric.LIVE_ENTRIES), n.at(phase, Metric.LIVE_ENTRIES), o.key() + " entries at " + phase);
                assertFalse(Double.isNaN(n.at(phase, Metric.RETAINED_HEAP)), n.key() + " heap at " + phase);
            }
            assertEquals(o.at(Phase.DELETED, Metric.RETAINED_GO), n.at(Phase.DELETED, Metric.RETAINED_GO), o.key() + " Go");
        }
    }

    @Test
    void aMemoryGroupPublishesNoTime() throws IOException {
        LifecycleTable now = table("smoke-memory");
        for (LifecycleTable.Row r : now.rows()) {
            for (Phase phase : List.of(Phase.FILLED, Phase.DELETED, Phase.RECLAIMED)) {
                assertTrue(Double.isNaN(r.timeOf(phase).orElseThrow().score()), r.key() + " time at " + phase);
            }
        }
        Path run = Fixtures.copy("smoke-memory", tmp);
        int status = ReportCommand.render(run, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        String summary = Files.readString(run.resolve("summary.md"));
        // every row's "reclaim ms" cell is missing ("–"), none is the memory group's cold shot
        List<String> hashMapRows = summary.lines().filter(l -> l.startsWith("| JDK_HASH_MAP |")).toList();
        assertEquals(2, hashMapRows.size(), summary); // KEEP and REBUILD
        for (String line : hashMapRows) {
            // "reclaim ms" is the last cell but "whose"
            assertTrue(line.endsWith("| – | library |"), line);
        }
        assertFalse(summary.contains("no delete groups"), summary);
    }

    /** The rendered summaries list the same rows with the same JOL cells (subject, size, strategy, four JOL columns). */
    @Test
    void bothShapesRenderTheSameSummaryRows() throws IOException {
        assertEquals(jolCells(rendered("smoke")), jolCells(rendered("smoke-memory")));
    }

    private String rendered(String fixture) throws IOException {
        Path run = Fixtures.copy(fixture, tmp.resolve(fixture));
        assertEquals(0, ReportCommand.render(run, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        return Files.readString(run.resolve("summary.md"));
    }

    private static List<String> jolCells(String summary) {
        List<String> rows = summary.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| subject")
                && !l.startsWith("| ---") && l.split("\\|").length > 8).map(l -> {
            String[] cells = l.split("\\|");
            return String.join("|", java.util.Arrays.copyOfRange(cells, 1, 8));
        }).toList();
        assertTrue(rows.size() >= 22, summary);
        return rows;
    }

    /** Times come from the timing pass, joined by the point they were taken at; a memory group's own never shows. */
    @Test
    void timesComeFromTheTimingPass() {
        Map<String, String> point = new LinkedHashMap<>(Map.of("subject", "JDK_HASH_MAP", "valueSize", "128",
                "entries", "1000000", "keys", "SEQUENTIAL"));
        Map<String, String> deleted = new LinkedHashMap<>(point);
        deleted.put("deleteFraction", "0.5");
        Map<String, String> reclaimed = new LinkedHashMap<>(deleted);
        reclaimed.put("strategy", "REBUILD");
        Map<String, Score> readings = new LinkedHashMap<>();
        readings.put("start.retained.jol.bytes", score(48));
        readings.put("filled.retained.jol.bytes", score(200_388_672));
        readings.put("deleted.retained.jol.bytes", score(108_388_672));
        readings.put("retained.jol.bytes", score(104_194_416));
        List<Measurement> all = new ArrayList<>();
        all.add(measurement(LifecycleTable.MEMORY, reclaimed, score(999), readings));
        all.add(measurement(LifecycleTable.TIMED_FILL, point, score(250), Map.of()));
        all.add(measurement(LifecycleTable.TIMED_DELETE, deleted, score(80), Map.of()));
        all.add(measurement(LifecycleTable.TIMED_RECLAIM, reclaimed, score(120), Map.of()));
        LifecycleTable t = LifecycleTable.of(new ResultSet(all, List.of(), all.size()), Subjects.legacy());
        assertEquals(1, t.rows().size());
        LifecycleTable.Row r = t.rows().get(0);
        assertEquals(reclaimedKey(reclaimed), r.key());
        assertEquals(48, r.at(Phase.START, Metric.RETAINED_JOL));
        assertEquals(200_388_672, r.at(Phase.FILLED, Metric.RETAINED_JOL));
        assertEquals(108_388_672, r.at(Phase.DELETED, Metric.RETAINED_JOL));
        assertEquals(104_194_416, r.at(Phase.RECLAIMED, Metric.RETAINED_JOL));
        assertEquals(250, r.timeOf(Phase.FILLED).orElseThrow().score());
        assertEquals(80, r.timeOf(Phase.DELETED).orElseThrow().score());
        assertEquals(120, r.timeOf(Phase.RECLAIMED).orElseThrow().score());
    }

    private static Map<String, String> reclaimedKey(Map<String, String> params) {
        Map<String, String> key = new LinkedHashMap<>(params);
        key.put("jvm", "default");
        return key;
    }

    private static Score score(double v) {
        return new Score(v, Double.NaN, "bytes", List.of(v));
    }

    private static Measurement measurement(String benchmark, Map<String, String> params, Score primary, Map<String, Score> secondary) {
        return new Measurement(benchmark, params, "default", "17", "OpenJDK", List.of(), primary, secondary, benchmark + ".json");
    }

    /**
     * A memory group reads DELETED's no-GC figures after FILLED's probes (its full GCs, the uncommit wait and JOL's
     * walk): not the seed's OS sequence, so the report reads none from it and claim 5.5 says why; the one-phase
     * groups of the old shape still give it (seed-go: its reclaim groups read it in one fork).
     */
    @Test
    void theOsSequenceIsReadOnlyFromOnePhaseGroups() {
        LifecycleTable now = table("smoke-memory");
        assertTrue(now.fromMemoryGroups());
        for (LifecycleTable.Row r : now.rows()) {
            for (Phase phase : List.of(Phase.DELETED, Phase.RECLAIMED)) {
                assertTrue(Double.isNaN(r.at(phase, Metric.PROCESS_RSS_NO_GC)), r.key() + " " + phase);
                assertTrue(Double.isNaN(r.at(phase, Metric.HEAP_USED_NO_GC)), r.key() + " " + phase);
            }
            // what a settled GC leaves is the same experiment in either shape: kept
            assertFalse(Double.isNaN(r.at(Phase.DELETED, Metric.RETAINED_HEAP)), r.key().toString());
        }
        ClaimsCheck.Finding f = ClaimsCheck.osReturn(Scenario.seed(now), "default");
        assertEquals(Verdict.NOT_MEASURED, f.verdict());
        assertTrue(f.toString().contains("its states come from memory groups"), f.toString());
        LifecycleTable before = table("seed-go"); // one-phase groups, made after the in-fork readings existed
        assertFalse(before.fromMemoryGroups());
        assertTrue(before.rows().stream().anyMatch(r -> !Double.isNaN(r.at(Phase.DELETED, Metric.PROCESS_RSS_NO_GC))));
    }

    private static LifecycleTable table(String fixture) {
        Path dir = Fixtures.source(fixture);
        return LifecycleTable.of(ResultSet.load(dir.resolve("results")), RunData.subjects(dir));
    }

    private static List<Map<String, String>> keys(LifecycleTable t) {
        return t.rows().stream().map(LifecycleTable.Row::key).toList();
    }
}
