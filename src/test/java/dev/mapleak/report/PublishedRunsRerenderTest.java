package dev.mapleak.report;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The published runs under {@code reports/} re-render from their JSON alone (results/, plan.json, run.json,
 * environment.json, subjects.json, console.log, LEFT-OUT.md: not their report.md). Once a run's committed report.md
 * is in issue 16's form (title, key findings, units that scale), a re-render must reproduce it exactly; a committed
 * report from before is named, not compared (the lead re-renders published runs when a report change is merged).
 * Whatever the committed form, each run's first screen must answer with the numbers its results hold.
 * The committed folders themselves are never rewritten.
 */
class PublishedRunsRerenderTest {

    static final Path REPORTS = Path.of("reports");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"20261124-085330-seed", "20261124-085701-full", "20261130-070642-gc-matrix", "20261130-084947-remedies",
            "20261130-103609-full"})
    void reportMdReRendersExactlyAsCommitted(String name) throws IOException {
        Path published = REPORTS.resolve(name);
        Path run = copyInputs(published, tmp.resolve(name));
        List<String> printed = new ArrayList<>();
        assertTrue(ReportCommand.renderFolder(run, printed::add), String.join("\n", printed));
        String committed = Files.readString(published.resolve("report.md"));
        assumeTrue(committed.contains("> **Key findings**"), name + "/report.md predates issue 16's report: "
                + "re-render it (./run-bench.sh report reports/" + name + ") and commit the result");
        assertEquals(committed, Files.readString(run.resolve("report.md")));
    }

    /**
     * The seed run's key findings, from its result files: JOL's retained.jol.bytes after the deletes minus before the
     * fill, over 1,000,000 deleted entries. JDK_HASH_MAP 8,388,672 − 48 = 8,388,624 bytes, its 2^21-slot table of
     * 4-byte compressed references plus the array's 16-byte header: 8.4 B per deleted entry; ECLIPSE, HPPC and AGRONA
     * two such arrays (keys and values, 2^21 slots each): 16.8 B; Go's model, retained.go.bytes 307,535,968 − 48 at
     * 128 bytes (values inline in the buckets): 307.5 B, and 40.1 B at 129 (only the pointers' buckets).
     */
    @ParameterizedTest
    @ValueSource(strings = {"20261124-085330-seed"})
    void theSeedRunsFirstScreenAnswersWithItsNumbers(String name) throws IOException {
        String md = render(name);
        assertTrue(md.startsWith("# mapleak: memory Java maps keep after deleting all 1,000,000 entries — 11 maps, "
                + "128–129 B values, JDK 17.0.15, G1\n\nRun folder `20261124-085330-seed`, profile `seed`"), md);
        String box = md.substring(md.indexOf("> **Key findings**"), md.indexOf("## 1. "));
        assertTrue(box.contains("**6 of 8 library maps keep their table**: JDK_HASH_MAP, JDK_LINKED_HASH_MAP and "
                + "JDK_CONCURRENT_HASH_MAP 8.00 MiB each (**8.4 B per deleted entry**); ECLIPSE, HPPC and AGRONA 16.00 MiB "
                + "each (**16.8 B per deleted entry**)"), box);
        assertTrue(box.contains("**2 of 8 library maps shrink by themselves**"), box);
        assertTrue(box.contains("FASTUTIL 368 B (as when empty); JDK_TREE_MAP 48 B (no table: each delete frees its node)"), box);
        assertTrue(box.contains("says Go keeps 128 B (INLINE) 293.29 MiB (**307.5 B per deleted entry**), "
                + "129 B (POINTER) 38.25 MiB (**40.1 B per deleted entry**)"), box);
        // mapleak's own maps are never counted among the library maps
        assertTrue(box.contains("**mapleak's own flat maps** (a controlled pair built never to shrink, not library maps)"), box);
        assertFalse(box.substring(0, box.indexOf("2. ")).contains("FLAT_"), box);
        // no narrowed-run banner: the seed run measured its whole profile
        assertFalse(md.contains("A narrowed run."), md);
    }

    /**
     * The published full run measured 6 of 11 maps, delete-all only, with -wi 1 -i 1: its report says so first and
     * links LEFT-OUT.md. Its operation results are single samples, so iterating after the deletes (10.5× for
     * JDK_HASH_MAP in one shot) is no key finding.
     */
    @ParameterizedTest
    @ValueSource(strings = {"20261124-085701-full"})
    void theNarrowedFullRunSaysSoFirstAndDrawsNothingFromSingleSamples(String name) throws IOException {
        String md = render(name);
        String banner = md.substring(md.indexOf("> **A narrowed run.**"), md.indexOf("> **Key findings**"));
        assertTrue(banner.contains("subject JDK_HASH_MAP, FASTUTIL, ECLIPSE, FLAT_INLINE, FLAT_POINTER, GO_HYBRID (the profile: every subject)"), banner);
        assertTrue(banner.contains("keys SEQUENTIAL (the profile: SEQUENTIAL, RANDOM)"), banner);
        assertTrue(banner.contains("JMH options `-wi 1 -i 1` added"), banner);
        assertTrue(banner.contains("What it left out, and why: [LEFT-OUT.md](LEFT-OUT.md)."), banner);
        assertFalse(md.contains("Iterating after the deletes"), "no finding from single samples");
    }

    /** The gc-matrix run: which collector settings hand the freed heap back to the OS, per JDK, in one finding. */
    @ParameterizedTest
    @ValueSource(strings = {"20261130-070642-gc-matrix"})
    void theGcMatrixSaysWhichCollectorsHandMemoryBack(String name) throws IOException {
        String md = render(name);
        assertTrue(md.startsWith("# mapleak: memory Java maps keep after deleting all 1,000,000 entries — 3 maps, "
                + "128–129 B values, JDK 17.0.15 and 25.0.3, 5 collectors (G1, Parallel, Serial, Z, Shenandoah)"), md);
        // Parallel, Serial and ZGC as shipped: RSS grew while the GC freed ~200 MiB (e.g. jdk17-parallel 354.81 → 368.90 MiB)
        assertTrue(md.contains("**less than 10.0%** under parallel, serial, zgc (JDK 17, 25)"), md);
        assertTrue(md.contains("**at least 50.0%** under g1, parallel-tuned, serial-tuned, shenandoah, shenandoah-tuned, zgc-tuned (JDK 17, 25)"), md);
        assertTrue(md.contains("**1 of 2 library maps keeps its table**: JDK_HASH_MAP 8.00 MiB (**8.4 B per deleted entry**)"), md);
    }

    /**
     * The remedies run: the cost of the best remedy per map from its timing pass, library maps in one finding and
     * mapleak's own in another. JDK_HASH_MAP REBUILD at 0.5: 13.46 ms, the median of its 10 shots (section 6's table).
     */
    @ParameterizedTest
    @ValueSource(strings = {"20261130-084947-remedies"})
    void theRemediesRunKeepsLibraryCostsApartFromMapleaksOwn(String name) throws IOException {
        String md = render(name);
        String box = md.substring(md.indexOf("> **Key findings**"), md.indexOf("## 1. "));
        int library = box.indexOf("**What the best remedy costs** for the library maps");
        int own = box.indexOf("**What the best remedy costs** for mapleak's own maps");
        assertTrue(library > 0 && own > library, box);
        String libraryLine = box.substring(library, own);
        assertTrue(libraryLine.contains("**JDK_HASH_MAP REBUILD** at 0.5 frees 4.00 MiB in 13.46 ms (n=10, allocates 19.26 MiB)"), libraryLine);
        assertFalse(libraryLine.contains("FLAT_") || libraryLine.contains("GO_HYBRID"), libraryLine);
    }

    /**
     * The complete full run (every subject, value size, delete fraction, key order and strategy): no narrowed-run
     * banner; the key-order comparison its RANDOM groups make possible; its timing pass says which points it timed;
     * and the cost of the best remedy at a partial delete, from that pass. JDK_HASH_MAP REBUILD at 0.5: 11.11 ms, the
     * median of its 10 shots (section 6), freeing 4.00 MiB (KEEP 99.55 MiB against REBUILD's copy, JOL).
     */
    @ParameterizedTest
    @ValueSource(strings = {"20261130-103609-full"})
    void theCompleteFullRunShowsPartialDeletesAndBothKeyOrders(String name) throws IOException {
        String md = render(name);
        assertTrue(md.startsWith("# mapleak: memory Java maps keep after deleting 50.0%, 90.0%, 99.0% and all of 1,000,000 "
                + "entries — 11 maps, 64–256 B values, JDK 17.0.15, G1\n"), md.substring(0, 200));
        assertFalse(md.contains("A narrowed run"), "every point of the profile was measured");
        assertTrue(md.contains("### Key order: SEQUENTIAL against RANDOM"), "both key orders were measured");
        assertTrue(md.contains("The same bytes in both key orders at every state and delete fraction for 7 of 8 library maps"), md);
        assertTrue(md.contains("`RemedyCostBenchmark.reclaim` was timed at value size 128 (memory pass: 64, 96, 127, 128, 129, "
                + "160, 192, 256)"), "the timing pass says which points it timed");
        String box = md.substring(md.indexOf("> **Key findings**"), md.indexOf("## 1. "));
        assertTrue(box.contains("**JDK_HASH_MAP REBUILD** at 0.5 frees 4.00 MiB in 11.11 ms (n=10, allocates 19.26 MiB)"), box);
        assertTrue(box.contains("JDK_HASH_MAP (keys RANDOM) 12.6×") && box.contains("JDK_HASH_MAP (keys SEQUENTIAL) 10.7×"), box);
    }

    private String render(String name) throws IOException {
        Path run = copyInputs(REPORTS.resolve(name), tmp.resolve(name));
        assertTrue(ReportCommand.renderFolder(run, line -> { }));
        return Files.readString(run.resolve("report.md"));
    }

    /**
     * summary.md and report.md print a number the same way (issue 10: they used to differ, 0.06 against 0.0626):
     * under the seed's conditions, every subject's START, FILLED and DELETED (JOL) at 128 bytes in summary.md's KEEP row
     * are the cells report.md's seed table shows.
     */
    @ParameterizedTest
    @ValueSource(strings = {"20261124-085330-seed", "20261124-085701-full"})
    void summaryMdPrintsEveryNumberAsReportMdDoes(String name) throws IOException {
        Path run = copyInputs(REPORTS.resolve(name), tmp.resolve(name));
        assertTrue(ReportCommand.renderFolder(run, line -> { }));
        Scenario seed = RunData.load(run, List.of(), List.of()).seed();
        List<String> summary = Files.readAllLines(run.resolve("summary.md"));
        List<String> report = Files.readAllLines(run.resolve("report.md"));
        List<String> seed128 = report.subList(report.indexOf("### 128-byte values"), report.size());
        List<String> header = summary.stream().map(PublishedRunsRerenderTest::cells)
                .filter(c -> !c.isEmpty() && c.get(0).equals("subject")).findFirst().orElseThrow();
        int start = header.indexOf("START JOL");
        int compared = 0;
        rows:
        for (String row : summary) {
            List<String> cells = cells(row);
            if (cells.size() != header.size() || !cells.get(1).equals("128") || !cells.get(2).equals("KEEP")) {
                continue;
            }
            // the parameters that vary in the run (entries, deleteFraction, ...) sit between strategy and START JOL
            for (int i = 3; i < start; i++) {
                if (!cells.get(i).equals(seed.get(header.get(i)))) {
                    continue rows;
                }
            }
            String subject = cells.get(0);
            List<String> seedRow = seed128.stream().map(PublishedRunsRerenderTest::cells)
                    .filter(c -> !c.isEmpty() && c.get(0).equals(subject)).findFirst().orElseThrow();
            // report.md's seed table: map | whose | storage | START | FILLED | DELETED | ...
            assertEquals(seedRow.subList(3, 6), cells.subList(start, start + 3), subject);
            compared++;
        }
        assertEquals(seed.subjects().size(), compared, "every subject measured under the seed's conditions");
        assertTrue(compared >= 6, "compared " + compared);
    }

    /** The files a run folder is rendered from, nothing it renders. */
    static Path copyInputs(Path published, Path to) throws IOException {
        Files.createDirectories(to.resolve("results"));
        for (String f : List.of("plan.json", "run.json", "environment.json", "console.log", "subjects.json", "LEFT-OUT.md")) {
            if (Files.isRegularFile(published.resolve(f))) {
                Files.copy(published.resolve(f), to.resolve(f));
            }
        }
        try (Stream<Path> results = Files.list(published.resolve("results"))) {
            for (Path r : results.toList()) {
                Files.copy(r, to.resolve("results").resolve(r.getFileName()));
            }
        }
        return to;
    }

    private static List<String> cells(String row) {
        if (!row.startsWith("| ")) {
            return List.of();
        }
        return Stream.of(row.substring(2, row.length() - 2).split(" \\| ")).toList();
    }
}
