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
 * Section 4 from real operation and churn results (fixture {@code ops-churn}, issue 11, on the shared 2-core machine
 * under load): the {@code put} results of the ops profile narrowed to {@code OperationsBenchmark.put} with
 * {@code -p subject=JDK_HASH_MAP,ECLIPSE,FLAT_POINTER -p history=FRESH,AFTER_DELETE} (3 forks × 3 iterations, both
 * key orders), GO_HYBRID's result of {@code ./run-bench.sh churn -- -p subject=ECLIPSE,GO_HYBRID} and ECLIPSE's of
 * {@code ./run-bench.sh churn --prof gc -- -p subject=ECLIPSE} (2 forks × 3 shots of 1,000,000 rollovers each), put
 * in one folder. A run without lifecycle results still renders, and says what it cannot judge.
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
    void operationsArePivotedOnTheMapsHistoryWithAKeysColumn() {
        assertTrue(md.contains("| keys | subject | FRESH | AFTER_DELETE | AFTER_DELETE ÷ FRESH |"), md);
        // FLAT_POINTER, SEQUENTIAL: the nine AFTER_DELETE samples run from 215.89 to 362.82 ns, median 260.60; FRESH's
        // median 11.90; the ratio is of the medians (260.60 / 11.90 = 21.9).
        assertTrue(md.contains("| SEQUENTIAL | FLAT_POINTER | 11.90 (10.44–19.52, n=9) | 260.60 (215.89–362.82, n=9) | 21.9× |"), md);
        assertTrue(md.contains("| SEQUENTIAL | ECLIPSE | 46.71 (33.06–66.21, n=9) | 35.74 (22.77–66.14, n=9) | 0.77× |"), md);
        assertTrue(md.contains("| RANDOM | ECLIPSE | 66.10 (35.37–169.98, n=9) | 132.69 (28.73–785.60, n=9) | 2.01× |"), md);
        assertTrue(md.indexOf("| RANDOM | JDK_HASH_MAP") < md.indexOf("| RANDOM | ECLIPSE"), "subjects in the Subject enum's order");
        assertTrue(md.contains("a cell is the median of its n samples (one per measured iteration, over every fork) with the"
                + " smallest and largest in brackets"), md);
    }

    @Test
    void theReferenceStoreNoteFollowsThePutTable() {
        int note = md.indexOf(OperationsSection.REFERENCE_STORE_NOTE);
        assertTrue(note > md.indexOf("| SEQUENTIAL | FLAT_POINTER"), md);
        assertEquals(note, md.lastIndexOf(OperationsSection.REFERENCE_STORE_NOTE), "once");
    }

    @Test
    void churnShowsTheExactShotTheFootprintOverTheCycleAndTheGoModelBesideGoHybrid() {
        assertTrue(md.contains("Each sample is one timed shot of exactly 1,000,000 rollovers (put a new key, remove the oldest),"
                + " after 4 untimed rounds of 1,000,000 rollovers on a new map; the score is ns per rollover."), md);
        assertTrue(md.contains("| subject | score | JOL last | JOL min | JOL max | heap after GC | Go last | Go min | Go max |"), md);
        // ECLIPSE: 177,554,504 bytes (169.33 MiB) when the shot ends, 160,777,288 (153.33) at its smallest over the next
        // round: the tombstones a same-size rehash clears. The same in all six iterations (JOL is exact).
        assertTrue(md.contains("| ECLIPSE | 290.43 (95.62–580.34, n=6) | 169.33 MiB | 153.33 MiB | 169.33 MiB | 173.33 MiB (173.33 MiB–173.35 MiB, n=6) | – | – | – |"), md);
        // GO_HYBRID: Go model 370,757,728 bytes (353.58 MiB) last and least, 383,311,072 (365.55) at most.
        assertTrue(md.contains("| GO_HYBRID | 2,829 (1,180–3,603, n=6) | 347.72 MiB | 347.72 MiB | 360.36 MiB | 354.98 MiB (354.98 MiB–354.99 MiB, n=6) | 353.58 MiB | 353.58 MiB | 365.55 MiB |"), md);
    }

    @Test
    void theGcProfilerRowsStay() {
        assertTrue(md.contains("| benchmark | window | allocated bytes/op | GC count | GC time ms |"), md);
        // Made before the runner refused --prof gc for single shots: JMH's window held the iteration's setup (a new map
        // filled, 4 rounds of pre-roll), which the row must say instead of passing the figures off as the shot's.
        assertTrue(md.contains("| ChurnBenchmark.rollOver | " + OperationsSection.SHOT_WINDOW + " | 1,537 | 144 | 11,106 |"), md);
        assertFalse(md.contains("during the timed phase"), md);
    }

    @Test
    void onlyTheLoopedBenchmarkCountsItsTimedLoopAlone() {
        assertEquals(OperationsSection.LOOP_WINDOW, OperationsSection.gcWindow("OperationsBenchmark.put"));
        assertEquals(OperationsSection.SHOT_WINDOW, OperationsSection.gcWindow("ChurnBenchmark.rollOver"));
        assertEquals(OperationsSection.SHOT_WINDOW, OperationsSection.gcWindow("LifecycleBenchmark.fill"));
    }

    @Test
    void withoutLifecycleResultsTheClaimsAreNotJudged() {
        assertTrue(md.contains("No LifecycleBenchmark results in this run: the seed's experiment was not measured."), md);
        assertTrue(md.contains("Not measured in this run: the claims are checked against LifecycleBenchmark results, and this run has none."), md);
    }

    /** A run made before issue 11 (one sample per result, a 1 s churn loop) renders as it did: no brackets, no caption. */
    @Test
    void aSingleSampleIsItsValueAlone() {
        ResultSet.Score one = new ResultSet.Score(110.08, Double.NaN, "ns/op", List.of(110.08));
        assertEquals("110.08", Spread.of(one).cell());
        ResultSet.Score three = new ResultSet.Score(20, 1, "ns/op", List.of(30.0, 10.0, 20.0));
        assertEquals("20 (10–30, n=3)", Spread.of(three).cell());
        ResultSet.Score four = new ResultSet.Score(20, 1, "ns/op", List.of(4.0, 1.0, 2.0, 3.0));
        assertEquals(2.5, Spread.of(four).median(), "the mean of the middle two");
        assertFalse(Spread.of(one).bytes().contains("n="));
    }
}
