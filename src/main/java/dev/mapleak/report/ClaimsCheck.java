package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.folder.Storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Section#CLAIMS}: each claim of the seed ({@code maps-and-memory-leaks.md}) against this run's numbers, in Java
 * and in the Go model, with a verdict computed by a stated rule. Where the run lacks what a rule needs the
 * verdict is "not measured in this run", never a guess.
 */
final class ClaimsCheck {

    /** A map "kept" memory after losing every entry when at least this share of what the fill added is still held. */
    static final double KEPT = 0.01;
    /** A drop in "kept" at 129 bytes of at least this factor is a switch of layout. */
    static final double SWITCH_FACTOR = 2.0;
    /** Values were collected when at most this share of the fill is still held after deleting everything. */
    static final double COLLECTED = 0.5;
    /** A rebuild frees a map's leftovers when it removes at least this share of what KEEP still holds above START. */
    static final double REBUILD_FREES = 0.9;
    /** Memory returned to the OS is judged only for maps that freed at least this much heap (G1's largest region). */
    static final double MIN_FREED_FOR_OS = 32 * Format.MIB;
    static final double OS_HOLDS = 0.5;
    static final double OS_PARTLY = 0.1;

    /** What one world (Java, or the Go model) measured for a claim, and the verdict. */
    record Finding(String where, String measured, Verdict verdict) {
    }

    record Claim(String title, String seedSays, String rule, List<Finding> findings) {
    }

    private ClaimsCheck() {
    }

    static List<Claim> check(RunData data) {
        Scenario s = data.seed();
        if (s.subjects().isEmpty()) {
            String why = "no LifecycleBenchmark results in this run";
            return List.of(notMeasured("Buckets never shrink", "", "", why),
                    notMeasured("At 129 bytes values are stored through a pointer", "", "", why),
                    notMeasured("Pointer values let deleted values be collected", "", "", why),
                    notMeasured("Rebuilding the map frees what it kept", "", "", why),
                    notMeasured("A GC and returning memory to the OS help", "", "", why));
        }
        return List.of(bucketsNeverShrink(s), switchAt129(s), pointersLetValuesGo(s), rebuildFrees(s),
                memoryBackToOs(data));
    }

    static void add(ReportDocument doc, RunData data) {
        if (data.seed().subjects().isEmpty()) {
            doc.paragraph("Not measured in this run: the claims are checked against LifecycleBenchmark results, and this run has none.");
            return;
        }
        doc.paragraph("Each claim of the seed (`maps-and-memory-leaks.md`), what this run measured under the seed's conditions ("
                + data.seed().describe() + ") and a verdict from the stated rule, per group of maps as the run folder records "
                + "their kind: **" + MapGroup.JAVA_MAPS.label() + "** are the JDK's and the libraries' hash maps, and only they "
                + "make a verdict about Java; **" + MapGroup.CONTROLLED.label() + "** (FLAT_INLINE and FLAT_POINTER: one table, "
                + "values inline or through a pointer, built never to shrink) isolates the layout; a map **without a table** "
                + "has nothing to keep; the **" + MapGroup.GO_MODEL.label() + "** is " + goName(data.seed()) + "'s `"
                + Metric.RETAINED_GO.key() + "`, what Go's own runtime would hold for the same map state.");
        doc.paragraph("Under each claim: one row per map (" + sizesText(ClaimRows.sizes(data.seed())) + "), then the verdict "
                + "per group. A verdict says whether the Go article's claim is true of these maps, not whether that is good "
                + "news: the colours are neutral.");
        int n = 0;
        for (Claim c : check(data)) {
            n++;
            Section.CLAIMS.subheading(doc, n, c.title(), "claim-" + n);
            doc.paragraph("**The seed:** " + c.seedSays());
            doc.paragraph("**Rule:** " + c.rule());
            List<ClaimRows.MapRow> rows = ClaimRows.of(n, data);
            if (!rows.isEmpty()) {
                var m = new ReportDocument.TableBuilder().text("map", "whose");
                ClaimRows.sizes(data.seed()).forEach(vs -> m.text(vs + " B"));
                m.text("result");
                rows.forEach(r -> {
                    List<String> cells = new ArrayList<>(List.of(r.map(), r.whose()));
                    cells.addAll(r.cells());
                    cells.add(r.result());
                    m.row(cells);
                });
                doc.table(m.build());
            }
            var t = new ReportDocument.TableBuilder().text("group", "verdict", rows.isEmpty() ? "what this run measured" : "why");
            c.findings().forEach(f -> t.row(List.of(f.where(), f.verdict().label(), rows.isEmpty() ? f.measured().strip() : basis(f))));
            doc.table(t.build());
        }
    }

