package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.folder.Storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Section#ADVICE}: advice computed from this run's numbers, never fixed text: for each subject and delete fraction,
 * the strategy that recovers the most memory per millisecond, and the value sizes at which storage layout
 * (INLINE or POINTER) changes what a map keeps.
 */
final class Advice {

    /** A strategy "recovers" memory only when it frees at least this share of the filled map's footprint. */
    static final double WORTH = 0.01;
    /** Layout matters at a size when INLINE maps keep at least this many times what POINTER maps keep. */
    static final double LAYOUT_MATTERS = 2.0;

    /** The best strategy for one subject and delete fraction; empty best = nothing worth recovering. */
    record Pick(String subject, String deleteFraction, double keepBytes, double filledBytes, Optional<Option> best,
                List<Option> options) {
    }

    /** A strategy's outcome: bytes it frees compared with KEEP, and its time. */
    record Option(String strategy, double freedBytes, Reading time) {
        double mibPerMs() {
            return freedBytes / Format.MIB / time.score();
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
        doc.heading(3, "Which strategy recovers most memory per millisecond", "advice-strategy");
        doc.paragraph("At " + vs + "-byte values, " + seed.describeWithout("deleteFraction") + ", each delete fraction measured"
                + ". **Frees** = retained with KEEP − retained after the strategy (RECLAIMED, JOL); **costs** = the strategy's own time. "
                + "A strategy counts only when it frees at least " + Format.percent(WORTH) + " of the filled map; the pick is the one "
                + "with the most MiB freed per ms. Times are single-shot and noisy on a shared machine: compare orders of magnitude.");
        List<Pick> picks = picks(seed, vs);
        if (picks.isEmpty()) {
            doc.paragraph("Not measured in this run: it needs KEEP and at least one other strategy.");
        } else {
            var t = new ReportDocument.TableBuilder().text("subject", "deleteFraction").num("KEEP retains MiB")
                    .text("advice").num("frees MiB", "costs ms", "MiB per ms").text("other strategies (MiB per ms)");
            for (Pick p : picks) {
                List<String> others = p.options().stream().filter(o -> p.best().map(b -> b != o).orElse(true))
                        .map(o -> o.strategy() + " " + rateText(o, p.filledBytes())).toList();
                t.row(List.of(p.subject(), p.deleteFraction(), Format.mib(p.keepBytes()),
                        p.best().map(b -> "**" + b.strategy() + "**").orElse("KEEP: nothing worth recovering"),
                        p.best().map(b -> Format.mib(b.freedBytes())).orElse(Format.MISSING),
                        p.best().map(b -> b.time().ms()).orElse(Format.MISSING),
                        p.best().map(b -> Format.rate(b.mibPerMs())).orElse(Format.MISSING),
                        others.isEmpty() ? Format.MISSING : String.join(", ", others)));
            }
            doc.table(t.build());
            doc.bullets(summary(picks));
        }
        doc.heading(3, "When storage layout matters", "advice-layout");
        doc.paragraph("What " + MapGroup.CONTROLLED.label() + " keeps after the deletes (DELETED, JOL), " + seed.describe()
                + ": one table, everything equal but whether values are stored inline or through a pointer, so the difference "
                + "is the layout's alone (comparing different libraries would mix in their growth and shrink rules). "
                + "Layout matters at a size when the INLINE map keeps at least " + Format.ratio(LAYOUT_MATTERS)
                + " what the POINTER map keeps.");
        doc.bullets(layout(seed));
    }

    /** 128 bytes when measured (the seed's), else the first value size. */
    static int primarySize(Scenario s) {
        return s.valueSizes().contains(128) ? 128 : s.valueSizes().get(0);
    }

    static List<Pick> picks(Scenario seed, int vs) {
        List<Pick> picks = new ArrayList<>();
        for (String subject : seed.subjects()) {
            for (String fraction : seed.valuesOf("deleteFraction")) {
                Scenario s = seed.with("deleteFraction", fraction);
                double keep = s.reading(subject, vs, Phase.RECLAIMED, "KEEP", Metric.RETAINED_JOL).score();
                double filled = s.reading(subject, vs, Phase.FILLED, "", Metric.RETAINED_JOL).score();
                if (Double.isNaN(keep) || Double.isNaN(filled)) {
                    continue;
                }
                List<Option> options = new ArrayList<>();
                for (String strategy : s.strategies()) {
                    double after = s.reading(subject, vs, Phase.RECLAIMED, strategy, Metric.RETAINED_JOL).score();
                    Reading time = s.reclaimTime(subject, vs, strategy);
                    if (!strategy.equals("KEEP") && !Double.isNaN(after) && time.present() && time.score() > 0) {
                        options.add(new Option(strategy, keep - after, time));
                    }
                }
                if (options.isEmpty()) {
                    continue;
                }
                Optional<Option> best = options.stream().filter(o -> o.freedBytes() >= WORTH * filled)
                        .max(Comparator.comparingDouble(Option::mibPerMs));
                picks.add(new Pick(subject, fraction, keep, filled, best, options));
            }
        }
        return picks;
    }

    /** One line per strategy: the subjects it is the pick for (with the delete fractions, when not all of them). */
    private static List<String> summary(List<Pick> picks) {
        List<String> lines = new ArrayList<>();
        List<String> strategies = picks.stream().flatMap(p -> p.best().stream()).map(Option::strategy).distinct().toList();
        for (String st : strategies) {
            lines.add("**" + st + "** recovers the most per millisecond for: "
                    + where(picks, p -> p.best().map(b -> b.strategy().equals(st)).orElse(false)) + ".");
        }
        if (picks.stream().anyMatch(p -> p.best().isEmpty())) {
            lines.add("**KEEP** is enough (no strategy frees " + Format.percent(WORTH) + " of the filled map) for: "
                    + where(picks, p -> p.best().isEmpty()) + ".");
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

    private static String rateText(Option o, double filled) {
        return o.freedBytes() < WORTH * filled ? "frees too little" : Format.rate(o.mibPerMs());
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
            lines.add(vs + " bytes: " + inline.get() + " (INLINE) keeps " + Format.mib(i) + " MiB, " + pointer.get()
                    + " (POINTER) " + Format.mib(p) + " MiB (" + Format.ratio(ratio) + "): "
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
