package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.folder.Storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Section 5's per-map table: one row per map (library maps first, then mapleak's own, then Go), one column per seed
 * value size (128 and 129 bytes when measured), and what the claim's rule says about that map. The thresholds are
 * {@link ClaimsCheck}'s, so a row and its group's verdict never disagree. A rule that does not apply to a map says
 * so with one line why.
 */
final class ClaimRows {

    /** One map's row: its name, whose it is, one cell per value size and the rule's result for it. */
    record MapRow(String map, String whose, List<String> cells, String result) {
    }

    private ClaimRows() {
    }

    /** The rows of claim {@code n} (1 to 5, in {@link ClaimsCheck#check} order), empty when it has none to show. */
    static List<MapRow> of(int n, RunData data) {
        Scenario s = data.seed();
        if (s.subjects().isEmpty() || Scenario.number(s.get("deleteFraction")) != 1.0) {
            return List.of();
        }
        return switch (n) {
            case 1 -> perMap(s, ClaimRows::bucketsRow);
            case 2 -> s.valueSizes().containsAll(List.of(128, 129)) ? perMap(s, ClaimRows::switchRow) : List.of();
            case 3 -> perMap(s, ClaimRows::pointerRow);
            case 4 -> s.strategies().containsAll(List.of("KEEP", "REBUILD")) ? perMap(s, ClaimRows::rebuildRow) : List.of();
            case 5 -> osRows(data);
            default -> List.of();
        };
    }

    static List<Integer> sizes(Scenario s) {
        return SeedSection.seedSizes(s);
    }

    private interface RowMaker {
        Optional<MapRow> make(Scenario s, String subject, String whose, Metric metric);
    }

    /** Every subject in reading order: library maps, mapleak's own, the Go model (Go's bytes), Go measured (HeapAlloc). */
    private static List<MapRow> perMap(Scenario s, RowMaker maker) {
        List<MapRow> rows = new ArrayList<>();
        for (Provenance p : List.of(Provenance.LIBRARY, Provenance.MAPLEAK, Provenance.GO_MODEL, Provenance.GO_RUNTIME)) {
            for (String subject : s.subjects()) {
                // Go's map[int]*[N]byte twin is not the map the claims are about (the seed's map[int][N]byte is)
                if (s.provenance(subject) != p || p == Provenance.GO_RUNTIME && subject.endsWith(LifecycleTable.GO_POINTER_SUFFIX)) {
                    continue;
                }
                Metric metric = switch (p) {
                    case GO_MODEL -> Metric.RETAINED_GO;
                    case GO_RUNTIME -> Metric.RETAINED_HEAP;
                    default -> Metric.RETAINED_JOL;
                };
                String whose = p == Provenance.GO_MODEL ? p.label() + " (Go's bytes)" : p.label();
                maker.make(s, subject, whose, metric).ifPresent(rows::add);
            }
        }
        return rows;
    }

    // ---- 1. buckets never shrink: what each map keeps after deleting everything ----------------------

    private static Optional<MapRow> bucketsRow(Scenario s, String subject, String whose, Metric metric) {
        List<String> cells = new ArrayList<>();
        List<Double> ks = new ArrayList<>();
        for (int vs : sizes(s)) {
            double k = s.keptAfterDelete(subject, vs, metric);
            cells.add(Double.isNaN(k) ? Format.MISSING : kept(s, subject, vs, metric) + " (" + Format.percent(k) + ")");
            if (!Double.isNaN(k)) {
                ks.add(k);
            }
        }
        if (ks.isEmpty()) {
            return Optional.empty();
        }
        String result;
        if (s.group(subject) == MapGroup.NO_TABLE) {
            result = "not applicable: no table to keep, each delete frees its node";
        } else if (s.group(subject) == MapGroup.CONTROLLED) {
            result = "not applicable: built never to shrink";
        } else {
            result = ks.stream().allMatch(k -> k >= ClaimsCheck.KEPT) ? "kept its table"
                    : ks.stream().allMatch(k -> k < ClaimsCheck.KEPT) ? "shrank" : "kept at some sizes";
        }
        return Optional.of(new MapRow(subject, whose, cells, result));
    }

    // ---- 2. 129 bytes switches to pointers ------------------------------------------------------------

    private static Optional<MapRow> switchRow(Scenario s, String subject, String whose, Metric metric) {
        double k128 = s.keptAfterDelete(subject, 128, metric);
        double k129 = s.keptAfterDelete(subject, 129, metric);
        if (Double.isNaN(k128) && Double.isNaN(k129)) {
            return Optional.empty();
        }
        List<String> cells = List.of(layoutCell(s, subject, 128, k128), layoutCell(s, subject, 129, k129));
        Optional<Storage> at128 = s.storage(subject, 128);
        Optional<Storage> at129 = s.storage(subject, 129);
        String result;
        if (s.group(subject) == MapGroup.CONTROLLED) {
            result = "not applicable: one layout at every size by design";
        } else if (at128.isPresent() && at128.equals(at129)) {
            result = "not applicable: " + at128.get() + " at both sizes, nothing to switch";
        } else if (Double.isNaN(k128) || Double.isNaN(k129)) {
            result = "not measured at both sizes";
        } else {
            result = k128 >= ClaimsCheck.KEPT && k129 * ClaimsCheck.SWITCH_FACTOR <= k128 ? "switches" : "no switch";
        }
        return Optional.of(new MapRow(subject, whose, cells, result));
    }

    private static String layoutCell(Scenario s, String subject, int vs, double kept) {
        return s.storageLabel(subject, vs) + ", " + (Double.isNaN(kept) ? Format.MISSING : Format.percent(kept) + " kept");
    }

    // ---- 3. pointer values let deleted values be collected ---------------------------------------------