    /**
     * The verdict table's last cell where the per-map rows carry the numbers: the one line why for a verdict that
     * is not a judgement (not applicable: its reason, before the per-map list the rows now show; not measured;
     * invalid), the median for claim 5, else a pointer to the rows.
     */
    static String basis(Finding f) {
        String text = f.measured().strip();
        return switch (f.verdict()) {
            case NOT_APPLICABLE -> text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
            case NOT_MEASURED -> text;
            case INVALID -> "no valid share: every reading over 100% (the rows above)";
            default -> text.startsWith("median share") && text.contains(":") ? text.substring(0, text.indexOf(':'))
                    : "from the rows above";
        };
    }

    // ---- 1. buckets never shrink -------------------------------------------------------------------

    static Claim bucketsNeverShrink(Scenario s) {
        String title = "Buckets never shrink";
        String seed = "\"The number of buckets in a map cannot shrink, so removing the items doesn't remove buckets, it just zeroes the slots.\"";
        String rule = "after deleting every entry, a map kept its table when it still holds at least " + Format.percent(KEPT)
                + " of what the fill added ((DELETED − START) ÷ (FILLED − START), JOL; Go model: Go's bytes), at every value size measured. "
                + "For Java's maps: holds when every one keeps it, holds only partly when some do.";
        if (!deletesAll(s)) {
            return notMeasured(title, seed, rule, "needs deleteFraction 1.0 (this run's largest: " + s.get("deleteFraction") + ")");
        }
        List<Integer> sizes = SeedSection.seedSizes(s);
        List<Finding> findings = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> shrank = new ArrayList<>();
        for (String subject : s.subjectsIn(MapGroup.JAVA_MAPS)) {
            keptAtEverySize(s, subject, sizes).ifPresent(all -> (all ? kept : shrank)
                    .add(subject + " " + keptText(s, subject, sizes, Metric.RETAINED_JOL)));
        }
        findings.add(new Finding(MapGroup.JAVA_MAPS.label(), join("kept the table", kept) + join("shrank", shrank),
                Verdict.ofCount(kept.size(), kept.size() + shrank.size())));
        List<String> noTable = s.subjectsIn(MapGroup.NO_TABLE).stream()
                .map(x -> x + " " + keptText(s, x, sizes, Metric.RETAINED_JOL)).toList();
        if (!noTable.isEmpty()) {
            findings.add(new Finding(MapGroup.NO_TABLE.label(), "no table to keep: each delete frees its node. "
                    + String.join("; ", noTable), Verdict.NOT_APPLICABLE));
        }
        List<String> controlled = s.subjectsIn(MapGroup.CONTROLLED).stream()
                .map(x -> x + " " + keptText(s, x, sizes, Metric.RETAINED_JOL)).toList();
        if (!controlled.isEmpty()) {
            findings.add(new Finding(MapGroup.CONTROLLED.label(), "built never to shrink, so not evidence either way: "
                    + String.join("; ", controlled), Verdict.NOT_APPLICABLE));
        }
        findings.add(goFinding(s, sizes, ks -> ks.stream().allMatch(k -> k >= KEPT), "kept its buckets", "shrank"));
        goMeasured(s, sizes, ks -> ks.stream().allMatch(k -> k >= KEPT), "kept its buckets", "shrank").ifPresent(findings::add);
        return new Claim(title, seed, rule, findings);
    }

    /**
     * Go itself, measured (GO_RUNTIME, its {@code map[int][N]byte}): the same rule on HeapAlloc after
     * {@code runtime.GC()}. Empty when the run did not run Go.
     */
    private static Optional<Finding> goMeasured(Scenario s, List<Integer> sizes, java.util.function.Predicate<List<Double>> agrees,
                                                String yes, String no) {
        Optional<String> go = s.goRuntime();
        if (go.isEmpty()) {
            return Optional.empty();
        }
        List<Double> ks = sizes.stream().map(vs -> s.keptAfterDelete(go.get(), vs, Metric.RETAINED_HEAP))
                .filter(k -> !Double.isNaN(k)).toList();
        if (ks.isEmpty()) {
            return Optional.of(new Finding(goRuntimeLabel(s, go.get()), "not measured at these sizes", Verdict.NOT_MEASURED));
        }
        boolean ok = agrees.test(ks);
        return Optional.of(new Finding(goRuntimeLabel(s, go.get()), (ok ? yes : no) + ": Go keeps "
                + keptText(s, go.get(), sizes, Metric.RETAINED_HEAP), ok ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD));
    }

    private static String goRuntimeLabel(Scenario s, String subject) {
        return MapGroup.GO_RUNTIME.label() + " (" + s.libraryAndClass(subject) + ")";
    }

    /** Whether a subject kept at least {@link #KEPT} at every measured size; empty when nothing was measured. */
    private static Optional<Boolean> keptAtEverySize(Scenario s, String subject, List<Integer> sizes) {
        List<Double> ks = sizes.stream().map(vs -> s.keptAfterDelete(subject, vs, Metric.RETAINED_JOL))
                .filter(k -> !Double.isNaN(k)).toList();
        return ks.isEmpty() ? Optional.empty() : Optional.of(ks.stream().allMatch(k -> k >= KEPT));
    }

