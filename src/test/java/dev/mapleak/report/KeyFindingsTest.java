package dev.mapleak.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key findings, computed from fixtures of real runs, with the numbers their result files hold. */
class KeyFindingsTest {

    @TempDir
    Path tmp;

    private RunData load(String fixture) {
        Path run = Fixtures.copy(fixture, tmp.resolve(fixture));
        return RunData.load(run, ReportCommand.notApplicable(run), List.of());
    }

    /**
     * seed-go (100,000 entries, 128 and 129 bytes): JDK_HASH_MAP's retained.jol.bytes is 48 before the fill and
     * 1,048,640 after deleting all: 1,048,592 bytes kept = its 2^18-slot table (100,000 / 0.75 rounded up to a power of
     * two) of 4-byte references plus the array's 16-byte header; ÷ 100,000 = 10.49 B per deleted entry, at both sizes.
     */
    @Test
    void bytesKeptPerDeletedEntryComeFromJolAtDeletedMinusStart() {
        RunData data = load("seed-go");
        Scenario s = data.seed();
        assertEquals(1_048_592 / 100_000.0, s.keptPerDeletedEntry("JDK_HASH_MAP", 128, dev.mapleak.folder.Metric.RETAINED_JOL), 1e-9);
        assertEquals(1_048_592 / 100_000.0, s.keptPerDeletedEntry("JDK_HASH_MAP", 129, dev.mapleak.folder.Metric.RETAINED_JOL), 1e-9);
        List<String> findings = KeyFindings.of(data);
        assertEquals("After deleting all 100,000 entries, **1 of 1 library map keeps its table**: JDK_HASH_MAP 1.00 MiB "
                + "(**10.5 B per deleted entry**). The same at every value size measured (128–129 B): what stays is the empty "
                + "table, not the values. Bytes per deleted entry = (retained at DELETED − at START, JOL) ÷ deleted entries.",
                findings.get(0));
    }

    /** Library maps and mapleak's own are told apart; Go is the model's figure beside Go measured (go1.19.8). */
    @Test
    void libraryMapsMapleaksOwnAndGoAreSeparateFindings() {
        List<String> findings = KeyFindings.of(load("seed-go"));
        assertEquals(4, findings.size(), String.join("\n", findings));
        assertFalse(findings.get(0).contains("FLAT_"), findings.get(0));
        // FLAT_INLINE keeps its inline values: (34,603,xxx − 2,312) / 100,000 per size; FLAT_POINTER only its arrays.
        assertTrue(findings.get(1).startsWith("**mapleak's own flat maps** (a controlled pair built never to shrink, not library maps)"),
                findings.get(1));
        assertTrue(findings.get(1).contains("FLAT_INLINE 128 B (INLINE) 33.00 MiB (**346.0 B per deleted entry**)"), findings.get(1));
        assertTrue(findings.get(1).contains("FLAT_POINTER 2.00 MiB (**21.0 B per deleted entry**)"), findings.get(1));
        // Go: the model 211.7 B and Go itself 211.5 B per deleted 128-byte entry (values inline in the buckets), 27.5 B at 129.
        assertTrue(findings.get(2).startsWith("**Go**, after deleting all 100,000 entries: mapleak's model of Go's classic map "
                + "(GO_HYBRID, computed, not measured) says Go keeps 128 B (INLINE) 20.19 MiB (**211.7 B per deleted entry**), "
                + "129 B (POINTER) 2.62 MiB (**27.5 B per deleted entry**); Go itself, measured (Go go1.19.8, map[int][N]byte, "
                + "classic maps, HeapAlloc after `runtime.GC()`), keeps 128 B (INLINE) 20.17 MiB (**211.5 B per deleted entry**)"),
                findings.get(2));
        assertTrue(findings.get(3).contains("**REBUILD** frees JDK_HASH_MAP (1.00 MiB → 48 B), FLAT_INLINE (mapleak's own)"),
                findings.get(3));
    }

    /**
     * The remedies fixture: a cost only from the timing pass's sound rows (deleteFraction < 1, n ≥ 5, above the floor),
     * none at deleteFraction 1.0. JDK_HASH_MAP's REBUILD at 0.5: 10 shots, the median Advice ranks it by.
     */
    @Test
    void aRemedysCostOnlyWhereTheTimingPassMeasuredItSoundly() {
        RunData data = load("remedies");
        List<String> findings = KeyFindings.of(data);
        String remedy = findings.stream().filter(f -> f.startsWith("The remedy")).findFirst().orElseThrow();
        // the cost is a finding of its own, right after the one that says which remedy frees which map
        String costs = findings.get(findings.indexOf(remedy) + 1);
        assertTrue(costs.startsWith("**What the best remedy costs** for the library maps, where the timing pass measured it"
                + " soundly"), costs);
        // the fixture's three maps are all library maps: no finding for mapleak's own
        assertTrue(findings.stream().noneMatch(f -> f.contains("for mapleak's own maps")), findings.toString());
        Advice.Pick half = Advice.picks(data.seed(), 128, RemedyCosts.of(data.results())).stream()
                .filter(p -> p.subject().equals("JDK_HASH_MAP") && p.deleteFraction().equals("0.5")).findFirst().orElseThrow();
        RemedyCosts.Cost cost = half.best().orElseThrow().cost().orElseThrow();
        assertEquals(10, cost.n());
        assertTrue(costs.contains("**JDK_HASH_MAP REBUILD** at 0.5 frees 4.00 MiB in " + Format.ms(cost.median()) + " ms (n=10, allocates "),
                costs);
        assertTrue(remedy.contains("**REBUILD** frees JDK_HASH_MAP (8.00 MiB → 48 B) and ECLIPSE (16.00 MiB → 200 B); "
                + "**TRIM** frees ECLIPSE (16.00 MiB → 88 B)."), remedy);
        assertFalse(costs.contains("at 1.0 frees"), "nothing ranked with every entry deleted");
    }

