package dev.mapleak.report;

import dev.mapleak.folder.Metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Section#CAVEATS}: how much to trust the numbers (samples and error bars) and what is missing: combinations left
 * out as not applicable, groups that failed, files that could not be read, charts that could not be drawn.
 */
final class CaveatsSection {

    private CaveatsSection() {
    }

    static void add(ReportDocument doc, RunData data, List<String> chartProblems) {
        long total = data.results().measurements().size();
        long repeated = data.results().measurements().stream().filter(m -> m.primary().samples().size() > 1).count();
        if (repeated == 0) {
            doc.paragraph("Every result is a single sample (one measured iteration in one fork): no error can be estimated, so "
                    + "tables show no ± and charts no error bars. JOL sizes are exact regardless; times and heap readings are indicative only.");
        } else {
            doc.paragraph(Format.count(repeated) + " of " + Format.count(total) + " results have several samples: their ± in the "
                    + "tables, and the error bars in the time chart, are JMH's 99.9% confidence half-width (Student's t over the "
                    + "samples). JOL sizes are exact: their error is zero.");
        }
        doc.heading(3, "Not applicable (left out of the run, with the reason)", "not-applicable");
        doc.bullets(orNone(groupByReason(data.notApplicable()), "none"));
        List<String> unmeasured = heapUnmeasured(data);
        if (!unmeasured.isEmpty() || !data.info().jvmsLeftOut().isEmpty()) {
            doc.heading(3, "JVMs left out, and readings a JVM cannot give", "jvm-limits");
            List<String> items = new ArrayList<>();
            data.info().jvmsLeftOut().forEach(l -> items.add("left out: " + l));
            items.addAll(unmeasured);
            doc.bullets(items);
        }
        doc.heading(3, "Failed groups", "failed");
        doc.bullets(orNone(data.failures(), "none"));
        doc.heading(3, "Skipped files", "skipped");
        List<String> skipped = new ArrayList<>();
        data.info().problems().forEach(p -> skipped.add("`" + p + "`"));
        data.results().problems().forEach(p -> skipped.add("`results/" + p + "`"));
        chartProblems.forEach(p -> skipped.add("`" + p + "`"));
        doc.bullets(orNone(skipped, "none"));
        doc.paragraph("Every row of the run: [summary.md](summary.md); the raw JMH JSON: `results/`; JVMs, flags and machine: "
                + "[environment.json](environment.json).");
    }

    /**
     * Results that carry {@link Metric#HEAP_PROBE_UNUSABLE}: their JVM's System.gc() is disabled or concurrent, so heap after
     * GC is missing on purpose; the reason is the one environment.json gives for that JVM.
     */
    static List<String> heapUnmeasured(RunData data) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ResultSet.Measurement m : data.results().measurements()) {
            if (m.has(Metric.HEAP_PROBE_UNUSABLE)) {
                counts.merge(m.jvm(), 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        counts.forEach((jvm, n) -> out.add("heap after GC not measured on JVM `" + jvm + "` (" + n + " results): "
                + data.info().jvm(jvm).map(RunInfo.Jvm::heapAfterGc).filter(r -> !r.isEmpty())
                .orElse("its System.gc() is disabled or runs a concurrent cycle")));
        return out;
    }

    /** "reason (N combinations, e.g. ID)" per distinct reason: a full profile leaves out hundreds. */
    static List<String> groupByReason(List<String> lines) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (String line : lines) {
            int at = line.indexOf(": ");
            String id = at < 0 ? line : line.substring(0, at);
            String reason = at < 0 ? "(no reason given)" : line.substring(at + 2);
            byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(id);
        }
        List<String> out = new ArrayList<>();
        byReason.forEach((reason, ids) -> out.add(reason + " (" + (ids.size() == 1 ? "`" + ids.get(0) + "`"
                : ids.size() + " combinations, e.g. `" + ids.get(0) + "`") + ")"));
        return out;
    }

    private static List<String> orNone(List<String> items, String none) {
        return items.isEmpty() ? List.of(none) : items;
    }
}