    // ---- 2. 129 bytes switches to pointers ----------------------------------------------------------

    static Claim switchAt129(Scenario s) {
        String title = "At 129 bytes values are stored through a pointer";
        String seed = "\"If the key or value is larger than 128 bytes, Go stores a pointer instead of embedding the value directly in the bucket.\" "
                + "So `[128]byte` values stay in the buckets after a delete, `[129]byte` values can be freed.";
        String rule = "a map switches at 129 bytes when what it keeps after deleting everything drops by at least "
                + Format.ratio(SWITCH_FACTOR) + " from 128 to 129 bytes (kept = (DELETED − START) ÷ (FILLED − START)); "
                + "a map that keeps less than " + Format.percent(KEPT) + " at 128 bytes has nothing to switch. "
                + "This is a rule about Go's bucket layout: it applies to a map only where its storage changes with the value size.";
        if (!deletesAll(s) || !s.valueSizes().contains(128) || !s.valueSizes().contains(129)) {
            return notMeasured(title, seed, rule, "needs 128- and 129-byte values with deleteFraction 1.0 (this run: "
                    + Format.sizes(s.valueSizes()) + ", deleteFraction " + s.get("deleteFraction") + ")");
        }
        List<Finding> findings = new ArrayList<>();
        Finding go;
        double g128 = s.keptAfterDelete(go(s), 128, Metric.RETAINED_GO);
        double g129 = s.keptAfterDelete(go(s), 129, Metric.RETAINED_GO);
        if (Double.isNaN(g128) || Double.isNaN(g129)) {
            go = new Finding(MapGroup.GO_MODEL.label(), goName(s) + "'s Go figure not measured at both sizes", Verdict.NOT_MEASURED);
        } else {
            double j128 = s.keptAfterDelete(go(s), 128, Metric.RETAINED_JOL);
            double j129 = s.keptAfterDelete(go(s), 129, Metric.RETAINED_JOL);
            go = new Finding(MapGroup.GO_MODEL.label(), "Go keeps " + Format.percent(g128) + " of the fill at 128 bytes ("
                    + Format.bytes(at(s, 128, Phase.DELETED, Metric.RETAINED_GO)) + " of " + Format.bytes(at(s, 128, Phase.FILLED, Metric.RETAINED_GO)) + "), "
                    + Format.percent(g129) + " at 129 bytes (" + Format.bytes(at(s, 129, Phase.DELETED, Metric.RETAINED_GO)) + " of "
                    + Format.bytes(at(s, 129, Phase.FILLED, Metric.RETAINED_GO)) + "); " + goName(s) + "'s own Java footprint: "
                    + Format.percent(j128) + " → " + Format.percent(j129),
                    switches(g128, g129) ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD);
        }
        findings.add(go);
        s.goRuntime().ifPresent(g -> {
            double m128 = s.keptAfterDelete(g, 128, Metric.RETAINED_HEAP);
            double m129 = s.keptAfterDelete(g, 129, Metric.RETAINED_HEAP);
            findings.add(Double.isNaN(m128) || Double.isNaN(m129)
                    ? new Finding(goRuntimeLabel(s, g), "not measured at both sizes", Verdict.NOT_MEASURED)
                    : new Finding(goRuntimeLabel(s, g), "Go keeps " + Format.percent(m128) + " of the fill at 128 bytes, "
                    + Format.percent(m129) + " at 129 bytes (HeapAlloc after runtime.GC())",
                    switches(m128, m129) ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD));
        });
        List<String> java = s.subjectsIn(MapGroup.JAVA_MAPS);
        List<String> changing = java.stream().filter(x -> !s.storage(x, 128).equals(s.storage(x, 129))).toList();
        if (!java.isEmpty() && changing.isEmpty()) {
            findings.add(new Finding(MapGroup.JAVA_MAPS.label(), "a rule about Go's layout: every one of "
                    + String.join(", ", java) + " stores its values the same way at 128 and 129 bytes ("
                    + String.join(", ", java.stream().map(x -> s.storageLabel(x, 128)).distinct().toList())
                    + ", a reference per value), so there is no size at which to switch", Verdict.NOT_APPLICABLE));
        } else if (!changing.isEmpty()) {
            List<String> switched = new ArrayList<>();
            List<String> same = new ArrayList<>();
            for (String subject : changing) {
                double k128 = s.keptAfterDelete(subject, 128, Metric.RETAINED_JOL);
                double k129 = s.keptAfterDelete(subject, 129, Metric.RETAINED_JOL);
                if (!Double.isNaN(k128) && !Double.isNaN(k129)) {
                    (switches(k128, k129) ? switched : same).add(subject + " " + Format.percent(k128) + " → " + Format.percent(k129));
                }
            }
            findings.add(new Finding(MapGroup.JAVA_MAPS.label(), join("switch", switched) + join("no switch", same),
                    Verdict.ofCount(switched.size(), switched.size() + same.size())));
        }
        List<String> controlled = s.subjectsIn(MapGroup.CONTROLLED).stream()
                .map(x -> x + " (" + s.storageLabel(x, 128) + " → " + s.storageLabel(x, 129) + ") "
                        + Format.percent(s.keptAfterDelete(x, 128, Metric.RETAINED_JOL)) + " → "
                        + Format.percent(s.keptAfterDelete(x, 129, Metric.RETAINED_JOL))).toList();
        if (!controlled.isEmpty()) {
            findings.add(new Finding(MapGroup.CONTROLLED.label(), "keeps one layout at every size by design (kept at 128 → 129 bytes): "
                    + String.join("; ", controlled), Verdict.NOT_APPLICABLE));
        }
        return new Claim(title, seed, rule, findings);
    }
    /** Only a map that keeps something at 128 bytes can switch: one that shrinks to nothing has no layout to change. */
    private static boolean switches(double k128, double k129) {
        return k128 >= KEPT && k129 * SWITCH_FACTOR <= k128;
    }

