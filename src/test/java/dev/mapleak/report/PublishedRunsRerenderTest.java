package dev.mapleak.report;

import dev.mapleak.folder.Subjects;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two published runs under {@code reports/} re-render from their JSON alone (results/, plan.json, run.json,
 * environment.json, console.log: not their report.md) into exactly the committed report.md, but for the lines
 * issue 10 changes on purpose, listed in {@link #INTENDED}. The committed folders themselves are never rewritten.
 */
class PublishedRunsRerenderTest {

    static final Path REPORTS = Path.of("reports");

    /**
     * Lines a re-render adds to the committed report.md on purpose. Both runs predate subjects.json, so the report
     * says once, in "What was run", that it fell back to the frozen list of subjects.
     */
    static final List<String> INTENDED = List.of("- **Subjects:** " + Subjects.LEGACY_NOTE);

    /**
     * Parts issue 12 rewrote on purpose, compared apart: the seed's claims (section 5: verdicts per group of maps,
     * claim 5.5 only from readings taken in one fork, which these runs predate), the layout advice (within mapleak's
     * controlled pair), the seed printout's row (no kept share from a pre-GC and a post-GC figure) with its note, and
     * the headline, which lists section 5's verdicts.
     */
    static List<String> withoutRewrittenParts(List<String> lines) {
        List<String> kept = new ArrayList<>();
        boolean skipping = false;
        boolean afterNote = false;
        for (String line : lines) {
            if (afterNote && line.isEmpty()) {
                afterNote = false;
                continue;
            }
            afterNote = line.startsWith("¹ The seed's");
            if (line.startsWith("## 5. ") || line.equals("### When storage layout matters")) {
                skipping = true;
            } else if (skipping && (line.startsWith("## ") || line.startsWith("### ") && !line.startsWith("### 5."))) {
                skipping = false;
            }
            // the headline lists the verdicts of section 5
            boolean headline = line.startsWith("How much memory maps keep after their entries are deleted, and what each remedy costs, measured");
            if (!skipping && !headline && !line.startsWith("| Go, the seed's printout") && !line.startsWith("¹ The seed's")) {
                kept.add(line);
            }
        }
        return kept;
    }

    /**
     * Issue 11's changes to the full run's section 4, on purpose: the churn table shows the Go model's figure beside
     * GO_HYBRID's Java ones (385,693,408 bytes in its result file = 367.83 MiB), and the operation tables are
     * followed by the note on what a reference store costs under G1. Committed line → re-rendered line.
     */
    static final Map<String, String> CHURN_TABLE_WITH_GO = linked(
            "| subject | score | retained MiB (JOL) | heap after GC MiB |", "| subject | score | retained MiB (JOL) | heap after GC MiB | Go model MiB |",
            "| --- | ---: | ---: | ---: |", "| --- | ---: | ---: | ---: | ---: |",
            "| JDK_HASH_MAP | 110.08 | 191.11 | 193.11 |", "| JDK_HASH_MAP | 110.08 | 191.11 | 193.11 | – |",
            "| FASTUTIL | 273.56 | 153.33 | 157.33 |", "| FASTUTIL | 273.56 | 153.33 | 157.33 | – |",
            "| ECLIPSE | 82.38 | 169.33 | 173.33 |", "| ECLIPSE | 82.38 | 169.33 | 173.33 | – |",
            "| FLAT_INLINE | 201.20 | 264.00 | 268.00 |", "| FLAT_INLINE | 201.20 | 264.00 | 268.00 | – |",
            "| FLAT_POINTER | 225.06 | 153.33 | 157.33 |", "| FLAT_POINTER | 225.06 | 153.33 | 157.33 | – |",
            "| GO_HYBRID | 454.96 | 362.76 | 370.01 |", "| GO_HYBRID | 454.96 | 362.76 | 370.01 | 367.83 |");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"20261124-085330-seed", "20261124-085701-full"})
    void reportMdReRendersAsPublishedApartFromTheIntendedLines(String name) throws IOException {
        Path published = REPORTS.resolve(name);
        Path run = copyInputs(published, tmp.resolve(name));
        List<String> printed = new ArrayList<>();
        assertTrue(ReportCommand.renderFolder(run, printed::add), String.join("\n", printed));

        List<String> committed = Files.readAllLines(published.resolve("report.md"));
        List<String> rendered = new ArrayList<>(Files.readAllLines(run.resolve("report.md")));
        for (String line : INTENDED) {
            assertTrue(rendered.remove(line), "the re-render should add: " + line);
        }
        if (name.endsWith("-full")) {
            // the note is a paragraph of its own: its line and the blank line before it
            int note = rendered.indexOf(OperationsSection.REFERENCE_STORE_NOTE);
            assertTrue(note > 0 && rendered.get(note - 1).isEmpty(), "the re-render should add the reference-store note");
            rendered.subList(note - 1, note + 1).clear();
            committed = new ArrayList<>(committed);
            int table = committed.indexOf(CHURN_TABLE_WITH_GO.keySet().iterator().next());
            assertTrue(table > 0, "the committed report has the churn table");
            for (int i = table; i < table + CHURN_TABLE_WITH_GO.size(); i++) { // its lines in order, so the separator too
                committed.set(i, CHURN_TABLE_WITH_GO.get(committed.get(i)));
            }
        }
        // Issue 11 on purpose: a new section "What a remedy costs" before the advice, whose strategy ranking is replaced
        // (these runs have no timing pass, so it ranks nothing); every other section reads as published, renumbered.
        assertTrue(rendered.contains("No timing pass in this run (`" + RemedyCosts.BENCHMARK + "`): no time is published as a cost. "
                + "The lifecycle groups' phase times are single shots taken with memory probes armed (full GCs before the shot, "
                + "heap resized), a different experiment from a timed one."), "the new section says why it is empty");
        assertTrue(rendered.stream().anyMatch(l -> l.startsWith("Nothing is ranked: this run has no timing pass")));
        assertEquals(String.join("\n", withoutIssue11Sections(withoutRewrittenParts(committed))),
                String.join("\n", withoutIssue11Sections(withoutRewrittenParts(rendered))));
        // what issue 12 rewrote must now say
        String md = String.join("\n", rendered);
        assertTrue(md.contains("| Java's maps (JDK and libraries) (G1) | not read in one fork in this run"), md);
        assertFalse(md.contains("median share returned"), "no claim 5.5 verdict from readings of two forks");
        if (name.endsWith("-seed")) {
            assertTrue(md.contains("| Go, the seed's printout (HeapAlloc; quoted, not measured)¹ | INLINE | 0.180 | 479.40 | 293.50 | – | – | – |"), md);
        }
    }

    /**
     * The report without what issue 11 rewrote (the advice), added (the remedy-cost section) or removed (the chart of the
     * memory groups' times as a ratio to KEEP's, with its caption), headings and references unnumbered.
     */
    static List<String> withoutIssue11Sections(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        boolean blankAfterDropped = false;
        for (String line : lines) {
            if (line.startsWith("![Time of each strategy, as a ratio to KEEP](charts/strategies-time-")
                    || line.startsWith("*Time of each strategy ÷ time of KEEP")) {
                blankAfterDropped = true;
                continue;
            }
            if (blankAfterDropped && line.isEmpty()) {
                blankAfterDropped = false;
                continue;
            }
            blankAfterDropped = false;
            if (line.startsWith("## ")) {
                // issue 16 redrew the charts (their alt texts and captions with them): the section is compared by
                // ChartSeriesTest, not against the published text
                skipping = line.matches("## \\d+\\. (Advice from these numbers|What a remedy costs|Charts)");
            }
            if (!skipping) {
                out.add(line.replaceAll("^## \\d+\\. ", "## N. ").replaceAll("section \\d+", "section N"));
            }
        }
        return out;
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
            // report.md's seed table: map | storage | START | FILLED | DELETED | ...
            assertEquals(seedRow.subList(2, 5), cells.subList(start, start + 3), subject);
            compared++;
        }
        assertEquals(seed.subjects().size(), compared, "every subject measured under the seed's conditions");
        assertTrue(compared >= 6, "compared " + compared);
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The files a run folder is rendered from, nothing it renders. */
    static Path copyInputs(Path published, Path to) throws IOException {
        Files.createDirectories(to.resolve("results"));
        for (String f : List.of("plan.json", "run.json", "environment.json", "console.log")) {
            Files.copy(published.resolve(f), to.resolve(f));
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
