package dev.mapleak.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claims that need the seed's two sizes, from a real run at 128 and 129 bytes with three samples each
 * (fixture {@code seed-sizes}). Numbers in comments come from that fixture's results/*.json.
 */
class ReportAtTheSeedSizesTest {

    @TempDir
    static Path tmp;
    static RunData data;
    static String md;

    @BeforeAll
    static void render() throws IOException {
        Path run = Fixtures.copy("seed-sizes", tmp);
        Report.write(run, ReportCommand.notApplicable(run), List.of());
        data = RunData.load(run, ReportCommand.notApplicable(run), List.of());
        md = Files.readString(run.resolve("report.md"));
    }

    private static ClaimsCheck.Claim claim(String title) {
        return ClaimsCheck.check(data).stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    private static Verdict verdict(String title, String where) {
        return claim(title).findings().stream().filter(f -> f.where().equals(where)).findFirst().orElseThrow().verdict();
    }

    @Test
    void goSwitchesAt129AndNoJavaMapDoes() {
        // Go's bytes: 128 B 48 → 2,409,568 → 2,409,568 (100%); 129 B 48 → 1,759,560 → 319,560 (18.2%).
        assertEquals(Verdict.HOLDS, verdict("At 129 bytes values are stored through a pointer", "Go model"));
        // Java's maps store every value through a reference at both sizes: Go's layout rule does not apply to them.
        assertEquals(Verdict.NOT_APPLICABLE, verdict("At 129 bytes values are stored through a pointer", "Java's maps (JDK and libraries)"));
        assertEquals(Verdict.NOT_APPLICABLE, verdict("At 129 bytes values are stored through a pointer", "mapleak's controlled pair"));
        // One row per map in section 5: the Go model switches, JDK_HASH_MAP has nothing to switch, with one line why.
        assertTrue(md.contains("| GO_HYBRID | mapleak's Go model (Go's bytes) | INLINE, 100.0% kept | POINTER, 18.2% kept | switches |"), md);
        assertTrue(md.contains("| JDK_HASH_MAP | library | POINTER, 3.3% kept | POINTER, 3.2% kept | not applicable: POINTER at both sizes, nothing to switch |"), md);
        assertTrue(claim("At 129 bytes values are stored through a pointer").findings().stream().anyMatch(f -> f.measured()
                .contains("every one of JDK_HASH_MAP, FASTUTIL, ECLIPSE stores its values the same way at 128 and 129 bytes (POINTER")));
    }

    @Test
    void goRuntimeRowsAtBothSizes() {
        // Go's bytes at 10,000 entries: 128 B 48 → 2,409,568 → 2,409,568, (2,409,568 − 48) / 10,000 = 241.0 B per deleted
        // entry; 129 B 48 → 1,759,560 → 319,560, (319,560 − 48) / 10,000 = 32.0 B (the pointers' buckets only).
        assertTrue(md.contains("| **Go runtime** (GO_HYBRID model) | mapleak's Go model | INLINE | 48 B | 2.30 MiB | 2.30 MiB | 48 B | 100.0% | 241.0 B | – |"), md);
        assertTrue(md.contains("| **Go runtime** (GO_HYBRID model) | mapleak's Go model | POINTER | 48 B | 1.68 MiB | 312.1 KiB | 48 B | 18.2% | 32.0 B | – |"), md);
    }

    @Test
    void pointersLetValuesGoInBothWorlds() {
        assertEquals(Verdict.HOLDS, verdict("Pointer values let deleted values be collected", "Java's maps (JDK and libraries)"));
        // FLAT_POINTER's values collected, FLAT_INLINE's kept, at both sizes.
        assertEquals(Verdict.HOLDS, verdict("Pointer values let deleted values be collected", "mapleak's controlled pair"));
        assertEquals(Verdict.HOLDS, verdict("Pointer values let deleted values be collected", "Go model"));
        assertEquals(Verdict.HOLDS, verdict("Rebuilding the map frees what it kept", "Go model"));
    }

    @Test
    void severalSamplesShowTheirError() {
        assertTrue(md.contains("56 of 56 results have several samples"), md);
        // JDK_HASH_MAP 128 B heap after GC at DELETED, three samples: a score with its 99.9% half-width.
        assertTrue(md.matches("(?s).*\\| JDK_HASH_MAP \\| library \\| POINTER \\| 48 B \\| 1\\.89 MiB \\| 64\\.06 KiB \\| 48 B \\| 3\\.3% \\| 6\\.6 B \\| 97\\.59 KiB ± [0-9.]+ [KM]iB \\|.*"), md);
    }

    @Test
    void notApplicableCombinationsAreListedByReason() {
        assertTrue(md.contains("- JDK_HASH_MAP has no shrink of its own (2 combinations, e.g. `LifecycleBenchmark.reclaim subject=JDK_HASH_MAP"), md);
        assertTrue(md.contains("- GO_HYBRID has no shrink of its own (2 combinations"), md);
    }

    @Test
    void trimIsComparedWithTheOtherStrategies() {
        // FASTUTIL: KEEP 368 bytes, TRIM 112 (its own trim), REBUILD 368: nothing to free in a map that shrank. With every
        // entry deleted this is stated, never ranked (issue 11).
        assertTrue(md.contains("- FASTUTIL keeps 368 B with no entry left (KEEP; an empty map: 368 B): nothing to free."), md);
        assertTrue(md.contains("![Bytes each map holds after each strategy, 128-byte values](charts/strategies-retained-128.png)"), md);
        assertFalse(md.contains("ratio to KEEP"), "no chart is a ratio to KEEP (issue 16)");
    }
}