    // ---- 3. pointer values let deleted values be collected -------------------------------------------

    static Claim pointersLetValuesGo(Scenario s) {
        String title = "Pointer values let deleted values be collected";
        String seed = "\"With pointers the map holds only pointers; the actual values live on the heap independently. "
                + "When you delete entries, the pointers are GC'd, and the backing memory can be freed.\"";
        String rule = "after deleting every entry, a map whose values are POINTERs had its values collected when at most "
                + Format.percent(COLLECTED) + " of what the fill added is still held: Java by heap used after a full GC "
                + "(JOL where the heap reading is missing), Go model by Go's bytes. Java's maps: holds when every POINTER map's "
                + "values were collected. mapleak's controlled pair compares the two layouts with everything else equal: holds "
                + "when FLAT_POINTER's values were collected and FLAT_INLINE's were not.";
        if (!deletesAll(s)) {
            return notMeasured(title, seed, rule, "needs deleteFraction 1.0 (this run: " + s.get("deleteFraction") + ")");
        }
        List<Integer> sizes = SeedSection.seedSizes(s);
        List<Finding> findings = new ArrayList<>();
        List<String> collected = new ArrayList<>();
        List<String> heldOn = new ArrayList<>();
        List<String> inline = new ArrayList<>();
        for (String subject : s.subjectsIn(MapGroup.JAVA_MAPS)) {
            for (int vs : sizes) {
                Optional<Storage> layout = s.storage(subject, vs);
                double kept = heapOrJolKept(s, subject, vs);
                if (layout.isEmpty() || Double.isNaN(kept)) {
                    continue;
                }
                String text = subject + (sizes.size() > 1 ? " @" + vs : "") + " " + Format.percent(kept);
                if (layout.get() == Storage.INLINE) {
                    inline.add(text);
                } else {
                    (kept <= COLLECTED ? collected : heldOn).add(text);
                }
            }
        }
        findings.add(new Finding(MapGroup.JAVA_MAPS.label(), join("POINTER, values collected", collected)
                + join("POINTER, still held", heldOn) + join("INLINE", inline),
                Verdict.ofCount(collected.size(), collected.size() + heldOn.size())));
        controlledPair(s, sizes).ifPresent(findings::add);
        List<Integer> pointerSizes = sizes.stream()
                .filter(vs -> s.storage(go(s), vs).orElse(null) == Storage.POINTER).toList();
        List<Integer> inlineSizes = sizes.stream()
                .filter(vs -> s.storage(go(s), vs).orElse(null) == Storage.INLINE).toList();
        Finding go;
        List<Double> goKept = pointerSizes.stream().map(vs -> s.keptAfterDelete(go(s), vs, Metric.RETAINED_GO))
                .filter(k -> !Double.isNaN(k)).toList();
        if (goKept.isEmpty()) {
            go = new Finding(MapGroup.GO_MODEL.label(), "no value size where Go stores pointers (over 128 bytes) was measured for " + goName(s),
                    Verdict.NOT_MEASURED);
        } else {
            go = new Finding(MapGroup.GO_MODEL.label(), "POINTER (" + sizesText(pointerSizes) + "): Go keeps "
                    + keptText(s, go(s), pointerSizes, Metric.RETAINED_GO)
                    + (inlineSizes.isEmpty() ? "" : "; for contrast, INLINE (" + sizesText(inlineSizes) + "): "
                    + keptText(s, go(s), inlineSizes, Metric.RETAINED_GO)),
                    goKept.stream().allMatch(k -> k <= COLLECTED) ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD);
        }
        findings.add(go);
        return new Claim(title, seed, rule, findings);
    }

