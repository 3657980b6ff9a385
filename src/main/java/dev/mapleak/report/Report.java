package dev.mapleak.report;

import dev.mapleak.folder.RunFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The published report of a run folder, made from its JSON files alone: {@code report.md} (reads well on
 * GitHub), {@code report.html} (one self-contained page) and the charts under {@code charts/}, in the order of
 * {@link Section}.
 */
public final class Report {

    /** What was written, and everything that had to be left out (already listed in the report's caveats section). */
    public record Written(Path markdown, Path html, List<String> skipped) {
    }

    private Report() {
    }

    public static Written write(Path runDir, List<String> notApplicable, List<String> failures) throws IOException {
        return write(RunData.load(runDir, notApplicable, failures));
    }

    /** Writes report.md, report.html and the charts into {@code data.runDir()}. */
    public static Written write(RunData data) throws IOException {
        Path runDir = data.runDir();
        List<String> chartProblems = new ArrayList<>();
        ReportDocument doc = build(data, chartProblems);
        Path md = runDir.resolve("report.md");
        Path html = runDir.resolve("report.html");
        RunFolder.writeAtomically(md, MarkdownWriter.write(doc));
        RunFolder.writeAtomically(html, HtmlWriter.write(doc, runDir));
        List<String> skipped = new ArrayList<>();
        data.info().problems().forEach(skipped::add);
        data.results().problems().forEach(p -> skipped.add("results/" + p));
        skipped.addAll(chartProblems);
        return new Written(md, html, List.copyOf(skipped));
    }

    static ReportDocument build(RunData data, List<String> chartProblems) {
        ReportDocument doc = new ReportDocument();
        doc.heading(1, ReportTitle.of(data), "top");
        doc.paragraph(ReportTitle.subtitle(data));
        NarrowedRun.banner(data).ifPresent(doc::notice);
        List<String> findings = KeyFindings.of(data);
        if (!findings.isEmpty()) {
            doc.findings("Key findings", findings);
        }
        doc.paragraph(headline(data));
        for (Section section : Section.values()) {
            section.heading(doc);
            switch (section) {
                case RUN -> RunSection.add(doc, data);
                case SEED -> {
                    SeedSection.add(doc, data);
                    KeyOrderSection.add(doc, data);
                }
                case CHARTS -> chartProblems.addAll(Charts.add(doc, data));
                case OPERATIONS -> OperationsSection.add(doc, data);
                case CLAIMS -> ClaimsCheck.add(doc, data);
                case REMEDY_COST -> RemedyCostSection.add(doc, data);
                case ADVICE -> Advice.add(doc, data);
                case CAVEATS -> CaveatsSection.add(doc, data, chartProblems);
            }
        }
        return doc;
    }

    /** One line under the findings: the seed's claims, counted by verdict, and where they are checked. */
    static String headline(RunData data) {
        List<String> parts = new ArrayList<>();
        for (ClaimsCheck.Claim c : ClaimsCheck.check(data)) {
            java.util.Map<Verdict, Long> n = c.findings().stream()
                    .collect(java.util.stream.Collectors.groupingBy(ClaimsCheck.Finding::verdict, java.util.TreeMap::new,
                            java.util.stream.Collectors.counting()));
            List<String> counts = new ArrayList<>();
            n.forEach((v, k) -> counts.add(v.label() + (k > 1 ? " ×" + k : "")));
            parts.add("“" + c.title() + "”: " + String.join(", ", counts));
        }
        return "The Go article's claims, checked per group of maps in " + Section.CLAIMS.reference() + ": "
                + String.join("; ", parts) + ".";
    }
}
