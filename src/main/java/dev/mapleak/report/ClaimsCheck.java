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
                + data.seed().describe() + ") and a verdict from the stated rule. \"Java\" is every map except " + goName(data.seed())
                + "; \"Go model\" is " + goName(data.seed()) + "'s `" + Metric.RETAINED_GO.key() + "`, what Go's own runtime would hold for the same map state.");
        int n = 0;
        for (Claim c : check(data)) {
            n++;
            Section.CLAIMS.subheading(doc, n, c.title(), "claim-" + n);
            doc.paragraph("**The seed:** " + c.seedSays());
            doc.paragraph("**Rule:** " + c.rule());
            var t = new ReportDocument.TableBuilder().text("where", "what this run measured", "verdict");
            c.findings().forEach(f -> t.row(List.of(f.where(), f.measured().strip(), f.verdict().label())));
            doc.table(t.build());
        }
    }

    // ---- 1. buckets never shrink -------------------------------------------------------------------

    static Claim bucketsNeverShrink(Scenario s) {
        String title = "Buckets never shrink";
        String seed = "\"The number of buckets in a map cannot shrink, so removing the items doesn't remove buckets, it just zeroes the slots.\"";
        String rule = "after deleting every entry, a map kept its table when it still holds at least " + Format.percent(KEPT)
                + " of what the fill added ((DELETED − START) ÷ (FILLED − START), JOL; Go model: Go's bytes), at every value size measured. "
                + "Holds when every map keeps it, holds only partly when some do.";
        if (!deletesAll(s)) {
            return notMeasured(title, seed, rule, "needs deleteFraction 1.0 (this run's largest: " + s.get("deleteFraction") + ")");
        }
        List<Integer> sizes = SeedSection.seedSizes(s);
        List<String> kept = new ArrayList<>();
        List<String> shrank = new ArrayList<>();
        for (String subject : javaSubjects(s)) {
            List<Double> ks = sizes.stream().map(vs -> s.keptAfterDelete(subject, vs, Metric.RETAINED_JOL)).filter(k -> !Double.isNaN(k)).toList();
            if (ks.isEmpty()) {
                continue;
            }
            String text = subject + " " + keptText(s, subject, sizes, Metric.RETAINED_JOL);
            (ks.stream().allMatch(k -> k >= KEPT) ? kept : shrank).add(text);
        }
        Finding java = new Finding("Java", join("kept the table", kept) + join("shrank (or has no table)", shrank),
                Verdict.ofCount(kept.size(), kept.size() + shrank.size()));
        Finding go = goFinding(s, sizes, ks -> ks.stream().allMatch(k -> k >= KEPT), "kept its buckets", "shrank");
        return new Claim(title, seed, rule, List.of(java, go));
    }

    // ---- 2. 129 bytes switches to pointers ----------------------------------------------------------

    static Claim switchAt129(Scenario s) {
        String title = "At 129 bytes values are stored through a pointer";
        String seed = "\"If the key or value is larger than 128 bytes, Go stores a pointer instead of embedding the value directly in the bucket.\" "
                + "So `[128]byte` values stay in the buckets after a delete, `[129]byte` values can be freed.";
        String rule = "a map switches at 129 bytes when what it keeps after deleting everything drops by at least "
                + Format.ratio(SWITCH_FACTOR) + " from 128 to 129 bytes (kept = (DELETED − START) ÷ (FILLED − START)); "
                + "a map that keeps less than " + Format.percent(KEPT) + " at 128 bytes has nothing to switch. "
                + "For Java the claim is read as \"Java maps change layout at 129 bytes too\".";
        if (!deletesAll(s) || !s.valueSizes().contains(128) || !s.valueSizes().contains(129)) {
            return notMeasured(title, seed, rule, "needs 128- and 129-byte values with deleteFraction 1.0 (this run: "
                    + Format.sizes(s.valueSizes()) + ", deleteFraction " + s.get("deleteFraction") + ")");
        }
        List<String> switched = new ArrayList<>();
        List<String> same = new ArrayList<>();
        for (String subject : javaSubjects(s)) {
            double k128 = s.keptAfterDelete(subject, 128, Metric.RETAINED_JOL);
            double k129 = s.keptAfterDelete(subject, 129, Metric.RETAINED_JOL);
            if (Double.isNaN(k128) || Double.isNaN(k129)) {
                continue;
            }
            String text = subject + " " + Format.percent(k128) + " → " + Format.percent(k129);
            (switches(k128, k129) ? switched : same).add(text);
        }
        Finding java = new Finding("Java", join("switch", switched) + join("no switch (kept at 128 → 129 bytes)", same),
                Verdict.ofCount(switched.size(), switched.size() + same.size()));
        Finding go;
        double g128 = s.keptAfterDelete(go(s), 128, Metric.RETAINED_GO);
        double g129 = s.keptAfterDelete(go(s), 129, Metric.RETAINED_GO);
        if (Double.isNaN(g128) || Double.isNaN(g129)) {
            go = new Finding("Go model", goName(s) + "'s Go figure not measured at both sizes", Verdict.NOT_MEASURED);
        } else {
            double j128 = s.keptAfterDelete(go(s), 128, Metric.RETAINED_JOL);
            double j129 = s.keptAfterDelete(go(s), 129, Metric.RETAINED_JOL);
            go = new Finding("Go model", "Go keeps " + Format.percent(g128) + " of the fill at 128 bytes ("
                    + Format.mib(at(s, 128, Phase.DELETED, Metric.RETAINED_GO)) + " of " + Format.mib(at(s, 128, Phase.FILLED, Metric.RETAINED_GO)) + " MiB), "
                    + Format.percent(g129) + " at 129 bytes (" + Format.mib(at(s, 129, Phase.DELETED, Metric.RETAINED_GO)) + " of "
                    + Format.mib(at(s, 129, Phase.FILLED, Metric.RETAINED_GO)) + " MiB); " + goName(s) + "'s own Java footprint: "
                    + Format.percent(j128) + " → " + Format.percent(j129),
                    switches(g128, g129) ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD);
        }
        return new Claim(title, seed, rule, List.of(go, java));
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
                + "(JOL where the heap reading is missing), Go model by Go's bytes. INLINE maps are shown for contrast. "
                + "Holds when every POINTER map's values were collected.";
        if (!deletesAll(s)) {
            return notMeasured(title, seed, rule, "needs deleteFraction 1.0 (this run: " + s.get("deleteFraction") + ")");
        }
        List<Integer> sizes = SeedSection.seedSizes(s);
        List<String> collected = new ArrayList<>();
        List<String> heldOn = new ArrayList<>();
        List<String> inline = new ArrayList<>();
        for (String subject : javaSubjects(s)) {
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
        Finding java = new Finding("Java", join("POINTER, values collected", collected)
                + join("POINTER, still held", heldOn) + join("for contrast, INLINE", inline),
                Verdict.ofCount(collected.size(), collected.size() + heldOn.size()));
        List<Integer> pointerSizes = sizes.stream()
                .filter(vs -> s.storage(go(s), vs).orElse(null) == Storage.POINTER).toList();
        List<Integer> inlineSizes = sizes.stream()
                .filter(vs -> s.storage(go(s), vs).orElse(null) == Storage.INLINE).toList();
        Finding go;
        List<Double> goKept = pointerSizes.stream().map(vs -> s.keptAfterDelete(go(s), vs, Metric.RETAINED_GO))
                .filter(k -> !Double.isNaN(k)).toList();
        if (goKept.isEmpty()) {
            go = new Finding("Go model", "no value size where Go stores pointers (over 128 bytes) was measured for " + goName(s),
                    Verdict.NOT_MEASURED);
        } else {
            go = new Finding("Go model", "POINTER (" + sizesText(pointerSizes) + "): Go keeps "
                    + keptText(s, go(s), pointerSizes, Metric.RETAINED_GO)
                    + (inlineSizes.isEmpty() ? "" : "; for contrast, INLINE (" + sizesText(inlineSizes) + "): "
                    + keptText(s, go(s), inlineSizes, Metric.RETAINED_GO)),
                    goKept.stream().allMatch(k -> k <= COLLECTED) ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD);
        }
        return new Claim(title, seed, rule, List.of(java, go));
    }

    private static double heapOrJolKept(Scenario s, String subject, int vs) {
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
     * The Java and Go-model findings of claim 4 at one delete fraction; {@code where} is appended to "Java" and "Go model".
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
            findings.add(new Finding("Java" + where, join("freed", freed) + join("not freed", notFreed) + join("nothing to free", nothing),
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
                findings.add(new Finding("Go model" + where, goName(s) + "'s Go figure not measured with KEEP and REBUILD", Verdict.NOT_MEASURED));
            }
        } else {
            findings.add(new Finding("Go model" + where, join("freed", gFreed) + join("not freed", gNot) + join("nothing to free", gNothing),
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
            nothing.add(name + " (KEEP holds " + Format.mib(keep) + " MiB" + (fraction < 1.0
                    ? ", the survivors' share of the fill " + Format.mib(survivors) + " MiB" : "") + ")");
            return;
        }
        double share = (keep - rebuild) / leftover;
        // At a partial fraction the survivors' need is an estimate, good to 1% of the fill; within that REBUILD left nothing.
        boolean withinEstimate = fraction < 1.0 && rebuild - survivors < KEPT * (filled - start);
        String text = name + " " + Format.mib(keep) + " → " + Format.mib(rebuild) + " MiB (" + Format.percent(share)
                + (fraction < 1.0 ? " of the " + Format.mib(leftover) + " MiB leftover" : "") + " freed"
                + (withinEstimate && share < REBUILD_FREES ? "; " + Format.mib(rebuild - survivors) + " MiB above the survivors' share" : "")
                + ")";
        (share >= REBUILD_FREES || withinEstimate ? freed : notFreed).add(text);
    }

    // ---- 5. GC + returning memory to the OS ---------------------------------------------------------

    static Claim memoryBackToOs(RunData data) {
        Scenario base = data.seed();
        String title = "A GC and returning memory to the OS help";
        String seed = "Remedy 3: `runtime.GC()` then `debug.FreeOSMemory()`. Its printout shows HeapSys 607.50 MB after the inserts "
                + "and 607.47 MB after the deletes: without that call the process keeps the memory.";
        String rule = "Java's probe runs a full GC before reading, so the question is what the JVM hands back: for each map that "
                + "freed at least " + Format.mib(MIN_FREED_FOR_OS) + " MiB of heap between FILLED and DELETED (heap after GC), the share "
                + "of it that left the process's RSS (RSS FILLED − RSS DELETED, each read in its own fork after its GC); committed heap "
                + "is shown beside it. Per JVM: holds when the median share is at least " + Format.percent(OS_HOLDS)
                + ", holds only partly from " + Format.percent(OS_PARTLY) + ", does not hold below.";
        if (!deletesAll(base)) {
            return notMeasured(title, seed, rule, "needs deleteFraction 1.0");
        }
        List<Finding> findings = new ArrayList<>();
        List<String> jvms = base.valuesOf("jvm");
        for (String jvm : jvms.isEmpty() ? List.of("default") : jvms) {
            Scenario s = base.with("jvm", jvm);
            List<Double> rssShares = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (String subject : s.subjects()) {
                for (int vs : SeedSection.seedSizes(s)) {
                    double freed = s.reading(subject, vs, Phase.FILLED, "", Metric.RETAINED_HEAP).score()
                            - s.reading(subject, vs, Phase.DELETED, "", Metric.RETAINED_HEAP).score();
                    double rssDrop = s.reading(subject, vs, Phase.FILLED, "", Metric.PROCESS_RSS).score()
                            - s.reading(subject, vs, Phase.DELETED, "", Metric.PROCESS_RSS).score();
                    double committedDrop = s.reading(subject, vs, Phase.FILLED, "", Metric.HEAP_COMMITTED).score()
                            - s.reading(subject, vs, Phase.DELETED, "", Metric.HEAP_COMMITTED).score();
                    if (Double.isNaN(freed) || Double.isNaN(rssDrop) || freed < MIN_FREED_FOR_OS) {
                        continue;
                    }
                    rssShares.add(rssDrop / freed);
                    lines.add(subject + " @" + vs + ": freed " + Format.mib(freed) + ", RSS −" + Format.mib(rssDrop)
                            + " (" + Format.percent(rssDrop / freed) + "), committed −" + Format.mib(committedDrop) + " MiB");
                }
            }
            List<Double> waits = new ArrayList<>();
            for (String subject : s.subjects()) {
                for (int vs : SeedSection.seedSizes(s)) {
                    double w = s.reading(subject, vs, Phase.DELETED, "", Metric.UNCOMMIT_WAIT).score();
                    if (!Double.isNaN(w)) {
                        waits.add(w);
                    }
                }
            }
            if (!waits.isEmpty() && !lines.isEmpty()) {
                lines.add("each reading waited a median " + Format.ms(median(waits)) + " ms for the collector to uncommit first");
            }
            String gc = data.info().jvm(jvm).map(j -> j.gc()).filter(g -> !g.isEmpty()).orElse("?");
            String where = "Java" + (jvms.size() > 1 ? " (" + jvm + ", " + gc + ")" : " (" + gc + ")");
            if (rssShares.isEmpty()) {
                findings.add(new Finding(where, "no map freed " + Format.mib(MIN_FREED_FOR_OS)
                        + " MiB or more (too small a run to see the process shrink), or RSS was not read", Verdict.NOT_MEASURED));
                continue;
            }
            double median = median(rssShares);
            Verdict v = median >= OS_HOLDS ? Verdict.HOLDS : median >= OS_PARTLY ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
            findings.add(new Finding(where, "median share returned " + Format.percent(median) + ": " + String.join("; ", lines), v));
        }
        findings.add(new Finding("Go model", "the model computes what Go's heap holds (HeapAlloc), not what the process "
                + "holds from the OS (HeapSys, RSS)", Verdict.NOT_MEASURED));
        return new Claim(title, seed, rule, findings);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Finding goFinding(Scenario s, List<Integer> sizes, java.util.function.Predicate<List<Double>> agrees,
                                     String yes, String no) {
        List<Double> ks = sizes.stream().map(vs -> s.keptAfterDelete(go(s), vs, Metric.RETAINED_GO))
                .filter(k -> !Double.isNaN(k)).toList();
        if (ks.isEmpty()) {
            return new Finding("Go model", goName(s) + "'s Go figure was not measured in this run", Verdict.NOT_MEASURED);
        }
        boolean ok = agrees.test(ks);
        return new Finding("Go model", (ok ? yes : no) + ": Go keeps " + keptText(s, go(s), sizes, Metric.RETAINED_GO),
                ok ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD);
    }

    /** "0.0626 of 1.89 MiB (3.3%)" per size, joined. */
    private static String keptText(Scenario s, String subject, List<Integer> sizes, Metric metric) {
        List<String> parts = new ArrayList<>();
        for (int vs : sizes) {
            double k = s.keptAfterDelete(subject, vs, metric);
            if (Double.isNaN(k)) {
                continue;
            }
            parts.add((sizes.size() > 1 ? vs + " B: " : "")
                    + Format.mib(s.reading(subject, vs, Phase.DELETED, "", metric).score()) + " of "
                    + Format.mib(s.reading(subject, vs, Phase.FILLED, "", metric).score()) + " MiB (" + Format.percent(k) + ")");
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

    private static List<String> javaSubjects(Scenario s) {
        return s.subjects().stream().filter(x -> !x.equals(go(s))).toList();
    }

    private static String join(String label, List<String> items) {
        return items.isEmpty() ? "" : "**" + label + "**: " + String.join("; ", items) + ". ";
    }

    private static Claim notMeasured(String title, String seed, String rule, String why) {
        return new Claim(title, seed, rule, List.of(new Finding("Java", why, Verdict.NOT_MEASURED),
                new Finding("Go model", why, Verdict.NOT_MEASURED)));
    }

    static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