    private static Optional<MapRow> pointerRow(Scenario s, String subject, String whose, Metric metric) {
        List<String> cells = new ArrayList<>();
        int pointer = 0;
        int collected = 0;
        boolean any = false;
        for (int vs : sizes(s)) {
            Optional<Storage> layout = s.storage(subject, vs);
            double k = metric == Metric.RETAINED_JOL ? ClaimsCheck.heapOrJolKept(s, subject, vs) : s.keptAfterDelete(subject, vs, metric);
            if (layout.isEmpty() || Double.isNaN(k)) {
                cells.add(Format.MISSING);
                continue;
            }
            any = true;
            cells.add(layout.get() + ", " + Format.percent(k) + " kept");
            if (layout.get() == Storage.POINTER) {
                pointer++;
                if (k <= ClaimsCheck.COLLECTED) {
                    collected++;
                }
            }
        }
        if (!any) {
            return Optional.empty();
        }
        String result = pointer == 0 && s.group(subject) == MapGroup.CONTROLLED ? "INLINE, the pair's contrast: values stay"
                : pointer == 0 ? "not applicable: values stored INLINE, no pointer to collect"
                : collected == pointer ? "values collected" : collected == 0 ? "values still held" : "collected at some sizes";
        return Optional.of(new MapRow(subject, whose, cells, result));
    }

    // ---- 4. rebuilding frees ---------------------------------------------------------------------------

    private static Optional<MapRow> rebuildRow(Scenario s, String subject, String whose, Metric metric) {
        List<String> cells = new ArrayList<>();
        int freed = 0;
        int notFreed = 0;
        boolean any = false;
        for (int vs : sizes(s)) {
            double start = s.reading(subject, vs, Phase.START, "", metric).score();
            double filled = s.reading(subject, vs, Phase.FILLED, "", metric).score();
            double keep = s.reading(subject, vs, Phase.RECLAIMED, "KEEP", metric).score();
            double rebuild = s.reading(subject, vs, Phase.RECLAIMED, "REBUILD", metric).score();
            if (Double.isNaN(start) || Double.isNaN(filled) || Double.isNaN(keep) || Double.isNaN(rebuild) || filled <= start) {
                cells.add(Format.MISSING);
                continue;
            }
            any = true;
            double leftover = keep - start;
            if (leftover < ClaimsCheck.KEPT * (filled - start)) {
                cells.add("nothing to free (" + Format.bytes(keep) + ")");
                continue;
            }
            double share = (keep - rebuild) / leftover;
            cells.add(Format.bytes(keep) + " → " + Format.bytes(rebuild) + " (" + Format.percent(share) + " freed)");
            if (share >= ClaimsCheck.REBUILD_FREES) {
                freed++;
            } else {
                notFreed++;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        String result = freed + notFreed == 0 ? "not applicable: kept nothing to free"
                : notFreed == 0 ? "freed" : freed == 0 ? "not freed" : "freed at some sizes";
        return Optional.of(new MapRow(subject, whose, cells, result));
    }

    // ---- 5. memory back to the OS: per library map and JVM ------------------------------------------

    private static List<MapRow> osRows(RunData data) {
        Scenario base = data.seed();
        List<MapRow> rows = new ArrayList<>();
        List<String> jvms = base.valuesOf("jvm");
        for (String jvm : jvms.isEmpty() ? List.of("") : jvms) {
            Scenario s = jvm.isEmpty() ? base : base.with("jvm", jvm);
            for (String subject : s.subjectsIn(MapGroup.JAVA_MAPS)) {
                List<String> cells = new ArrayList<>();
                boolean any = false;
                List<String> results = new ArrayList<>();
                for (int vs : sizes(s)) {
                    OsSequence q = OsSequence.at(s, subject, vs, Phase.DELETED, "");
                    if (q == null) {
                        cells.add(Format.MISSING);
                        continue;
                    }
                    any = true;
                    if (q.freedByGc() < ClaimsCheck.MIN_FREED_FOR_OS) {
                        cells.add("GC freed " + Format.bytes(q.freedByGc()));
                        results.add("too little freed to judge");
                        continue;
                    }
                    cells.add((q.returnedShare() < 0 ? "none" : q.returnedCell()) + " of " + Format.bytes(q.freedByGc())
                            + " freed went back (RSS " + Format.bytes(q.rssNoGc()) + " → " + Format.bytes(q.rssAfterUncommit()) + ")");
                    results.add(q.countedShare().isEmpty() ? "invalid: over 100%"
                            : q.countedShare().getAsDouble() >= ClaimsCheck.OS_HOLDS ? "handed back"
                            : q.countedShare().getAsDouble() >= ClaimsCheck.OS_PARTLY ? "partly handed back" : "kept by the process");
                }
                if (any) {
                    String gc = data.info().jvm(jvm).map(RunInfo.Jvm::gc).filter(g -> !g.isEmpty()).orElse("");
                    String where = subject + (jvms.size() < 2 ? "" : " on " + jvm + (gc.isEmpty() ? "" : " (" + gc + ")"));
                    rows.add(new MapRow(where, Provenance.LIBRARY.label(), cells,
                            String.join(", ", results.stream().distinct().toList())));
                }
            }
        }
        return rows;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** "8.00 MiB of 191.11 MiB": what is kept after the deletes above an empty map, of what the fill added. */
    private static String kept(Scenario s, String subject, int vs, Metric metric) {
        double start = s.reading(subject, vs, Phase.START, "", metric).score();
        double filled = s.reading(subject, vs, Phase.FILLED, "", metric).score();
        double deleted = s.reading(subject, vs, Phase.DELETED, "", metric).score();
        return Format.bytes(deleted - start) + " of " + Format.bytes(filled - start);
    }
}
