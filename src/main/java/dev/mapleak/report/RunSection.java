package dev.mapleak.report;

import dev.mapleak.folder.Subjects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link Section#RUN}: what was run (profile, date, JDK, collector, flags, machine, commit) and how to run it again. */
final class RunSection {

    private RunSection() {
    }

    static void add(ReportDocument doc, RunData data) {
        RunInfo info = data.info();
        List<String> items = new ArrayList<>();
        items.add("**Profile:** `" + (info.profile().isEmpty() ? "unknown" : info.profile()) + "`");
        items.add("**Date:** " + info.date());
        items.add("**JDK and collector:** " + info.jvmSummary());
        for (RunInfo.Jvm j : info.jvms()) {
            items.add("**JVM flags" + (info.jvms().size() > 1 ? " (" + j.label() + ")" : "") + ":** `"
                    + String.join(" ", j.args()) + "`" + (j.heapUnmeasurable() ? "; heap after GC " + j.heapAfterGc() : ""));
        }
        info.jvmsLeftOut().forEach(l -> items.add("**JVM left out:** " + l));
        items.add("**Machine:** " + info.machine());
        items.add("**mapleak:** " + (info.version().isEmpty() ? "" : info.version() + ", ") + "commit " + info.commitDescription());
        items.add("**Measured:** " + measured(data));
        if (!data.subjects().recorded()) {
            items.add("**Subjects:** " + Subjects.LEGACY_NOTE);
        }
        List<String> undescribed = data.table().rows().stream().map(LifecycleTable.Row::subject).distinct()
                .filter(x -> data.subjects().find(x).isEmpty()).toList();
        if (!undescribed.isEmpty()) {
            items.add("**Subjects the run folder does not describe:** " + String.join(", ", undescribed)
                    + " (their storage shows as ?)");
        }
        doc.bullets(items);
        subjects(doc, data);
        doc.paragraph("**To reproduce:** `" + info.reproduce() + "` (then `./run-bench.sh report reports/RUN_FOLDER` re-renders this report from the JSON alone).");
    }

    /**
     * The maps measured, from the run folder's subjects.json: library maps first (class and library version), then
     * mapleak's own and Go. Only subjects with results in this run.
     */
    static void subjects(ReportDocument doc, RunData data) {
        java.util.Set<String> measured = new java.util.LinkedHashSet<>();
        data.results().measurements().forEach(m -> {
            String x = m.param("subject");
            if (x != null && !x.isEmpty()) {
                measured.add(x);
            }
        });
        data.table().rows().forEach(r -> measured.add(r.subject()));
        if (measured.isEmpty()) {
            return;
        }
        String jdk = String.join(", ", data.info().jvms().stream().map(RunInfo.Jvm::javaVersion).filter(v -> !v.isEmpty()).distinct().toList());
        var t = new ReportDocument.TableBuilder().text("map", "whose", "class", "library and version", "storage by value size");
        for (Provenance p : Provenance.values()) {
            for (dev.mapleak.folder.SubjectInfo i : data.subjects().all()) {
                if (!measured.contains(i.name()) || Provenance.of(java.util.Optional.of(i)) != p) {
                    continue;
                }
                String library = i.kind() == dev.mapleak.folder.SubjectKind.JDK && !jdk.isEmpty() ? "JDK " + jdk : i.library();
                String storage = i.storage() == null ? "" : String.join(", ", i.storage().entrySet().stream()
                        .sorted(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey())))
                        .map(e -> e.getKey() + " B " + e.getValue()).toList());
                t.row(List.of(i.name(), p.label(), "`" + i.className() + "`", library, storage));
            }
        }
        if (!t.isEmpty()) {
            doc.paragraph("**The maps measured** (the run folder's `subjects.json`): library maps, then mapleak's own and Go.");
            doc.table(t.build());
        }
    }

    /** What the results cover: benchmarks, how many results, and every lifecycle parameter's values. */
    static String measured(RunData data) {
        List<String> parts = new ArrayList<>();
        long benchmarks = data.results().measurements().stream().map(ResultSet.Measurement::benchmark).distinct().count();
        parts.add(Format.count(data.results().measurements().size()) + " results of " + benchmarks + " benchmark methods from "
                + Format.count(data.results().filesRead()) + " files");
        for (Map.Entry<String, List<String>> e : Scenario.values(data.table()).entrySet()) {
            if (!e.getKey().equals("jvm") || e.getValue().size() > 1) {
                List<String> vs = data.seed().valuesOf(e.getKey());
                parts.add(e.getKey() + " " + (e.getKey().equals("subject") && vs.size() > 4
                        ? vs.size() + " (" + String.join(", ", vs) + ")" : String.join(", ", vs)));
            }
        }
        List<Integer> samples = data.results().measurements().stream().map(m -> m.primary().samples().size()).distinct().sorted().toList();
        if (!samples.isEmpty()) {
            parts.add("samples per result " + (samples.size() == 1 ? samples.get(0) : samples.get(0) + "–" + samples.get(samples.size() - 1)));
        }
        return String.join("; ", parts);
    }
}
