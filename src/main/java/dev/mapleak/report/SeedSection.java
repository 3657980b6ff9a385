package dev.mapleak.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 2, the seed's experiment in Java: for each subject at 128 and 129 bytes, what the map retains at
 * START, FILLED, DELETED and RECLAIMED, with Go's figure for the same state (GO_HYBRID's model) beside it.
 */
final class SeedSection {

    /** The seed's own printout (Go, 1M entries of [128]byte, HeapAlloc in MB = MiB): quoted, not measured. */
    static final double[] SEED_PRINTOUT_MIB = {0.18, 479.40, 293.50};
    static final long SEED_ENTRIES = 1_000_000;

    private SeedSection() {
    }

    static void add(ReportDocument doc, RunData data) {
        Scenario s = data.seed();
        doc.heading(2, "2. The seed's experiment in Java", "seed");
        if (s.subjects().isEmpty()) {
            doc.paragraph("No LifecycleBenchmark results in this run: the seed's experiment was not measured.");
            return;
        }
        List<Integer> sizes = seedSizes(s);
        String strategy = reclaimStrategy(s);
        doc.paragraph("Conditions: " + s.describe() + ". Retained **MiB** (2^20 bytes, the unit of the seed's \"MB\") "
                + "measured by JOL: every byte reachable from the map, exact and deterministic. "
                + "**kept** = (DELETED − START) ÷ (FILLED − START): the share of what the fill added that deleting left behind. "
                + "**heap after GC** is the JVM's own view at DELETED (heap used after a settled full GC, minus the same reading before the map existed)"
                + (data.hasRepeatedSamples() ? ", ± the 99.9% confidence half-width." : ".")
                + " RECLAIMED applies " + (strategy.isEmpty() ? "no strategy (none measured)" : "`" + strategy + "`")
                + ". The **Go runtime** row is what Go itself would hold for GO_HYBRID's state (amd64, classic maps).");
        if (!sizes.contains(128) || !sizes.contains(129)) {
            doc.paragraph("The seed's sizes (128 and 129 bytes) were not both in this run: it measured "
                    + Format.sizes(s.valueSizes()) + ", and the tables show " + Format.sizes(sizes) + ".");
        }
        for (int vs : sizes) {
            doc.heading(3, vs + "-byte values", "seed-" + vs);
            doc.table(table(s, vs, strategy));
        }
    }

    /** 128 and 129 when present, else every measured size. */
    static List<Integer> seedSizes(Scenario s) {
        List<Integer> sizes = new ArrayList<>(s.valueSizes().stream().filter(v -> v == 128 || v == 129).toList());
        return sizes.isEmpty() ? s.valueSizes() : sizes;
    }

    /** The strategy shown as RECLAIMED: the seed's remedy 1 (REBUILD) when measured, else the first measured. */
    static String reclaimStrategy(Scenario s) {
        List<String> st = s.strategies();
        if (st.contains("REBUILD")) {
            return "REBUILD";
        }
        return st.stream().filter(x -> !x.equals("KEEP")).findFirst().orElse(st.isEmpty() ? "" : st.get(0));
    }

    static ReportDocument.Table table(Scenario s, int vs, String strategy) {
        var t = new ReportDocument.TableBuilder().text("map", "storage")
                .num("START", "FILLED", "DELETED", "RECLAIMED" + (strategy.isEmpty() ? "" : " (" + strategy + ")"),
                        "kept", "heap after GC, DELETED");
        if (s.subjects().contains(RunData.GO_SUBJECT)
                && s.reading(RunData.GO_SUBJECT, vs, "FILLED", "", RunData.GO).present()) {
            t.row(List.of("**Go runtime** (GO_HYBRID model)", SubjectLayout.label(RunData.GO_SUBJECT, vs),
                    mib(s, vs, "START", strategy, RunData.GO), mib(s, vs, "FILLED", strategy, RunData.GO),
                    mib(s, vs, "DELETED", strategy, RunData.GO), mib(s, vs, "RECLAIMED", strategy, RunData.GO),
                    Format.percent(s.keptAfterDelete(RunData.GO_SUBJECT, vs, RunData.GO)), Format.MISSING));
        }
        if (vs == 128 && s.entries() == SEED_ENTRIES) {
            double[] p = SEED_PRINTOUT_MIB;
            t.row(List.of("Go, the seed's printout (HeapAlloc; quoted, not measured)", "INLINE",
                    Format.mib(p[0] * 1048576), Format.mib(p[1] * 1048576), Format.mib(p[2] * 1048576), Format.MISSING,
                    Format.percent((p[2] - p[0]) / (p[1] - p[0])), Format.MISSING));
        }
        for (String subject : s.subjects()) {
            if (s.state(subject, vs).isEmpty()) {
                continue;
            }
            t.row(List.of(subject, SubjectLayout.label(subject, vs),
                    mib(s, subject, vs, "START", strategy), mib(s, subject, vs, "FILLED", strategy),
                    mib(s, subject, vs, "DELETED", strategy), mib(s, subject, vs, "RECLAIMED", strategy),
                    Format.percent(s.keptAfterDelete(subject, vs, RunData.JOL)),
                    s.reading(subject, vs, "DELETED", "", RunData.HEAP).mib()));
        }
        return t.build();
    }

    private static String mib(Scenario s, int vs, String phase, String strategy, String metric) {
        return s.reading(RunData.GO_SUBJECT, vs, phase, strategy, metric).mib();
    }

    private static String mib(Scenario s, String subject, int vs, String phase, String strategy) {
        return s.reading(subject, vs, phase, strategy, RunData.JOL).mib();
    }
}
