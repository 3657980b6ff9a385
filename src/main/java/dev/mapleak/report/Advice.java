package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.folder.Storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Section#ADVICE}: advice computed from this run's numbers, never fixed text: for each subject and partial delete
 * fraction, the strategy that recovers the most memory per millisecond, ranked only on sound rows (the timing pass's
 * median above the floor, at least 5 shots); with every entry deleted, what each strategy leaves, unranked; and the
 * value sizes at which storage layout (INLINE or POINTER) changes what a map keeps.
 */
final class Advice {

    /** A strategy "recovers" memory only when it frees at least this share of the filled map's footprint. */
    static final double WORTH = 0.01;
    /** Layout matters at a size when INLINE maps keep at least this many times what POINTER maps keep. */
    static final double LAYOUT_MATTERS = 2.0;

    /** The best strategy for one subject and delete fraction; empty best = nothing ranked. */
    record Pick(String subject, String deleteFraction, double keepBytes, double filledBytes, Optional<Option> best,
                List<Option> options) {
    }

    /**
     * A strategy's outcome: bytes it frees compared with KEEP (memory pass) and its cost (timing pass), with why that
     * cost cannot be ranked when it cannot.
     */
    record Option(String strategy, double freedBytes, Optional<RemedyCosts.Cost> cost, Optional<String> unsound) {
        double mibPerMs() {
            return freedBytes / Format.MIB / cost.map(RemedyCosts.Cost::median).orElse(Double.NaN);
        }

        boolean ranked(double filled) {
            return unsound.isEmpty() && freedBytes >= WORTH * filled;
        }
    }

    private Advice() {
    }

    static void add(ReportDocument doc, RunData data) {
        Scenario seed = data.seed();
        if (seed.subjects().isEmpty()) {
            doc.paragraph("No lifecycle results: no advice.");
            return;
        }
        int vs = primarySize(seed);
        RemedyCosts costs = RemedyCosts.of(data.results());
        doc.heading(3, "Which strategy recovers most memory per millisecond", "advice-strategy");
        doc.paragraph("At " + vs + "-byte values, " + seed.describeWithout("deleteFraction") + ", each delete fraction below 1 measured. "
                + "**Frees** = retained with KEEP − retained after the strategy (RECLAIMED, JOL, memory pass); **costs** = the median of "
                + "the strategy's own time in the timing pass (" + Section.REMEDY_COST.reference() + "). Ranked only where the row is sound: "
                + "deleteFraction < 1, a median at least " + Format.ratio(RemedyCosts.FLOOR_FACTOR) + " KEEP's (the floor), at least "
                + RemedyCosts.MIN_SAMPLES + " shots; and a strategy counts only when it frees at least " + Format.percent(WORTH)
                + " of the filled map. The pick is the one with the most MiB freed per ms.");
        if (costs.isEmpty()) {
            doc.paragraph("Nothing is ranked: this run has no timing pass (`" + RemedyCosts.BENCHMARK + "`), and the memory groups' "
                    + "phase times are not costs (" + Section.REMEDY_COST.reference() + ").");
        } else {
            List<Pick> picks = picks(seed, vs, costs);
            if (picks.isEmpty()) {
                doc.paragraph("Not measured in this run: it needs KEEP and another strategy at a delete fraction below 1, in both passes.");
            } else {
                var t = new ReportDocument.TableBuilder().text("subject").num("deleteFraction", "KEEP retains")
                        .text("advice").num("frees", "costs ms (median)", "n", "MiB per ms", "allocates")
                        .text("other strategies (MiB per ms)");
                for (Pick p : picks) {
                    List<String> others = p.options().stream().filter(o -> p.best().map(b -> b != o).orElse(true))
                            .map(o -> o.strategy() + " " + rateText(o, p.filledBytes())).toList();
                    Optional<RemedyCosts.Cost> bestCost = p.best().flatMap(Option::cost);
                    t.row(List.of(p.subject() + ownTag(seed, p.subject()), p.deleteFraction(), Format.bytes(p.keepBytes()),
                            p.best().map(b -> "**" + b.strategy() + "**").orElse(noPick(p)),
                            p.best().map(b -> Format.bytes(b.freedBytes())).orElse(Format.MISSING),
                            bestCost.map(c -> Format.ms(c.median())).orElse(Format.MISSING),
                            bestCost.map(c -> String.valueOf(c.n())).orElse(Format.MISSING),
                            p.best().map(b -> Format.rate(b.mibPerMs())).orElse(Format.MISSING),
                            bestCost.map(c -> RemedyCosts.bytes(c.allocBytes())).orElse(Format.MISSING),
                            others.isEmpty() ? Format.MISSING : String.join(", ", others)));
                }
                doc.table(t.build());
                doc.bullets(summary(picks));
            }
        }
        everythingDeleted(doc, seed, vs);
        doc.heading(3, "When storage layout matters", "advice-layout");
        doc.paragraph("What " + MapGroup.CONTROLLED.label() + " keeps after the deletes (DELETED, JOL), " + seed.describe()
                + ": one table, everything equal but whether values are stored inline or through a pointer, so the difference "
                + "is the layout's alone (comparing different libraries would mix in their growth and shrink rules). "
                + "Layout matters at a size when the INLINE map keeps at least " + Format.ratio(LAYOUT_MATTERS)
                + " what the POINTER map keeps.");
        doc.bullets(layout(seed));
    }

