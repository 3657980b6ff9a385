package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.folder.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code summary.md}: the seed's table for Java, every row of it, saved in the run folder (a run's console ends with
 * the key findings and points here).
 * Retained bytes at START, FILLED, DELETED and RECLAIMED by JOL (exact bytes reachable from the map) and by
 * heap-after-GC (what the JVM really kept), and for the Go model what Go's runtime would keep. Built from the
 * same {@link RunData} and rendered by the same {@link MarkdownWriter} as report.md, so a number reads the same
 * in both.
 */
public final class Summary {

    private Summary() {
    }

    /** Writes summary.md into the run folder; the console shows the key findings instead ({@link ConsoleEnd}). */
    public static Path write(RunData data) throws IOException {
        Path file = data.runDir().resolve("summary.md");
        RunFolder.writeAtomically(file, MarkdownWriter.write(build(data)));
        return file;
    }

    /** Writes summary.md and hands every line to {@code printer}. */
    public static void write(RunData data, Consumer<String> printer) throws IOException {
        Files.readString(write(data)).lines().forEach(printer);
    }

    static ReportDocument build(RunData data) {
        LifecycleTable table = data.table();
        Scenario s = data.seed();
        ReportDocument doc = new ReportDocument();
        doc.heading(1, "mapleak summary: " + data.runDir().getFileName(), "top");
        doc.paragraph("Retained bytes after each phase (1 KiB = 1,024 bytes, 1 MiB = 1,048,576). **JOL**: exact bytes reachable from the map. "
                + "**heap**: heap used after a settled full GC minus the same reading before the map existed. "
                + "**Go**: what Go's runtime would hold for " + ClaimsCheck.goName(s) + "'s state (amd64, classic maps). "
                + "**per deleted entry**: (DELETED − START) ÷ (entries × deleteFraction), JOL: the bytes a map keeps for "
                + "each entry it lost. **reclaim ms**: time of the strategy itself. **whose**: a library's map (the JDK's "
                + "or a third party's), mapleak's own, mapleak's Go model or Go measured.");
        if (table.rows().stream().anyMatch(r -> r.delete().isEmpty() && r.deleted().isPresent())) {
            doc.paragraph("This run has no delete groups: DELETED is what the KEEP reclaim group measured, the same state "
                    + "(KEEP changes nothing).");
        }
        if (table.rows().isEmpty()) {
            doc.paragraph("No LifecycleBenchmark results in this run.");
        } else {
            List<String> extras = table.varyingExtras();
            var t = new ReportDocument.TableBuilder().text("subject").num("valueSize").text("strategy");
            extras.forEach(t::num);
            for (Phase phase : Phase.values()) {
                t.num(phase + " JOL");
            }
            t.num("per deleted entry");
            for (Phase phase : HEAP_PHASES) {
                t.num(phase + " heap");
            }
            t.num("Go " + String.join(" → ", HEAP_PHASES.stream().map(Phase::name).toList()), "reclaim ms");
            t.text("whose");
            for (LifecycleTable.Row r : table.rows()) {
                List<String> cells = new ArrayList<>(List.of(r.subject(), String.valueOf(r.valueSize()),
                        r.strategy().isEmpty() ? Format.MISSING : r.strategy()));
                extras.forEach(e -> cells.add(r.key().getOrDefault(e, "")));
                for (Phase phase : Phase.values()) {
                    cells.add(Format.bytes(r.at(phase, Metric.RETAINED_JOL)));
                }
                cells.add(Format.bytesPerDeleted(Scenario.perDeletedEntry(r.at(Phase.START, Metric.RETAINED_JOL),
                        r.at(Phase.DELETED, Metric.RETAINED_JOL), Scenario.number(r.key().get("entries")),
                        Scenario.number(r.key().get("deleteFraction")))));
                for (Phase phase : HEAP_PHASES) {
                    cells.add(Format.bytes(r.at(phase, Metric.RETAINED_HEAP)));
                }
                cells.add(s.isGo(r.subject()) ? String.join(" → ", HEAP_PHASES.stream()
                        .map(phase -> Format.bytes(r.at(phase, Metric.RETAINED_GO))).toList()) : "");
                cells.add(r.reclaim().map(m -> Format.ms(m.primary().score())).orElse(Format.MISSING));
                cells.add(s.provenance(r.subject()).label());
                t.row(cells);
            }
            doc.table(t.build());
        }
        JvmSection.add(doc, table, data.results(), 2, "jvm");
        section(doc, "Not applicable (left out of the run)", data.notApplicable());
        section(doc, "Failed groups", data.failures());
        section(doc, "Result files skipped", data.results().problems());
        return doc;
    }

    /** The phases the summary shows heap after GC and Go's figure at (the report has START too). */
    private static final List<Phase> HEAP_PHASES = List.of(Phase.FILLED, Phase.DELETED, Phase.RECLAIMED);

    private static void section(ReportDocument doc, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            doc.heading(2, title, "");
            doc.bullets(lines);
        }
    }

    /** One line per failed group, from {@code failures/*.json}. */
    static List<String> failures(Path runDir) {
        Path dir = runDir.resolve("failures");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = f.getFileName().toString();
                String reason;
                try {
                    reason = com.google.gson.JsonParser.parseString(Files.readString(f)).getAsJsonObject().get("reason").getAsString();
                } catch (RuntimeException | IOException e) {
                    reason = "(unreadable failure record)";
                }
                lines.add(name.substring(0, name.length() - 5).replace(',', ' ') + ": " + reason);
            }
        } catch (IOException e) {
            lines.add(dir + ": " + e.getMessage());
        }
        return lines;
    }
}