    /**
     * The layout experiment inside mapleak's controlled pair: at each size, whether the POINTER map's values were
     * collected while the INLINE map's were not. Empty when the run lacks one of the two.
     */
    private static Optional<Finding> controlledPair(Scenario s, List<Integer> sizes) {
        List<String> pair = s.subjectsIn(MapGroup.CONTROLLED);
        List<String> parts = new ArrayList<>();
        int agree = 0;
        int cases = 0;
        for (int vs : sizes) {
            Optional<String> pointer = pair.stream().filter(x -> s.storage(x, vs).orElse(null) == Storage.POINTER).findFirst();
            Optional<String> inline = pair.stream().filter(x -> s.storage(x, vs).orElse(null) == Storage.INLINE).findFirst();
            if (pointer.isEmpty() || inline.isEmpty()) {
                continue;
            }
            double p = heapOrJolKept(s, pointer.get(), vs);
            double i = heapOrJolKept(s, inline.get(), vs);
            if (Double.isNaN(p) || Double.isNaN(i)) {
                continue;
            }
            cases++;
            if (p <= COLLECTED && i > COLLECTED) {
                agree++;
            }
            parts.add(vs + " B: " + pointer.get() + " keeps " + Format.percent(p) + ", " + inline.get() + " " + Format.percent(i));
        }
        return cases == 0 ? Optional.empty() : Optional.of(new Finding(MapGroup.CONTROLLED.label(),
                "same table, values through a pointer or inline: " + String.join("; ", parts), Verdict.ofCount(agree, cases)));
    }

    /** Kept after the deletes by heap after GC where measured (what the JVM really kept), else by JOL: claims 5.2 and 5.3. */
    static double heapOrJolKept(Scenario s, String subject, int vs) {
        double heap = s.keptAfterDelete(subject, vs, Metric.RETAINED_HEAP);
        return Double.isNaN(heap) ? s.keptAfterDelete(subject, vs, Metric.RETAINED_JOL) : heap;
    }

    // ---- 4. rebuilding frees ------------------------------------------------------------------------

    static Claim rebuildFrees(Scenario s) {
        String title = "Rebuilding the map frees what it kept";
        String seed = "Remedy 1: \"Rebuild the map\": copy the entries still relevant into a new map made for them, and drop the old one.";
        List<String> partial = s.valuesOf("deleteFraction").stream().filter(f -> Scenario.number(f) < 1.0)
                .filter(f -> s.with("deleteFraction", f).strategies().containsAll(List.of("KEEP", "REBUILD"))).toList();
        String rule = "with every entry deleted, REBUILD frees a map's leftovers when it removes at least " + Format.percent(REBUILD_FREES)
                + " of what KEEP still holds above an empty map ((KEEP − REBUILD) ÷ (KEEP − START), RECLAIMED, JOL; Go model: Go's bytes). "
                + "Maps that kept less than " + Format.percent(KEPT) + " of the fill have nothing to free and are left out. "
                + "Holds when REBUILD frees every map that kept something.";
        if (!partial.isEmpty()) {
            rule += " At a partial delete fraction f the survivors stay, so the leftover is what KEEP holds above what the survivors "
                    + "need, estimated from the fill as START + (1 − f) × (FILLED − START); REBUILD frees it when (KEEP − REBUILD) ÷ "
                    + "leftover ≥ " + Format.percent(REBUILD_FREES) + " or when it holds less than " + Format.percent(KEPT)
                    + " of the fill above that estimate (the estimate's resolution: a right-sized table still rounds up to a power "
                    + "of two), and a leftover under " + Format.percent(KEPT) + " of the fill is nothing to free. Checked at "
                    + "deleteFraction " + String.join(", ", partial) + ".";
        }
        boolean atAll = deletesAll(s) && s.strategies().contains("REBUILD") && s.strategies().contains("KEEP");
        if (!atAll && partial.isEmpty()) {
            return notMeasured(title, seed, rule, "needs strategies KEEP and REBUILD with deleteFraction 1.0 (this run: "
                    + s.strategies() + ", deleteFraction " + s.get("deleteFraction") + ")");
        }
        List<Finding> findings = new ArrayList<>();
        if (atAll) {
            findings.addAll(rebuildFindings(s, 1.0, "", true));
        }
        for (String f : partial) {
            findings.addAll(rebuildFindings(s.with("deleteFraction", f), Scenario.number(f), " @ deleteFraction " + f, false));
        }
        return new Claim(title, seed, rule, findings);
    }

