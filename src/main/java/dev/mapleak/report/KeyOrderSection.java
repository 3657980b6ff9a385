package dev.mapleak.report;

import dev.mapleak.report.KeyOrders.Point;
import dev.mapleak.report.KeyOrders.Timed;

import java.util.ArrayList;
import java.util.List;

/**
 * The end of {@link Section#SEED} in a run that measured both key orders: "Key order: SEQUENTIAL against RANDOM",
 * the retained bytes of each map in both orders at every delete fraction ({@link KeyOrders}), whether they are equal to
 * the byte, and the fill's and the delete's median times where the timing pass timed both. A run with one key order
 * gets nothing here, so its report reads as it always did.
 */
final class KeyOrderSection {

    static final String TITLE = "Key order: SEQUENTIAL against RANDOM";

    private KeyOrderSection() {
    }

    static void add(ReportDocument doc, RunData data) {
        KeyOrders.of(data).ifPresent(k -> add(doc, k));
    }

    static void add(ReportDocument doc, KeyOrders k) {
        doc.heading(3, TITLE, "key-order");
        doc.paragraph("Every other table in this report holds the key order at SEQUENTIAL. Here the same maps filled with "
                + Format.count(k.base().entries()) + " RANDOM keys instead, " + k.valueSize() + "-byte values, deleteFraction "
                + KeyOrders.and(k.fractions())
                + (k.base().valuesOf("jvm").size() > 1 ? ", JVM " + k.base().get("jvm") : "") + ": JOL's retained bytes at FILLED, at DELETED and after KEEP (RECLAIMED "
                + "with the strategy that changes nothing) in each order. **same to the byte**: whether every state reads "
                + "the same number of bytes in both orders, else RANDOM − SEQUENTIAL where they differ.");
        doc.paragraph(memorySummary(k) + ".");
        var t = new ReportDocument.TableBuilder().text("map", "whose").num("deleteFraction",
                "FILLED, SEQUENTIAL", "FILLED, RANDOM", "DELETED, SEQUENTIAL", "DELETED, RANDOM",
                "after KEEP, SEQUENTIAL", "after KEEP, RANDOM").text("same to the byte");
        for (Point p : k.points()) {
            List<String> cells = new ArrayList<>(List.of(p.subject(), whose(k, p.subject()), p.deleteFraction()));
            for (int i = 0; i < KeyOrders.STATES.size(); i++) {
                cells.add(Format.bytes(p.sequential()[i]));
                cells.add(Format.bytes(p.random()[i]));
            }
            cells.add(sameCell(p));
            t.row(cells);
        }
        doc.table(t.build());
        if (k.times().isEmpty()) {
            doc.paragraph("No fill or delete was timed in both key orders (`" + LifecycleTable.TIMED_FILL + "`, `"
                    + LifecycleTable.TIMED_DELETE + "`): no time is compared.");
            return;
        }
        doc.paragraph("Times from the timing pass (`" + LifecycleTable.TIMED_FILL + "`, `" + LifecycleTable.TIMED_DELETE
                + "`, " + Section.REMEDY_COST.reference() + "), where it timed both orders: the median of the single shots of "
                + "every fork, in ms, and their count **n**. **RANDOM ÷ SEQUENTIAL** only where both medians are at least "
                + Format.ratio(RemedyCosts.FLOOR_FACTOR) + " the timer's floor (KEEP's median, " + Section.REMEDY_COST.reference()
                + ") and both n ≥ " + RemedyCosts.MIN_SAMPLES + ": a time at the floor is the timer's, never compared.");
        var times = new ReportDocument.TableBuilder().text("map", "whose", "phase")
                .num("SEQUENTIAL ms", "n", "RANDOM ms", "n", "RANDOM ÷ SEQUENTIAL");
        for (Timed x : k.times()) {
            times.row(List.of(x.subject(), whose(k, x.subject()),
                    x.phase().equals("fill") ? "fill" : "delete, deleteFraction " + x.deleteFraction(),
                    k.timeCell(x.sequential()), String.valueOf(x.sequential().n()),
                    k.timeCell(x.random()), String.valueOf(x.random().n()),
                    k.comparable(x) ? Format.ratio(x.ratio()) : Format.MISSING));
        }
        doc.table(times.build());
    }

    /**
     * "The same bytes in both key orders at every state and delete fraction for 1 of 2 library maps (JDK_HASH_MAP);
     * ECLIPSE 24 B more with RANDOM keys at ..." and the same for mapleak's own, each group counted apart.
     */
    static String memorySummary(KeyOrders k) {
        List<String> parts = new ArrayList<>();
        for (List<String> group : groups(k)) {
            List<String> equal = k.equalEverywhere().stream().filter(group::contains).toList();
            String maps = group.size() == 1 ? "map" : "maps";
            String noun = k.provenance(group.get(0)) == Provenance.LIBRARY ? "library " + maps
                    : k.provenance(group.get(0)) == Provenance.MAPLEAK ? maps + " of mapleak's own" : "other " + maps;
            String of = equal.size() + " of " + group.size() + " " + noun;
            String part = of + (equal.isEmpty() ? "" : " (" + String.join(", ", equal) + ")");
            List<String> differ = k.differences(group);
            parts.add(part + (differ.isEmpty() ? "" : "; " + String.join("; ", differ)));
        }
        return "The same bytes in both key orders at every state and delete fraction for " + String.join("; for ", parts);
    }

    /** The maps compared, library maps in one group, mapleak's own in another, anything else in a third. */
    static List<List<String>> groups(KeyOrders k) {
        List<List<String>> out = new ArrayList<>();
        for (Provenance p : List.of(Provenance.LIBRARY, Provenance.MAPLEAK)) {
            List<String> g = k.subjects().stream().filter(x -> k.provenance(x) == p).toList();
            if (!g.isEmpty()) {
                out.add(g);
            }
        }
        List<String> rest = k.subjects().stream()
                .filter(x -> k.provenance(x) != Provenance.LIBRARY && k.provenance(x) != Provenance.MAPLEAK).toList();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /** "yes", or "no: DELETED +24 B, after KEEP +24 B" (RANDOM − SEQUENTIAL). */
    static String sameCell(Point p) {
        if (p.equalToTheByte()) {
            return "yes";
        }
        List<String> d = new ArrayList<>();
        for (int i = 0; i < KeyOrders.STATES.size(); i++) {
            if (!Double.isNaN(p.difference(i)) && Math.round(p.difference(i)) != 0) {
                d.add(KeyOrders.stateName(i) + " " + KeyOrders.signed(p.difference(i)));
            }
        }
        return "no: " + String.join(", ", d);
    }

    static String whose(KeyOrders k, String subject) {
        return k.provenance(subject).label() + SeedSection.library(k.base(), subject);
    }
}
