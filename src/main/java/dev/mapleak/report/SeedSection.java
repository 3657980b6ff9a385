package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Section#SEED}, the seed's experiment in Java: for each subject at 128 and 129 bytes, what the map retains at
 * START, FILLED, DELETED and RECLAIMED, with Go's figure for the same state (the Go model's subject) beside it.
 */
final class SeedSection {

    /** The seed's own printout (Go, 1M entries of [128]byte, HeapAlloc in MB = MiB): quoted, not measured. */
    static final double[] SEED_PRINTOUT_MIB = {0.18, 479.40, 293.50};
    static final long SEED_ENTRIES = 1_000_000;

    private SeedSection() {
    }

    static void add(ReportDocument doc, RunData data) {
        Scenario s = data.seed();
        if (s.subjects().isEmpty()) {
            doc.paragraph("No LifecycleBenchmark results in this run: the seed's experiment was not measured.");
            return;
        }
        List<Integer> sizes = seedSizes(s);
        String strategy = reclaimStrategy(s);
        doc.paragraph("Conditions: " + s.describe() + ". Retained bytes (KiB and MiB are 2^10 and 2^20 bytes; the seed's \"MB\" is MiB) "
                + "measured by JOL: every byte reachable from the map, exact and deterministic. "
                + "**kept** = (DELETED − START) ÷ (FILLED − START): the share of what the fill added that deleting left behind. "
                + "**per deleted entry** = (DELETED − START) ÷ (entries × deleteFraction): the bytes a map keeps for each entry "
                + "it lost, independent of how many it had; JOL's bytes, for the Go rows Go's (the model's figure, HeapAlloc "
                + "measured). **whose**: a library's map (the JDK's or a third party's), one of mapleak's own, or Go; "
                + "library maps come first. "
                + "**heap after GC** is the JVM's own view at DELETED (heap used after a settled full GC, minus the same reading before the map existed)"
                + (data.hasRepeatedSamples() ? ", ± the 99.9% confidence half-width." : ".")
                + " RECLAIMED applies " + (strategy.isEmpty() ? "no strategy (none measured)" : "`" + strategy + "`")
                + ". The **Go runtime** row is what Go itself would hold for " + ClaimsCheck.goName(s) + "'s state (amd64, classic maps).");
        if (!sizes.contains(128) || !sizes.contains(129)) {
            doc.paragraph("The seed's sizes (128 and 129 bytes) were not both in this run: it measured "
                    + Format.sizes(s.valueSizes()) + ", and the tables show " + Format.sizes(sizes) + ".");
        }
        for (int vs : sizes) {
            doc.heading(3, vs + "-byte values", "seed-" + vs);
            doc.table(table(s, vs, strategy));
            if (vs == 128 && s.entries() == SEED_ENTRIES) {
                doc.paragraph(printoutNote(s));
            }
            modelVersusMeasured(s, vs, strategy).ifPresent(doc::paragraph);
            regionNote(data, s, vs).ifPresent(doc::paragraph);
        }
    }

    /**
     * Go itself, measured: HeapAlloc after {@code runtime.GC()} minus the baseline, the Go figure the model row
     * computes, from the run folder's record of the Go version and map implementation.
     */
    static List<String> goMeasuredRow(Scenario s, String subject, int vs, String strategy) {
        return List.of("**Go, measured** (" + s.libraryAndClass(subject) + ")", Provenance.GO_RUNTIME.label(), s.storageLabel(subject, vs),
                s.reading(subject, vs, Phase.START, strategy, Metric.RETAINED_HEAP).bytes(),
                s.reading(subject, vs, Phase.FILLED, strategy, Metric.RETAINED_HEAP).bytes(),
                s.reading(subject, vs, Phase.DELETED, strategy, Metric.RETAINED_HEAP).bytes(),
                s.reading(subject, vs, Phase.RECLAIMED, strategy, Metric.RETAINED_HEAP).bytes(),
                Format.percent(s.keptAfterDelete(subject, vs, Metric.RETAINED_HEAP)),
                Format.bytesPerDeleted(s.keptPerDeletedEntry(subject, vs, Metric.RETAINED_HEAP)), Format.MISSING);
    }