    /**
     * The Java and Go-model findings of claim 4 at one delete fraction; {@code where} is appended to the groups' labels.
     * The Go model's missing figure is said only where {@code sayMissingGo} (the seed's fraction), not at every fraction.
     */
    private static List<Finding> rebuildFindings(Scenario s, double fraction, String where, boolean sayMissingGo) {
        List<Integer> sizes = SeedSection.seedSizes(s);
        List<String> freed = new ArrayList<>();
        List<String> notFreed = new ArrayList<>();
        List<String> nothing = new ArrayList<>();
        for (String subject : javaSubjects(s)) {
            for (int vs : sizes) {
                classifyRebuild(s, fraction, subject, vs, Metric.RETAINED_JOL, sizes.size() > 1, freed, notFreed, nothing);
            }
        }
        List<Finding> findings = new ArrayList<>();
        if (!freed.isEmpty() || !notFreed.isEmpty() || !nothing.isEmpty() || sayMissingGo) {
            findings.add(new Finding(MapGroup.JAVA_MAPS.label() + where, join("freed", freed) + join("not freed", notFreed) + join("nothing to free", nothing),
                    Verdict.ofCount(freed.size(), freed.size() + notFreed.size())));
        }
        List<String> gFreed = new ArrayList<>();
        List<String> gNot = new ArrayList<>();
        List<String> gNothing = new ArrayList<>();
        for (int vs : sizes) {
            classifyRebuild(s, fraction, go(s), vs, Metric.RETAINED_GO, true, gFreed, gNot, gNothing);
        }
        if (gFreed.isEmpty() && gNot.isEmpty() && gNothing.isEmpty()) {
            if (sayMissingGo) {
                findings.add(new Finding(MapGroup.GO_MODEL.label() + where, goName(s) + "'s Go figure not measured with KEEP and REBUILD", Verdict.NOT_MEASURED));
            }
        } else {
            findings.add(new Finding(MapGroup.GO_MODEL.label() + where, join("freed", gFreed) + join("not freed", gNot) + join("nothing to free", gNothing),
                    gFreed.isEmpty() && gNot.isEmpty() ? Verdict.NOT_MEASURED : Verdict.ofCount(gFreed.size(), gFreed.size() + gNot.size())));
        }
        return findings;
    }

    /**
     * Sorts one map into freed / not freed / nothing to free. The leftover is KEEP − (START + (1 − fraction) × (FILLED −
     * START)): what KEEP holds beyond an empty map plus its share of the fill for the survivors (all of KEEP − START when
     * every entry is deleted).
     */
    private static void classifyRebuild(Scenario s, double fraction, String subject, int vs, Metric metric, boolean showSize,
                                        List<String> freed, List<String> notFreed, List<String> nothing) {
        double start = s.reading(subject, vs, Phase.START, "", metric).score();
        double filled = s.reading(subject, vs, Phase.FILLED, "", metric).score();
        double keep = s.reading(subject, vs, Phase.RECLAIMED, "KEEP", metric).score();
        double rebuild = s.reading(subject, vs, Phase.RECLAIMED, "REBUILD", metric).score();
        if (Double.isNaN(start) || Double.isNaN(filled) || Double.isNaN(keep) || Double.isNaN(rebuild) || filled <= start) {
            return;
        }
        String name = subject + (showSize ? " @" + vs : "");
        double survivors = start + (1 - fraction) * (filled - start);
        double leftover = keep - survivors;
        if (leftover < KEPT * (filled - start)) {
            nothing.add(name + " (KEEP holds " + Format.bytes(keep) + (fraction < 1.0
                    ? ", the survivors' share of the fill " + Format.bytes(survivors) : "") + ")");
            return;
        }
        double share = (keep - rebuild) / leftover;
        // At a partial fraction the survivors' need is an estimate, good to 1% of the fill; within that REBUILD left nothing.
        boolean withinEstimate = fraction < 1.0 && rebuild - survivors < KEPT * (filled - start);
        String text = name + " " + Format.bytes(keep) + " → " + Format.bytes(rebuild) + " (" + Format.percent(share)
                + (fraction < 1.0 ? " of the " + Format.bytes(leftover) + " leftover" : "") + " freed"
                + (withinEstimate && share < REBUILD_FREES ? "; " + Format.bytes(rebuild - survivors) + " above the survivors' share" : "")
                + ")";
        (share >= REBUILD_FREES || withinEstimate ? freed : notFreed).add(text);
    }

    // ---- 5. GC + returning memory to the OS ---------------------------------------------------------

