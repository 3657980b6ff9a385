package dev.mapleak.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report rendered from a real smoke run's JSON (fixture {@code smoke}). Expected numbers are read from the
 * fixture's files; JOL bytes are deterministic, so they would be the same in any smoke run on JDK 17 without
 * compact headers. MiB = bytes / 1,048,576.
 */
class ReportFromSmokeRunTest {

    @TempDir
    static Path tmp;
    static Path run;
    static String md;
    static String html;
    static String printed;

    @BeforeAll
    static void render() throws IOException {
        run = Fixtures.copy("smoke", tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ReportCommand.render(run, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        printed = out.toString(StandardCharsets.UTF_8);
        md = Files.readString(run.resolve("report.md"));
        html = Files.readString(run.resolve("report.html"));
    }

    @Test
    void seedTableHoldsTheMeasuredBytesOfKnownRows() {
        // JDK_HASH_MAP, from results/*fill*JDK_HASH_MAP*: start.retained.jol.bytes 48, retained.jol.bytes 1,985,600;
        // *delete*: 65,600 and retained.heap.bytes 168,368 (0.161 MiB); *reclaim*REBUILD*: 48.
        // kept = (65,600 − 48) / (1,985,600 − 48) = 3.30%.
        // per deleted entry = (65,600 − 48) / 10,000 = 6.56 B: its 16,384-slot table of 4-byte references plus the
        // array's 16-byte header (65,552 B), spread over the 10,000 entries deleted.
        assertTrue(md.contains("| JDK_HASH_MAP | library | POINTER | 48 B | 1.89 MiB | 64.06 KiB | 48 B | 3.3% | 6.6 B | 164.4 KiB |"), md);
        // FLAT_INLINE keeps every byte: 2,312 → 2,162,888 → 2,162,888 → REBUILD 2,312; heap at DELETED 3,315,072.
        // (2,162,888 − 2,312) / 10,000 = 216.1 B per deleted entry: the 128-byte values stay in its slab.
        assertTrue(md.contains("| FLAT_INLINE | mapleak's own | INLINE | 2.26 KiB | 2.06 MiB | 2.06 MiB | 2.26 KiB | 100.0% | 216.1 B | 3.16 MiB |"), md);
        // FASTUTIL shrinks on remove: 368 bytes at START, DELETED and after REBUILD; FILLED 1,571,184.
        assertTrue(md.contains("| FASTUTIL | library: fastutil 8.5.19 | POINTER | 368 B | 1.50 MiB | 368 B | 368 B | 0.0% | 0 B | 108.1 KiB |"), md);
    }

    @Test
    void goRuntimeFigureStandsBesideTheJavaRows() {
        // GO_HYBRID's retained.go.bytes: start 48, FILLED 2,409,568, DELETED 2,409,568, REBUILD 48 (inline values stay).
        // (2,409,568 − 48) / 10,000 = 241.0 B per deleted entry.
        assertTrue(md.contains("| **Go runtime** (GO_HYBRID model) | mapleak's Go model | INLINE | 48 B | 2.30 MiB | 2.30 MiB | 48 B | 100.0% | 241.0 B | – |"), md);
        // GO_HYBRID's own Java footprint (JOL): 80 → 2,338,312 → 2,338,312 → 80; heap 3,354,232.
        assertTrue(md.contains("| GO_HYBRID | mapleak's Go model (its Java footprint) | INLINE | 80 B | 2.23 MiB | 2.23 MiB | 80 B | 100.0% | 233.8 B | 3.20 MiB |"), md);
    }

    @Test
    void sectionsComeInTheIssuesOrder() {
        List<String> headings = List.of("## 1. What was run", "## 2. The seed's experiment in Java", "## 3. Charts",
                "## 4. Operations, churn and GC", "## 5. The seed's claims checked", "## 6. What a remedy costs",
                "## 7. Advice from these numbers", "## 8. Error bars, and what is missing");
        int last = -1;
        for (String h : headings) {
            int at = md.indexOf(h);
            assertTrue(at > last, h + " missing or out of order");
            last = at;
        }
    }

    @Test
    void whatWasRunComesFromTheRunFolder() {
        assertTrue(md.contains("- **Profile:** `smoke`"));
        assertTrue(md.contains("- **JDK and collector:** JDK 17.0.15 (Debian), G1"));
        assertTrue(md.contains("commit `26d6d2212700` with uncommitted changes"));
        assertTrue(md.contains("**To reproduce:** `git checkout 26d6d22127005c1b6ff9dbf7770db1d80528b83b && ./run-bench.sh smoke`"));
    }

    @Test
    void chartsAreDrawnAsPngFilesAndLinked() throws IOException {
        for (String chart : List.of("retained-after-delete.png", "retained-by-phase-128.png",
                "strategies-retained-128.png")) {
            Path file = run.resolve("charts").resolve(chart);
            assertTrue(Files.size(file) > 1000, chart + " is empty");
            byte[] head = new byte[8];
            System.arraycopy(Files.readAllBytes(file), 0, head, 0, 8);
            assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, chart + " is not a PNG");
            assertTrue(md.contains("](charts/" + chart + ")"), chart + " not linked from report.md");
        }
        assertFalse(printed.contains("not drawn"), printed);
        // issue 11: no chart of the memory groups' times (probes armed, a ratio to the timer's floor)
        assertFalse(Files.exists(run.resolve("charts").resolve("strategies-time-128.png")));
        assertFalse(md.contains("strategies-time"), "no time chart from the memory pass");
    }

    @Test
    void htmlIsSelfContained() {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        // retained after delete, retained by phase at 128 bytes, strategies retained (no time chart since issue 11)
        assertEquals(3, html.split("src=\"data:image/png;base64,", -1).length - 1, "every chart embedded");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing fetched from anywhere");
        assertFalse(html.contains("@import") || html.contains("url("), "no external style or font");
        assertTrue(html.contains("<td class=\"n\">64.06 KiB</td>"), "numbers right-aligned in their own cells");
    }

    @Test
    void claimsAreCheckedWithTheRunsNumbers() {
        // FASTUTIL shrinks on remove: only some of Java's maps keep their table. JDK_TREE_MAP has no table and the
        // FLAT maps are mapleak's own, built never to shrink: neither counts for or against Java (issue 12).
        // Section 5 has one row per map: what it keeps above START of what the fill added, and the rule's result.
        assertTrue(md.contains("| FASTUTIL | library | 0 B of 1.50 MiB (0.0%) | shrank |"), md);
        assertTrue(md.contains("| JDK_HASH_MAP | library | 64.02 KiB of 1.89 MiB (3.3%) | kept its table |"), md);
        assertTrue(md.contains("| Java's maps (JDK and libraries) | holds only partly | from the rows above |"), md);
        assertTrue(md.contains("| JDK_TREE_MAP | library | 0 B of 1.91 MiB (0.0%) | not applicable: no table to keep, each delete frees its node |"), md);
        assertTrue(md.contains("| mapleak's controlled pair | not applicable | built never to shrink, so not evidence either way |"), md);
        assertTrue(md.contains("| GO_HYBRID | mapleak's Go model (Go's bytes) | 2.30 MiB of 2.30 MiB (100.0%) | kept its table |"), md);
        assertTrue(md.contains("| Go model | holds | from the rows above |"), md);
        // The smoke profile has 128-byte values only: the 129-byte claim cannot be judged.
        assertTrue(md.contains("| Java's maps (JDK and libraries) | not measured in this run | needs 128- and 129-byte values with deleteFraction 1.0 (this run: 128 bytes, deleteFraction 1.0) |"), md);
        // The pair isolates the layout: FLAT_POINTER's values were collected (heap kept 6.1%), FLAT_INLINE's not (85.8%).
        assertTrue(md.contains("| FLAT_POINTER | mapleak's own | POINTER, 6.1% kept | values collected |"), md);
        assertTrue(md.contains("| FLAT_INLINE | mapleak's own | INLINE, 85.8% kept | INLINE, the pair's contrast: values stay |"), md);
        assertTrue(md.contains("| mapleak's controlled pair | holds | from the rows above |"), md);
        // The fixture predates the in-fork OS readings: no claim 5.5 verdict from two forks' RSS.
        assertTrue(md.contains("| Java's maps (JDK and libraries) (G1) | not measured in this run | not read in one fork in this run"), md);
    }

    @Test
    void adviceIsComputedFromTheNumbers() {
        // The smoke run deletes everything and has no timing pass: nothing is ranked (issue 11; it used to rank REBUILD
        // for JDK_HASH_MAP at "2.49 MiB per ms" from a 0.025 ms shot taken with probes armed).
        assertTrue(md.contains("Nothing is ranked: this run has no timing pass (`RemedyCostBenchmark.reclaim`)"), md);
        assertFalse(md.contains("**REBUILD** |"), "no ranked row");
        // What is kept with every entry deleted, stated without ranking: JDK_HASH_MAP KEEP 65,600 bytes, REBUILD 48.
        assertTrue(md.contains("- JDK_HASH_MAP keeps 64.06 KiB with no entry left (KEEP; an empty map: 48 B); "
                + "every strategy measured frees it (REBUILD 48 B)."), md);
        // FASTUTIL already shrank: 368 bytes at START and with KEEP.
        assertTrue(md.contains("- FASTUTIL keeps 368 B with no entry left (KEEP; an empty map: 368 B): nothing to free."), md);
        // Storage layout, within mapleak's controlled pair only: FLAT_INLINE keeps 2,162,888 bytes after the deletes,
        // FLAT_POINTER 131,152 (its key and reference arrays): 16.5 times.
        assertTrue(md.contains("- 128 bytes: FLAT_INLINE (INLINE) keeps 2.06 MiB, FLAT_POINTER (POINTER) 128.1 KiB (16.5×): **layout matters**."), md);
    }

    @Test
    void singleSamplesAreSaidToHaveNoErrorBars() {
        assertTrue(md.contains("Every result is a single sample"), md);
        assertFalse(java.util.regex.Pattern.compile("\\d ± \\d").matcher(md).find(), "no error shown without several samples");
    }

    @Test
    void printsWhereTheReportIs() {
        assertTrue(printed.contains("mapleak: report → " + run.resolve("report.md") + " and report.html"), printed);
        assertTrue(Files.isRegularFile(run.resolve("summary.md")), "summary.md still written");
    }
}