    /** " (mapleak's own)" after one of mapleak's maps, so advice about it is never read as advice about a library's. */
    static String ownTag(Scenario s, String subject) {
        return switch (s.provenance(subject)) {
            case MAPLEAK -> " (mapleak's own)";
            case GO_MODEL -> " (mapleak's Go model)";
            default -> "";
        };
    }

    /** 128 bytes when measured (the seed's), else the first value size. */
    static int primarySize(Scenario s) {
        return s.valueSizes().contains(128) ? 128 : s.valueSizes().get(0);
    }

    /** One pick per subject and delete fraction below 1 that the memory pass measured with KEEP and another strategy. */
    static List<Pick> picks(Scenario seed, int vs, RemedyCosts costs) {
        List<Pick> picks = new ArrayList<>();
        Map<String, String> fixed = Map.of("entries", seed.get("entries"), "keys", seed.get("keys"), "jvm", seed.get("jvm"));
        for (String subject : seed.subjects()) {
            for (String fraction : seed.valuesOf("deleteFraction")) {
                if (Scenario.number(fraction) >= 1.0) {
                    continue;
                }
                Scenario s = seed.with("deleteFraction", fraction);
                double keep = s.reading(subject, vs, Phase.RECLAIMED, "KEEP", Metric.RETAINED_JOL).score();
                double filled = s.reading(subject, vs, Phase.FILLED, "", Metric.RETAINED_JOL).score();
                if (Double.isNaN(keep) || Double.isNaN(filled)) {
                    continue;
                }
                List<Option> options = new ArrayList<>();
                for (String strategy : s.strategies()) {
                    double after = s.reading(subject, vs, Phase.RECLAIMED, strategy, Metric.RETAINED_JOL).score();
                    if (strategy.equals("KEEP") || Double.isNaN(after)) {
                        continue;
                    }
                    Optional<RemedyCosts.Cost> cost = costs.find(subject, vs, fraction, strategy, fixed);
                    Optional<String> unsound = cost.map(costs::unsound).orElse(Optional.of("not timed"));
                    options.add(new Option(strategy, keep - after, cost, unsound));
                }
                if (options.isEmpty()) {
                    continue;
                }
                Optional<Option> best = options.stream().filter(o -> o.ranked(filled))
                        .max(Comparator.comparingDouble(Option::mibPerMs));
                picks.add(new Pick(subject, fraction, keep, filled, best, options));
            }
        }
        return picks;
    }