    static Claim memoryBackToOs(RunData data) {
        Scenario base = data.seed();
        String title = "A GC and returning memory to the OS help";
        String seed = "Remedy 3: `runtime.GC()` then `debug.FreeOSMemory()`. Its printout shows HeapSys 607.50 MB after the inserts "
                + "and 607.47 MB after the deletes: without that call the process keeps the memory.";
        String rule = "read in one fork right after the deletes, the Java analogue of the seed's sequence: what the process holds "
                + "with no GC, after `System.gc()` (Go's `runtime.GC()`), and after the collector has uncommitted what it will "
                + "(Go's `debug.FreeOSMemory()`). For each of Java's maps whose GC freed at least " + Format.bytes(MIN_FREED_FOR_OS)
                + " of heap, the share of that heap that left the process's RSS: (RSS no GC − RSS after uncommit) ÷ "
                + "(heap used no GC − heap used after GC). RSS that grew counts as nothing handed back (0%). A share over 100% "
                + "means the two readings do not measure the same memory (memory freed before the deletes went back too): it "
                + "is shown as invalid and never judged. Per "
                + "JVM: holds when the median valid share is at least " + Format.percent(OS_HOLDS) + ", holds only partly from "
                + Format.percent(OS_PARTLY) + ", does not hold below.";
        if (!deletesAll(base)) {
            return notMeasured(title, seed, rule, "needs deleteFraction 1.0");
        }
        List<Finding> findings = new ArrayList<>();
        List<String> jvms = base.valuesOf("jvm");
        for (String jvm : jvms.isEmpty() ? List.of("default") : jvms) {
            Scenario s = base.with("jvm", jvm);
            String gc = data.info().jvm(jvm).map(j -> j.gc()).filter(g -> !g.isEmpty()).orElse("?");
            String where = MapGroup.JAVA_MAPS.label() + (jvms.size() > 1 ? " (" + jvm + ", " + gc + ")" : " (" + gc + ")");
            findings.add(osReturn(s, where));
        }
        findings.add(new Finding(MapGroup.GO_MODEL.label(), "the model computes what Go's heap holds (HeapAlloc), not what the "
                + "process holds from the OS (HeapSys, RSS)", Verdict.NOT_MEASURED));
        base.goRuntime().ifPresent(g -> findings.add(goOsReturn(base, g)));
        return new Claim(title, seed, rule, findings);
    }