    /** A run without lifecycle results gets no finding from missing data, and a title that says what it ran. */
    @Test
    void noFindingFromMissingData() {
        RunData data = load("ops-churn");
        assertEquals(List.of(), KeyFindings.of(data));
        assertEquals("mapleak: ChurnBenchmark, OperationsBenchmark of Java maps — JDK 17.0.15, G1", ReportTitle.of(data));
    }

    /**
     * Iterating after the deletes, against a fresh map: a finding only where both sides have several samples. The ops
     * fixture's JDK_HASH_MAP put results (9 samples each: 3 forks × 3 iterations) relabelled as iterate results, so the
     * ratio of medians is known: AFTER_DELETE 96.92 ns ÷ FRESH 80.04 ns = 1.21×.
     */
    @Test
    void iteratingAfterTheDeletesNeedsSeveralSamples() throws IOException {
        Path run = Fixtures.copy("ops-churn", tmp.resolve("iterate"));
        relabelPutAsIterate(run);
        RunData data = RunData.load(run, List.of(), List.of());
        String iterate = KeyFindings.iteration(data).orElseThrow();
        assertTrue(iterate.startsWith("**Iterating after the deletes** costs, against a fresh map with the same 10,000 live "
                + "entries (median ns/op, section 4): JDK_HASH_MAP 1.21× (80.04 → 96.92, n=9)"), iterate);

        // with both key orders relabelled, each ratio says which key order it is (the full run's finding listed
        // JDK_HASH_MAP twice, unlabelled); the RANDOM put results of the same fixture, 9 samples each
        Path both = Fixtures.copy("ops-churn", tmp.resolve("both"));
        relabelPutAsIterate(both, "keys=");
        String labelled = KeyFindings.iteration(RunData.load(both, List.of(), List.of())).orElseThrow();
        assertTrue(labelled.contains("JDK_HASH_MAP (keys SEQUENTIAL) 1.21× (80.04 → 96.92, n=9)"), labelled);
        assertTrue(labelled.contains("JDK_HASH_MAP (keys RANDOM) "), labelled);

        // the same with a single sample on each side: no finding
        Path single = Fixtures.copy("ops-churn", tmp.resolve("single"));
        relabelPutAsIterate(single);
        try (Stream<Path> files = Files.list(single.resolve("results"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("OperationsBenchmark.iterate")).toList()) {
                com.google.gson.JsonArray all = com.google.gson.JsonParser.parseString(Files.readString(f)).getAsJsonArray();
                com.google.gson.JsonObject primary = all.get(0).getAsJsonObject().getAsJsonObject("primaryMetric");
                com.google.gson.JsonArray one = new com.google.gson.JsonArray();
                com.google.gson.JsonArray shot = new com.google.gson.JsonArray();
                shot.add(primary.getAsJsonArray("rawData").get(0).getAsJsonArray().get(0));
                one.add(shot);
                primary.add("rawData", one);
                Files.writeString(f, all.toString());
            }
        }
        RunData one = RunData.load(single, List.of(), List.of());
        List<ResultSet.Measurement> iterates = one.results().measurements().stream()
                .filter(m -> m.benchmark().equals(KeyFindings.ITERATE)).toList();
        assertEquals(2, iterates.size(), "both rewritten files still read");
        iterates.forEach(m -> assertEquals(1, m.primary().samples().size()));
        assertTrue(KeyFindings.iteration(one).isEmpty(), "no finding from single samples");
    }

    private static void relabelPutAsIterate(Path run) throws IOException {
        relabelPutAsIterate(run, "keys=SEQUENTIAL");
    }

    /** JDK_HASH_MAP's put results whose file name contains {@code keys}, copied as iterate results. */
    private static void relabelPutAsIterate(Path run, String keys) throws IOException {
        try (Stream<Path> files = Files.list(run.resolve("results"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("OperationsBenchmark.put,subject=JDK_HASH_MAP") && name.contains(keys)) {
                    Files.writeString(f.resolveSibling(name.replace(".put,", ".iterate,")),
                            Files.readString(f).replace("OperationsBenchmark.put", "OperationsBenchmark.iterate"));
                }
            }
        }
    }
}
