package dev.mapleak.report;

import dev.mapleak.folder.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code summary.md}: the seed's table for Java, printed at the end of every run and saved in its folder.
 * Retained MiB at START, FILLED, DELETED and RECLAIMED by JOL (exact bytes reachable from the map) and by
 * heap-after-GC (what the JVM really kept), and for GO_HYBRID what Go's runtime would keep.
 */
public final class Summary {

    private Summary() {
    }

    /** Writes summary.md into {@code runDir} from results already read, and hands every line to {@code printer}. */
    public static void write(Path runDir, ResultSet results, List<String> notApplicable, List<String> failures,
                             Consumer<String> printer) throws IOException {
        String text = render(runDir.getFileName().toString(), results, notApplicable, failures);
        RunFolder.writeAtomically(runDir.resolve("summary.md"), text);
        text.lines().forEach(printer);
    }

    static String render(String runName, ResultSet results, List<String> notApplicable, List<String> failures) {
        LifecycleTable table = LifecycleTable.of(results);
        StringBuilder md = new StringBuilder();
        md.append("# mapleak summary: ").append(runName).append("\n\n");
        md.append("Retained MiB (1 MiB = 1,048,576 bytes) after each phase. **JOL**: exact bytes reachable from the map. ")
                .append("**heap**: heap used after a settled full GC minus the same reading before the map existed. ")
                .append("**Go**: what Go's runtime would hold for GO_HYBRID's state (amd64, classic maps). ")
                .append("**reclaim ms**: time of the strategy itself.\n\n");
        if (table.rows().stream().anyMatch(r -> r.delete().isEmpty() && r.deleted().isPresent())) {
            md.append("This run has no delete groups: DELETED is what the KEEP reclaim group measured, the same state ")
                    .append("(KEEP changes nothing).\n\n");
        }
        if (table.rows().isEmpty()) {
            md.append("No LifecycleBenchmark results in this run.\n");
        } else {
            List<String> extras = table.varyingExtras();
            List<String> head = new ArrayList<>(List.of("subject", "valueSize", "strategy"));
            head.addAll(extras);
            head.addAll(List.of("START JOL", "FILLED JOL", "DELETED JOL", "RECLAIMED JOL",
                    "FILLED heap", "DELETED heap", "RECLAIMED heap", "Go FILLED → DELETED → RECLAIMED", "reclaim ms"));
            md.append(row(head)).append(row(head.stream().map(h -> h.equals("subject") || h.equals("strategy") ? "---" : "---:").toList()));
            for (LifecycleTable.Row r : table.rows()) {
                List<String> cells = new ArrayList<>(List.of(r.subject(), String.valueOf(r.valueSize()),
                        r.strategy().isEmpty() ? "–" : r.strategy()));
                extras.forEach(e -> cells.add(r.key().getOrDefault(e, "")));
                for (String phase : LifecycleTable.PHASES) {
                    cells.add(mib(r.at(phase, "retained.jol.bytes")));
                }
                for (String phase : List.of("FILLED", "DELETED", "RECLAIMED")) {
                    cells.add(mib(r.at(phase, "retained.heap.bytes")));
                }
                cells.add(r.subject().equals("GO_HYBRID")
                        ? mib(r.at("FILLED", "retained.go.bytes")) + " → " + mib(r.at("DELETED", "retained.go.bytes"))
                        + " → " + mib(r.at("RECLAIMED", "retained.go.bytes"))
                        : "");
                cells.add(r.reclaim().map(m -> number(m.primary().score(), 2)).orElse("–"));
                md.append(row(cells));
            }
        }
        md.append(JvmSection.render(results));
        section(md, "Not applicable (left out of the run)", notApplicable);
        section(md, "Failed groups", failures);
        section(md, "Result files skipped", results.problems());
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            md.append("\n## ").append(title).append("\n\n");
            lines.forEach(l -> md.append("- ").append(l).append('\n'));
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

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    static String mib(double bytes) {
        return Double.isNaN(bytes) ? "–" : number(bytes / 1048576.0, 2);
    }

    static String number(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