    /**
     * Go's own answer to claim 5.5, in one process right after the deletes: HeapSys and RSS before any GC, after
     * {@code runtime.GC()} and after {@code debug.FreeOSMemory()}, and the share of the heap the GC freed that left
     * RSS by the end (the same rule as Java's).
     */
    static Finding goOsReturn(Scenario s, String go) {
        List<Double> shares = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int vs : SeedSection.seedSizes(s)) {
            double[] rss = {at(s, go, vs, Metric.PROCESS_RSS_NO_GC), at(s, go, vs, Metric.PROCESS_RSS),
                    at(s, go, vs, Metric.PROCESS_RSS_FREE_OS_MEMORY)};
            double[] sys = {at(s, go, vs, Metric.HEAP_COMMITTED_NO_GC), at(s, go, vs, Metric.HEAP_COMMITTED),
                    at(s, go, vs, Metric.HEAP_COMMITTED_FREE_OS_MEMORY)};
            double freed = at(s, go, vs, Metric.GO_HEAP_ALLOC_NO_GC) - at(s, go, vs, Metric.GO_HEAP_ALLOC);
            double released = at(s, go, vs, Metric.GO_HEAP_RELEASED_FREED);
            if (java.util.Arrays.stream(rss).anyMatch(Double::isNaN) || Double.isNaN(freed)) {
                continue;
            }
            String line = vs + " B: RSS " + Format.bytes(rss[0]) + " → " + Format.bytes(rss[1]) + " → " + Format.bytes(rss[2])
                    + ", HeapSys " + Format.bytes(sys[0]) + " → " + Format.bytes(sys[1]) + " → " + Format.bytes(sys[2])
                    + " (no GC → runtime.GC() → debug.FreeOSMemory()), HeapReleased " + Format.bytes(released);
            if (freed >= MIN_FREED_FOR_OS) {
                double share = (rss[0] - rss[2]) / freed;
                line += "; the GC freed " + Format.bytes(freed) + " of heap, " + Format.percent(share) + " left RSS";
                if (share <= 1) {
                    shares.add(Math.max(0, share));
                } else {
                    line += ": invalid";
                }
            }
            lines.add(line);
        }
        String where = goRuntimeLabel(s, go);
        if (lines.isEmpty()) {
            return new Finding(where, "the in-process readings are missing", Verdict.NOT_MEASURED);
        }
        if (shares.isEmpty()) {
            return new Finding(where, String.join("; ", lines), Verdict.NOT_MEASURED);
        }
        double median = median(shares);
        Verdict v = median >= OS_HOLDS ? Verdict.HOLDS : median >= OS_PARTLY ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
        return new Finding(where, "median share returned " + Format.percent(median) + ": " + String.join("; ", lines)
                + ". HeapSys counts released pages too, so it never falls: what went back shows in RSS and HeapReleased", v);
    }

    private static double at(Scenario s, String subject, int vs, Metric metric) {
        return s.reading(subject, vs, Phase.DELETED, "", metric).score();
    }

    /** One JVM's answer to claim 5.5 from the in-fork readings at DELETED. */
    static Finding osReturn(Scenario s, String where) {
        List<Double> shares = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        boolean inFork = false;
        for (String subject : s.subjectsIn(MapGroup.JAVA_MAPS)) {
            for (int vs : SeedSection.seedSizes(s)) {
                OsSequence q = OsSequence.at(s, subject, vs, Phase.DELETED, "");
                if (q == null) {
                    continue;
                }
                inFork = true;
                if (q.freedByGc() < MIN_FREED_FOR_OS) {
                    continue;
                }
                String line = subject + " @" + vs + ": " + q.describe() + "; the GC freed " + Format.bytes(q.freedByGc())
                        + " of heap, handed back: " + q.returnedCell();
                java.util.OptionalDouble share = q.countedShare();
                if (share.isEmpty()) {
                    invalid.add(line);
                } else {
                    shares.add(share.getAsDouble());
                    lines.add(line);
                }
            }
        }
        if (!inFork && s.table().fromMemoryGroups()) {
            return new Finding(where, "not judged from this run: its states come from memory groups, where the deletes follow"
                    + " the FILLED state's probes (settled full GCs, the uncommit wait, JOL's walk), so what a GC frees after"
                    + " them is not the seed's sequence alone; the gc-matrix profile reads it right after the deletes, in"
                    + " one-phase groups (src/docs/measuring.md)", Verdict.NOT_MEASURED);
        }
        if (!inFork) {
            return new Finding(where, "not read in one fork in this run (it predates the in-fork readings "
                    + Metric.PROCESS_RSS_NO_GC.key() + " and " + Metric.HEAP_USED_NO_GC.key() + "); RSS read in two forks "
                    + "cannot be subtracted", Verdict.NOT_MEASURED);
        }
        if (shares.isEmpty() && invalid.isEmpty()) {
            return new Finding(where, "no map's GC freed " + Format.bytes(MIN_FREED_FOR_OS)
                    + " or more (too small a run to see the process shrink)", Verdict.NOT_MEASURED);
        }
        List<String> all = new ArrayList<>(lines);
        all.addAll(invalid);
        if (shares.isEmpty()) {
            return new Finding(where, String.join("; ", all), Verdict.INVALID);
        }
        double median = median(shares);
        Verdict v = median >= OS_HOLDS ? Verdict.HOLDS : median >= OS_PARTLY ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
        return new Finding(where, "median share returned " + Format.percent(median) + ": " + String.join("; ", all), v);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Finding goFinding(Scenario s, List<Integer> sizes, java.util.function.Predicate<List<Double>> agrees,
                                     String yes, String no) {
        List<Double> ks = sizes.stream().map(vs -> s.keptAfterDelete(go(s), vs, Metric.RETAINED_GO))
                .filter(k -> !Double.isNaN(k)).toList();
        if (ks.isEmpty()) {
            return new Finding(MapGroup.GO_MODEL.label(), goName(s) + "'s Go figure was not measured in this run", Verdict.NOT_MEASURED);
        }
        boolean ok = agrees.test(ks);
        return new Finding(MapGroup.GO_MODEL.label(), (ok ? yes : no) + ": Go keeps " + keptText(s, go(s), sizes, Metric.RETAINED_GO),
                ok ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD);
    }

    /** "64.06 KiB of 1.89 MiB (3.3%)" per size, joined. */
    private static String keptText(Scenario s, String subject, List<Integer> sizes, Metric metric) {
        List<String> parts = new ArrayList<>();
        for (int vs : sizes) {
            double k = s.keptAfterDelete(subject, vs, metric);
            if (Double.isNaN(k)) {
                continue;
            }
            parts.add((sizes.size() > 1 ? vs + " B: " : "")
                    + Format.bytes(s.reading(subject, vs, Phase.DELETED, "", metric).score()) + " of "
                    + Format.bytes(s.reading(subject, vs, Phase.FILLED, "", metric).score()) + " (" + Format.percent(k) + ")");
        }
        return String.join(", ", parts);
    }

    private static double at(Scenario s, int vs, Phase phase, Metric metric) {
        return s.reading(go(s), vs, phase, "", metric).score();
    }

    private static String sizesText(List<Integer> sizes) {
        return String.join(", ", sizes.stream().map(v -> v + " B").toList());
    }

    /** The subject carrying Go's figure, or "" (no subject) when the run had no Go model. */
    private static String go(Scenario s) {
        return s.goSubject().orElse("");
    }

    /** The Go model's subject by name, for the text. */
    static String goName(Scenario s) {
        return s.goSubject().orElse("the Go model");
    }

    private static boolean deletesAll(Scenario s) {
        return Scenario.number(s.get("deleteFraction")) == 1.0;
    }

    /** The JDK's and the libraries' maps with a table: what a verdict about "Java" is made from. */
    private static List<String> javaSubjects(Scenario s) {
        return s.subjectsIn(MapGroup.JAVA_MAPS);
    }

    private static String join(String label, List<String> items) {
        return items.isEmpty() ? "" : "**" + label + "**: " + String.join("; ", items) + ". ";
    }

    private static Claim notMeasured(String title, String seed, String rule, String why) {
        return new Claim(title, seed, rule, List.of(new Finding(MapGroup.JAVA_MAPS.label(), why, Verdict.NOT_MEASURED),
                new Finding(MapGroup.GO_MODEL.label(), why, Verdict.NOT_MEASURED)));
    }

    static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