    /** The advice cell of a row with no pick: nothing worth recovering, or why nothing could be ranked. */
    private static String noPick(Pick p) {
        if (p.options().stream().noneMatch(o -> o.freedBytes() >= WORTH * p.filledBytes())) {
            return "KEEP: nothing worth recovering";
        }
        return "not ranked";
    }

    /**
     * With every entry deleted nothing survives to copy: REBUILD and CLEAR make an empty map, and freeing the old table
     * happens in a GC, not in the call. What KEEP keeps, and what each strategy leaves, stated without ranking.
     */
    static void everythingDeleted(ReportDocument doc, Scenario seed, int vs) {
        Optional<String> all = seed.valuesOf("deleteFraction").stream().filter(f -> Scenario.number(f) >= 1.0).findFirst();
        if (all.isEmpty()) {
            return;
        }
        Scenario s = seed.with("deleteFraction", all.get());
        List<String> lines = new ArrayList<>();
        for (String subject : s.subjects()) {
            double start = s.reading(subject, vs, Phase.START, "", Metric.RETAINED_JOL).score();
            double filled = s.reading(subject, vs, Phase.FILLED, "", Metric.RETAINED_JOL).score();
            double keep = s.reading(subject, vs, Phase.RECLAIMED, "KEEP", Metric.RETAINED_JOL).score();
            if (Double.isNaN(start) || Double.isNaN(filled) || Double.isNaN(keep)) {
                continue;
            }
            List<String> frees = new ArrayList<>();
            List<String> keeps = new ArrayList<>();
            for (String strategy : s.strategies()) {
                double after = s.reading(subject, vs, Phase.RECLAIMED, strategy, Metric.RETAINED_JOL).score();
                if (strategy.equals("KEEP") || Double.isNaN(after)) {
                    continue;
                }
                (after - start < WORTH * (filled - start) ? frees : keeps).add(strategy + " " + Format.bytes(after));
            }
            if (frees.isEmpty() && keeps.isEmpty()) {
                continue;
            }
            String kept = subject + ownTag(s, subject) + " keeps " + Format.bytes(keep) + " with no entry left (KEEP; an empty map: " + Format.bytes(start) + ")";
            if (keep - start < WORTH * (filled - start)) {
                lines.add(kept + ": nothing to free.");
            } else if (keeps.isEmpty()) {
                lines.add(kept + "; every strategy measured frees it (" + String.join(", ", frees) + ").");
            } else {
                lines.add(kept + "; " + (frees.isEmpty() ? "no strategy frees it" : "freed by " + String.join(", ", frees))
                        + "; still held by " + String.join(", ", keeps) + ".");
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        doc.heading(3, "With every entry deleted (deleteFraction " + all.get() + ")", "advice-all-deleted");
        doc.paragraph("Nothing survives to copy, so no strategy is ranked by time: REBUILD and CLEAR make an empty map and the old "
                + "table is freed by the next GC, not by the call. What each map keeps (RECLAIMED, JOL, " + vs + "-byte values) and "
                + "what each strategy leaves:");
        doc.bullets(lines);
    }

    /** One line per strategy: the subjects it is the pick for (with the delete fractions, when not all of them). */
    private static List<String> summary(List<Pick> picks) {
        List<String> lines = new ArrayList<>();
        List<String> strategies = picks.stream().flatMap(p -> p.best().stream()).map(Option::strategy).distinct().toList();
        for (String st : strategies) {
            lines.add("**" + st + "** recovers the most per millisecond for: "
                    + where(picks, p -> p.best().map(b -> b.strategy().equals(st)).orElse(false)) + ".");
        }
        if (picks.stream().anyMatch(p -> p.best().isEmpty() && noPick(p).startsWith("KEEP"))) {
            lines.add("**KEEP** is enough (no strategy frees " + Format.percent(WORTH) + " of the filled map) for: "
                    + where(picks, p -> p.best().isEmpty() && noPick(p).startsWith("KEEP")) + ".");
        }
        if (picks.stream().anyMatch(p -> p.best().isEmpty() && !noPick(p).startsWith("KEEP"))) {
            lines.add("**Not ranked** (no sound timing: below the floor, too few shots or not timed) for: "
                    + where(picks, p -> p.best().isEmpty() && !noPick(p).startsWith("KEEP")) + ".");
        }
        return lines;
    }

    /** "JDK_HASH_MAP, ECLIPSE (deleteFraction 0.5, 0.9)": a subject alone when every fraction of it matches. */
    private static String where(List<Pick> picks, java.util.function.Predicate<Pick> matches) {
        java.util.Map<String, List<String>> all = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> hit = new java.util.LinkedHashMap<>();
        for (Pick p : picks) {
            all.computeIfAbsent(p.subject(), k -> new ArrayList<>()).add(p.deleteFraction());
            if (matches.test(p)) {
                hit.computeIfAbsent(p.subject(), k -> new ArrayList<>()).add(p.deleteFraction());
            }
        }
        List<String> parts = new ArrayList<>();
        hit.forEach((subject, fractions) -> parts.add(fractions.size() == all.get(subject).size() ? subject
                : subject + " (deleteFraction " + String.join(", ", fractions) + ")"));
        return String.join(", ", parts);
    }

    /** Another strategy's cell: its rate, or why it has none. */
    private static String rateText(Option o, double filled) {
        if (o.freedBytes() < WORTH * filled) {
            return "frees too little";
        }
        return o.unsound().map(r -> "not ranked: " + r).orElse(Format.rate(o.mibPerMs()));
    }

    /** Per value size: what the controlled pair's INLINE map keeps after the deletes against its POINTER twin. */
    static List<String> layout(Scenario s) {
        List<String> lines = new ArrayList<>();
        List<Integer> matters = new ArrayList<>();
        List<String> pair = s.subjectsIn(MapGroup.CONTROLLED);
        for (int vs : s.valueSizes()) {
            Optional<String> inline = pair.stream().filter(x -> s.storage(x, vs).orElse(null) == Storage.INLINE).findFirst();
            Optional<String> pointer = pair.stream().filter(x -> s.storage(x, vs).orElse(null) == Storage.POINTER).findFirst();
            if (inline.isEmpty() || pointer.isEmpty()) {
                continue;
            }
            double i = s.reading(inline.get(), vs, Phase.DELETED, "", Metric.RETAINED_JOL).score();
            double p = s.reading(pointer.get(), vs, Phase.DELETED, "", Metric.RETAINED_JOL).score();
            if (Double.isNaN(i) || Double.isNaN(p) || p <= 0) {
                continue;
            }
            double ratio = i / p;
            boolean big = ratio >= LAYOUT_MATTERS;
            if (big) {
                matters.add(vs);
            }
            lines.add(vs + " bytes: " + inline.get() + " (INLINE) keeps " + Format.bytes(i) + ", " + pointer.get()
                    + " (POINTER) " + Format.bytes(p) + " (" + Format.ratio(ratio) + "): "
                    + (big ? "**layout matters**" : "layout makes little difference") + ".");
        }
        if (lines.isEmpty()) {
            lines.add("Not measured in this run: it needs both maps of " + MapGroup.CONTROLLED.label()
                    + " (FLAT_INLINE and FLAT_POINTER) at the same value size.");
        } else {
            lines.add(0, matters.isEmpty()
                    ? "In this run storage layout never changed what the controlled pair keeps after deletes by "
                    + Format.ratio(LAYOUT_MATTERS) + " or more."
                    : "A map that stores values inline keeps them after bulk deletes at " + Format.sizes(matters)
                    + ": with everything else equal the INLINE map keeps at least " + Format.ratio(LAYOUT_MATTERS)
                    + " what the POINTER map keeps. Java's own maps store every value through a reference, so this "
                    + "matters for inline (off-heap, flat, value-class) designs, not for choosing among them.");
        }
        return lines;
    }
}