    /**
     * The Go model against Go measured, per phase at one value size: (model − measured) ÷ measured. Only where the
     * measured Go has classic maps, the layout the model copies; a Swiss-table Go is not compared with it.
     */
    static Optional<String> modelVersusMeasured(Scenario s, int vs, String strategy) {
        Optional<String> model = s.goSubject();
        Optional<String> measured = s.goRuntime().filter(x -> s.storage(x, vs).isPresent());
        if (model.isEmpty() || measured.isEmpty() || s.state(measured.get(), vs).isEmpty()) {
            return Optional.empty();
        }
        String impl = s.info(measured.get()).map(i -> i.className()).orElse("");
        if (!impl.contains("classic")) {
            return Optional.of("Go model versus Go measured: not compared, the measured Go has " + impl
                    + ": the model copies Go's classic (pre-1.24) bucket map, not Swiss tables.");
        }
        List<String> parts = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            double m = s.reading(model.get(), vs, phase, strategy, Metric.RETAINED_GO).score();
            double g = s.reading(measured.get(), vs, phase, strategy, Metric.RETAINED_HEAP).score();
            if (Double.isNaN(m) || Double.isNaN(g)) {
                continue;
            }
            // An empty map holds a few dozen bytes either way (the program's own holder is 16): a share of that says nothing.
            parts.add(g >= Format.MIB
                    ? phase.name() + " " + Format.bytes(m) + " vs " + Format.bytes(g) + " (" + Format.signedPercent((m - g) / g) + ")"
                    : phase.name() + " " + Format.count((long) m) + " vs " + Format.count((long) g) + " bytes");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("Go model versus Go measured (" + measured.get() + ", "
                + s.info(measured.get()).map(i -> i.library()).orElse("Go") + "), " + vs + "-byte values: "
                + String.join("; ", parts) + ".");
    }

