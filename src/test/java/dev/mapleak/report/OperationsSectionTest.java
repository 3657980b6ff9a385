package dev.mapleak.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Section 4 from real operation and churn results (fixture {@code ops-churn}: the {@code iterate} results of
 * {@code ./run-bench.sh ops -- -p subject=JDK_HASH_MAP,ECLIPSE -p entries=1000 -w 200ms -r 200ms} and both results of
 * {@code ./run-bench.sh churn --prof gc -- -p subject=JDK_HASH_MAP,ECLIPSE -p entries=10000 -w 200ms -r 200ms},
 * put in one folder). A run without lifecycle results still renders, and says what it cannot judge.
 */
class OperationsSectionTest {

    @TempDir
    static Path tmp;
    static String md;

    @BeforeAll
    static void render() throws IOException {
        Path run = Fixtures.copy("ops-churn", tmp);
        Report.write(run, List.of(), List.of());
        md = Files.readString(run.resolve("report.md"));
    }

    @Test
    void operationsArePivotedOnTheMapsHistory() {
        assertTrue(md.contains("| subject | FRESH | AFTER_DELETE | RECLAIMED | AFTER_DELETE ÷ FRESH | RECLAIMED ÷ FRESH |"), md);
        // ns per pass over 1,000 live entries: 3,006.66 fresh, 46,717.39 in a table once sized for 100k (15.5×).
        assertTrue(md.contains("| JDK_HASH_MAP | 3,007 ± 8,713 | 46,717 ± 44,196 | 3,178 ± 13,451 | 15.5× | 1.06× |"), md);
        assertTrue(md.contains("| ECLIPSE | 965.32 ± 1,888 | 120,999 ± 128,549 | 727.54 ± 956.68 | 125× | 0.75× |"), md);
        assertTrue(md.indexOf("| JDK_HASH_MAP | 3,007") < md.indexOf("| ECLIPSE | 965.32"), "subjects in the Subject enum's order");
    }

    @Test
    void churnShowsWhatTheMapSettledAtAndTheGcProfiler() {
        // JDK_HASH_MAP after rolling 10k keys over 4 times: 1,985,600 bytes (JOL), 57.33 ns per rollover.
        assertTrue(md.contains("| JDK_HASH_MAP | 57.33 ± 39.75 | 1.89 | "), md);
        assertTrue(md.contains("| ChurnBenchmark.rollOver | JDK_HASH_MAP | 211.42 | 33 | 143 |"), md);
    }

    @Test
    void withoutLifecycleResultsTheClaimsAreNotJudged() {
        assertTrue(md.contains("No LifecycleBenchmark results in this run: the seed's experiment was not measured."), md);
        assertTrue(md.contains("Not measured in this run: the claims are checked against LifecycleBenchmark results, and this run has none."), md);
    }
}
