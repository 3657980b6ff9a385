package dev.mapleak.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader sees first, in report.md, report.html and on the console: the title, the narrowed-run banner, the key
 * findings box; and section 5's per-map rows in neutral colours.
 */
class FirstScreenTest {

    @TempDir
    Path tmp;

    private List<String> render(Path run) throws IOException {
        List<String> printed = new ArrayList<>();
        assertTrue(ReportCommand.renderFolder(run, printed::add), String.join("\n", printed));
        return printed;
    }

    /**
     * seed-go was run with {@code -p subject=JDK_HASH_MAP,GO_HYBRID,FLAT_INLINE,FLAT_POINTER -p entries=100000}
     * (run.json's paramOverrides): the seed profile's 1,000,000 entries and every subject were not measured.
     */
    @Test
    void aNarrowedRunSaysSoAtTheTopWithTheProfilesValues() throws IOException {
        Path run = Fixtures.copy("seed-go", tmp.resolve("seed-go"));
        render(run);
        String md = Files.readString(run.resolve("report.md"));
        int banner = md.indexOf("> **A narrowed run.** It measured less than profile `seed` asks for: subject JDK_HASH_MAP, "
                + "GO_HYBRID, FLAT_INLINE, FLAT_POINTER (the profile: every subject); entries 100000 (the profile: 1000000). "
                + "The whole profile: `./run-bench.sh seed --dry-run`.");
        assertTrue(banner > 0 && banner < md.indexOf("> **Key findings**"), md);
        assertTrue(md.indexOf("> **Key findings**") < md.indexOf("## 1. "), "the findings come before every section");
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("<p class=\"notice\"><strong>A narrowed run.</strong>"), html);
        assertTrue(html.contains("<section class=\"findings\"><p class=\"findings-title\">Key findings</p>\n<ol>\n<li>"), html);
    }

    /**
     * The remedies fixture measured deleteFraction 0.5, 0.9, 0.99 and 1.0 (its results' params): the title names every
     * fraction, not only the seed's "all".
     */
    @Test
    void aTitleNamesEveryDeleteFractionTheRunMeasured() throws IOException {
        Path run = Fixtures.copy("remedies", tmp.resolve("remedies"));
        render(run);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.startsWith("# mapleak: memory Java maps keep after deleting 50.0%, 90.0%, 99.0% and all of 1,000,000"
                + " entries — 3 maps, 128 B values, JDK 17.0.15, G1\n"), md.substring(0, 200));
    }

    /** seed-go measured 4 maps in Java and Go's own two (GO_RUNTIME, GO_RUNTIME_POINTER): Go is named, not counted. */
    @Test
    void aTitleCountsTheJavaMapsAndNamesGoApart() throws IOException {
        Path run = Fixtures.copy("seed-go", tmp.resolve("seed-go-title"));
        render(run);
        String md = Files.readString(run.resolve("report.md"));
        assertTrue(md.startsWith("# mapleak: memory Java maps keep after deleting all 100,000 entries — 4 maps and Go's own,"
                + " measured, 128–129 B values, JDK 17.0.15, G1\n"), md.substring(0, 200));
    }

    /** A published run that says what it left out in LEFT-OUT.md gets a link to it, in both formats. */
    @Test
    void theBannerLinksLeftOutMdWhereTheFolderHasOne() throws IOException {
        Path run = Fixtures.copy("seed-go", tmp.resolve("left-out"));
        Files.writeString(run.resolve(NarrowedRun.LEFT_OUT), "# What this run left out\n");
        render(run);
        assertTrue(Files.readString(run.resolve("report.md")).contains("What it left out, and why: [LEFT-OUT.md](LEFT-OUT.md)."));
        assertTrue(Files.readString(run.resolve("report.html")).contains("What it left out, and why: <a href=\"LEFT-OUT.md\">LEFT-OUT.md</a>."));
    }

    /** smoke ran its profile as it is (no -p, no JMH options): no banner. */
    @Test
    void aWholeRunHasNoBanner() throws IOException {
        Path run = Fixtures.copy("smoke", tmp.resolve("smoke"));
        render(run);
        String md = Files.readString(run.resolve("report.md"));
        assertFalse(md.contains("A narrowed run."), md);
        assertTrue(md.startsWith("# mapleak: memory Java maps keep after deleting all 10,000 entries — 11 maps, 128 B values, "
                + "JDK 17.0.15, G1\n\nRun folder `smoke`, profile `smoke`, started "), md);
    }

    /** The console ends with the findings and the report's path; the table is in summary.md, not on screen. */
    @Test
    void theConsoleEndsWithTheKeyFindingsAndThePath() throws IOException {
        Path run = Fixtures.copy("seed-go", tmp.resolve("console"));
        List<String> printed = render(run);
        assertEquals("mapleak: report → " + run.resolve("report.md") + " and report.html", printed.get(printed.size() - 1));
        int findings = printed.indexOf("Key findings:");
        assertTrue(findings > 0, String.join("\n", printed));
        String first = printed.get(findings + 1) + " " + printed.get(findings + 2).strip(); // wrapped, marks stripped
        assertTrue(first.startsWith("  1. After deleting all 100,000 entries, 1 of 1 library map keeps its table: "
                + "JDK_HASH_MAP 1.00 MiB (10.5 B per deleted entry)."), first);
        assertTrue(printed.stream().allMatch(l -> l.length() <= ConsoleEnd.WIDTH), "wrapped for a terminal");
        assertTrue(printed.stream().noneMatch(l -> l.startsWith("| JDK_HASH_MAP |")), "no table on the console");
        assertTrue(printed.get(0).startsWith("mapleak: summary → " + run.resolve("summary.md")), printed.get(0));
        assertTrue(Files.readString(run.resolve("summary.md")).contains("| JDK_HASH_MAP | 128 | KEEP | 48 B | 19.31 MiB | 1.00 MiB | "
                + "1.00 MiB | 10.5 B |"));
    }

    /**
     * Section 5 has one row per map (map | whose | 128 B | 129 B | result), library maps before mapleak's own, and a
     * rule that does not apply says so with one line why. Verdict colours say whether the article's claim is true,
     * not whether that is good: no green, no red.
     */
    @Test
    void section5HasOneRowPerMapInNeutralColours() throws IOException {
        Path run = Fixtures.copy("seed-sizes", tmp.resolve("claims"));
        render(run);
        String md = Files.readString(run.resolve("report.md"));
        String claims = md.substring(md.indexOf("## 5. "), md.indexOf("## 6. "));
        assertEquals(4, claims.split("\\| map \\| whose \\| 128 B \\| 129 B \\| result \\|", -1).length - 1,
                "a per-map table under claims 1 to 4 (claim 5 has no in-fork readings in this fixture)");
        // FASTUTIL's table halves itself on remove: 368 B after the deletes of what the fill added
        assertTrue(claims.contains("| FASTUTIL | library | 0 B of 1.50 MiB (0.0%) | 0 B of 1.57 MiB (0.0%) | shrank |"), claims);
        assertTrue(claims.contains("| FLAT_INLINE | mapleak's own | INLINE, 100.0% kept | INLINE, 100.0% kept | not applicable: one layout at every size by design |"), claims);
        assertTrue(claims.indexOf("| ECLIPSE | library |") < claims.indexOf("| FLAT_INLINE | mapleak's own |"), claims);
        String html = Files.readString(run.resolve("report.html"));
        assertFalse(html.contains("#dafbe1") || html.contains("#ffebe9"), "no green or red verdict cells");
        assertTrue(html.contains("<td class=\"holds\">holds</td>"), "verdicts still marked, in a neutral tint");
    }
}