    /**
     * Why the seed's printout row has no kept share: its FILLED figure was read before any GC, so it includes the
     * old buckets Go has not swept after growing the map; after a GC Go holds what the Go rows show.
     */
    static String printoutNote(Scenario s) {
        String afterGc = s.goSubject()
                .map(g -> s.reading(g, 128, Phase.FILLED, "", Metric.RETAINED_GO))
                .filter(Reading::present)
                .map(r -> " Go after a GC holds " + r.bytes() + " filled (the Go runtime row above) and the same after the "
                        + "deletes: it keeps 100%.")
                .orElse("");
        return "¹ The seed's " + Format.bytes(SEED_PRINTOUT_MIB[1] * Format.MIB) + " after the inserts was read without a "
                + "GC: it includes the old buckets Go has not yet swept after growing the map, while its "
                + Format.bytes(SEED_PRINTOUT_MIB[2] * Format.MIB) + " after the deletes follows `runtime.GC()`. A share "
                + "computed from the two would mix a reading before a GC with one after it, so none is shown." + afterGc;
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

    /**
     * One value size's table: library maps first, then mapleak's own, then Go (the model's figure, the seed's printout,
     * Go measured), each row saying whose map it is.
     */
    static ReportDocument.Table table(Scenario s, int vs, String strategy) {
        var t = new ReportDocument.TableBuilder().text("map", "whose", "storage")
                .num(Phase.START.name(), Phase.FILLED.name(), Phase.DELETED.name(), Phase.RECLAIMED.name() + (strategy.isEmpty() ? "" : " (" + strategy + ")"),
                        "kept", "per deleted entry", "heap after GC, DELETED");
        for (Provenance p : List.of(Provenance.LIBRARY, Provenance.MAPLEAK, Provenance.GO_MODEL, Provenance.UNKNOWN)) {
            for (String subject : s.subjects()) {
                if (s.provenance(subject) != p || s.state(subject, vs).isEmpty()) {
                    continue;
                }
                t.row(List.of(subject, p.label() + library(s, subject), s.storageLabel(subject, vs),
                        jolBytes(s, subject, vs, Phase.START, strategy), jolBytes(s, subject, vs, Phase.FILLED, strategy),
                        jolBytes(s, subject, vs, Phase.DELETED, strategy), jolBytes(s, subject, vs, Phase.RECLAIMED, strategy),
                        Format.percent(s.keptAfterDelete(subject, vs, Metric.RETAINED_JOL)),
                        Format.bytesPerDeleted(s.keptPerDeletedEntry(subject, vs, Metric.RETAINED_JOL)),
                        heapAfterGc(s, subject, vs)));
            }
        }
        Optional<String> go = s.goSubject().filter(g -> s.subjects().contains(g)
                && s.reading(g, vs, Phase.FILLED, "", Metric.RETAINED_GO).present());
        if (go.isPresent()) {
            String g = go.get();
            t.row(List.of("**Go runtime** (" + g + " model)", Provenance.GO_MODEL.label(), s.storageLabel(g, vs),
                    s.reading(g, vs, Phase.START, strategy, Metric.RETAINED_GO).bytes(), s.reading(g, vs, Phase.FILLED, strategy, Metric.RETAINED_GO).bytes(),
                    s.reading(g, vs, Phase.DELETED, strategy, Metric.RETAINED_GO).bytes(), s.reading(g, vs, Phase.RECLAIMED, strategy, Metric.RETAINED_GO).bytes(),
                    Format.percent(s.keptAfterDelete(g, vs, Metric.RETAINED_GO)),
                    Format.bytesPerDeleted(s.keptPerDeletedEntry(g, vs, Metric.RETAINED_GO)), Format.MISSING));
        }
        if (vs == 128 && s.entries() == SEED_ENTRIES) {
            // No kept share: the seed read FILLED before any GC (old buckets not yet swept) and DELETED after one.
            double[] p = SEED_PRINTOUT_MIB;
            t.row(List.of("Go, the seed's printout (HeapAlloc; quoted, not measured)¹", "the Go article", "INLINE",
                    Format.bytes(p[0] * Format.MIB), Format.bytes(p[1] * Format.MIB), Format.bytes(p[2] * Format.MIB), Format.MISSING,
                    Format.MISSING, Format.MISSING, Format.MISSING));
        }
        for (String subject : s.subjectsIn(MapGroup.GO_RUNTIME)) {
            if (s.state(subject, vs).isPresent()) {
                t.row(goMeasuredRow(s, subject, vs, strategy));
            }
        }
        return t.build();
    }

    /**
     * ": fastutil 8.5.19" for a third-party library; for the Go model's own row, that its numbers are its Java
     * footprint (JOL), not Go's; nothing for the JDK or mapleak (the kind says it).
     */
    static String library(Scenario s, String subject) {
        return s.info(subject).map(i -> switch (i.kind()) {
            case LIBRARY -> ": " + i.library();
            case GO_MODEL -> " (its Java footprint)";
            default -> "";
        }).orElse("");
    }

    /**
     * Where G1 rounds a humongous table (an array of at least half a region) up to whole regions, heap after GC
     * reads more than JOL: say so with the region size, naming the maps it affects. Only where the run recorded
     * the region size (environment.json's heapSizing).
     */
    static Optional<String> regionNote(RunData data, Scenario s, int vs) {
        String label = s.get("jvm").isEmpty() ? data.info().jvms().stream().map(RunInfo.Jvm::label).findFirst().orElse("")
                : s.get("jvm");
        long region = data.info().jvm(label).map(RunInfo.Jvm::regionBytes).orElse(0L);
        if (region <= 0) {
            return Optional.empty();
        }
        List<String> rounded = new ArrayList<>();
        for (String subject : s.subjects()) {
            double heap = s.reading(subject, vs, Phase.DELETED, "", Metric.RETAINED_HEAP).score();
            double jol = s.reading(subject, vs, Phase.DELETED, "", Metric.RETAINED_JOL).score();
            if (jol >= region / 2.0 && heap - jol >= region / 4.0) {
                rounded.add(subject + " " + Format.bytes(jol) + " → " + Format.bytes(heap));
            }
        }
        if (rounded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Heap after GC counts whole G1 regions (" + Format.bytes(region) + " here) for every array "
                + "of at least half a region (a humongous object), so a map's table reads larger on the heap than JOL's "
                + "exact size, at DELETED: " + String.join("; ", rounded) + ".");
    }

    /**
     * Heap after GC at DELETED: "< floor" where it is within the probe's noise floor (two readings closer than that
     * count as equal), and marked where the GCs behind it never settled. Runs made before the probe recorded its
     * floor print the number as it is.
     */
    static String heapAfterGc(Scenario s, String subject, int vs) {
        Reading heap = s.reading(subject, vs, Phase.DELETED, "", Metric.RETAINED_HEAP);
        if (!heap.present()) {
            return heap.bytes();
        }
        Reading floor = s.reading(subject, vs, Phase.DELETED, "", Metric.HEAP_PROBE_FLOOR);
        String cell = floor.present() && Math.abs(heap.score()) < floor.score()
                ? "< " + Format.bytes(floor.score()) + " (probe floor)" : heap.bytes();
        boolean unsettled = s.reading(subject, vs, Phase.DELETED, "", Metric.HEAP_PROBE_UNSETTLED).present();
        return unsettled ? cell + " (unsettled)" : cell;
    }

    private static String jolBytes(Scenario s, String subject, int vs, Phase phase, String strategy) {
        return s.reading(subject, vs, phase, strategy, Metric.RETAINED_JOL).bytes();
    }
}
