package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.report.RemedyCosts.Cost;
import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The same maps filled and emptied with SEQUENTIAL and with RANDOM keys, side by side: what JOL retained at FILLED, at
 * DELETED and after KEEP (RECLAIMED) in each order, at one value size (128 bytes when measured) and every delete
 * fraction both orders measured; and, where the timing pass timed both orders, the fill's and the delete's medians.
 * Everything else in the report holds the key order at the seed's (SEQUENTIAL), so this is the one place a run with
 * both orders says what RANDOM keys change. Empty for a run that measured one key order.
 *
 * @param valueSize the value size compared
 * @param fractions the delete fractions with a point in both orders, in numeric order
 * @param points    one per map and delete fraction measured in both orders: library maps first, then mapleak's own
 * @param times     one per map and timed phase (the fill, the delete at a fraction) timed in both orders, same order
 */
record KeyOrders(Scenario base, int valueSize, List<String> fractions, List<Point> points, List<Timed> times,
                 RemedyCosts floor) {

    static final String SEQUENTIAL = "SEQUENTIAL";
    static final String RANDOM = "RANDOM";
    /** The states compared: FILLED, DELETED, and RECLAIMED after KEEP (doing nothing, so the deleted map as it is). */
    static final List<Phase> STATES = List.of(Phase.FILLED, Phase.DELETED, Phase.RECLAIMED);
    static final String KEEP = "KEEP";

    /**
     * One map at one delete fraction: JOL bytes at {@link #STATES} in each order (NaN where not measured).
     */
    record Point(String subject, String deleteFraction, double[] sequential, double[] random) {

        /** RANDOM − SEQUENTIAL at {@code state} (an index of {@link #STATES}); NaN when either is missing. */
        double difference(int state) {
            return random[state] - sequential[state];
        }

        /** Whether every state measured in both orders holds the same bytes in both. */
        boolean equalToTheByte() {
            for (int i = 0; i < STATES.size(); i++) {
                if (!Double.isNaN(difference(i)) && Math.round(difference(i)) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * One timed phase of one map in both orders: {@code phase} is "fill" or "delete", {@code deleteFraction} empty for
     * the fill. Shots in ms, as the timing pass recorded them (every fork's).
     */
    record Timed(String subject, String phase, String deleteFraction, Cost sequential, Cost random) {

        /** RANDOM ÷ SEQUENTIAL of the medians; shown only where {@link KeyOrders#comparable} says both are the phase's own. */
        double ratio() {
            return random.median() / sequential.median();
        }
    }

    /** The comparison, or empty when the run did not measure both key orders at one point. */
    static Optional<KeyOrders> of(RunData data) {
        Scenario base = data.seed();
        List<String> orders = base.valuesOf("keys");
        if (!orders.contains(SEQUENTIAL) || !orders.contains(RANDOM)) {
            return Optional.empty();
        }
        Set<Integer> sizes = new LinkedHashSet<>();
        for (String f : base.valuesOf("deleteFraction")) {
            List<Integer> random = in(base, RANDOM, f).valueSizes();
            in(base, SEQUENTIAL, f).valueSizes().stream().filter(random::contains).forEach(sizes::add);
        }
        if (sizes.isEmpty()) {
            return Optional.empty();
        }
        int vs = sizes.contains(128) ? 128 : sizes.stream().min(Integer::compare).orElseThrow();
        List<Point> points = new ArrayList<>();
        Set<String> fractions = new LinkedHashSet<>();
        for (String subject : inReadingOrder(base)) {
            for (String f : base.valuesOf("deleteFraction")) {
                double[] seq = jol(in(base, SEQUENTIAL, f), subject, vs);
                double[] rnd = jol(in(base, RANDOM, f), subject, vs);
                // FILLED and DELETED in both orders make a point; after KEEP may be missing from one (a failed group)
                if (Double.isNaN(seq[0] + seq[1] + rnd[0] + rnd[1])) {
                    continue;
                }
                points.add(new Point(subject, f, seq, rnd));
                fractions.add(f);
            }
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<String> sortedFractions = base.valuesOf("deleteFraction").stream().filter(fractions::contains).toList();
        RemedyCosts floor = RemedyCosts.of(data.results());
        return Optional.of(new KeyOrders(base, vs, sortedFractions, List.copyOf(points), timed(data, base, vs), floor));
    }

    /** The seed's conditions with the key order and delete fraction set. */
    static Scenario in(Scenario base, String keys, String deleteFraction) {
        return base.with("keys", keys).with("deleteFraction", deleteFraction);
    }

    /** Library maps first, then mapleak's own, the Go model, Go measured, maps the run does not describe. */
    static List<String> inReadingOrder(Scenario s) {
        List<String> out = new ArrayList<>();
        for (Provenance p : List.of(Provenance.LIBRARY, Provenance.MAPLEAK, Provenance.GO_MODEL, Provenance.GO_RUNTIME,
                Provenance.UNKNOWN)) {
            s.table().rows().stream().map(LifecycleTable.Row::subject).distinct()
                    .filter(x -> s.provenance(x) == p).forEach(out::add);
        }
        return out;
    }

    /** JOL at FILLED, DELETED and after KEEP. */
    private static double[] jol(Scenario s, String subject, int vs) {
        double[] out = new double[STATES.size()];
        for (int i = 0; i < STATES.size(); i++) {
            out[i] = s.reading(subject, vs, STATES.get(i), KEEP, Metric.RETAINED_JOL).score();
        }
        return out;
    }

    /**
     * The timing pass's fill and delete ({@code RemedyCostBenchmark.fill}, {@code .delete}) where it timed both key
     * orders at the seed's entries and JVM and {@code vs}: one per map, phase and delete fraction.
     */
    private static List<Timed> timed(RunData data, Scenario base, int vs) {
        Map<String, Cost> byKey = new LinkedHashMap<>();
        for (Measurement m : data.results().measurements()) {
            String phase = m.benchmark().equals(LifecycleTable.TIMED_FILL) ? "fill"
                    : m.benchmark().equals(LifecycleTable.TIMED_DELETE) ? "delete" : "";
            if (phase.isEmpty() || !String.valueOf(vs).equals(m.param("valueSize"))
                    || !base.get("entries").isEmpty() && !base.get("entries").equals(m.param("entries"))
                    || !base.get("jvm").isEmpty() && !base.get("jvm").equals(m.jvm())) {
                continue;
            }
            Map<String, String> key = new LinkedHashMap<>(m.params());
            key.put("jvm", m.jvm());
            byKey.put(phase + "|" + m.param("subject") + "|" + m.param("deleteFraction") + "|" + m.param("keys"),
                    new Cost(key, List.copyOf(m.primary().samples()), Double.NaN, List.of()));
        }
        List<Timed> out = new ArrayList<>();
        for (String subject : inReadingOrder(base)) {
            List<String> fractions = new ArrayList<>();
            fractions.add(null);
            fractions.addAll(base.valuesOf("deleteFraction"));
            for (String f : fractions) {
                String phase = f == null ? "fill" : "delete";
                Cost seq = byKey.get(phase + "|" + subject + "|" + f + "|" + SEQUENTIAL);
                Cost rnd = byKey.get(phase + "|" + subject + "|" + f + "|" + RANDOM);
                if (seq != null && rnd != null) {
                    out.add(new Timed(subject, phase, f == null ? "" : f, seq, rnd));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether a timed pair may be compared: both medians at least {@link RemedyCosts#FLOOR_FACTOR} × the timer's floor
     * (KEEP's shots) and both from at least {@link RemedyCosts#MIN_SAMPLES} shots. A time at the floor is the timer's.
     */
    boolean comparable(Timed t) {
        return floor.aboveFloor(t.sequential().median()) && floor.aboveFloor(t.random().median())
                && t.sequential().n() >= RemedyCosts.MIN_SAMPLES && t.random().n() >= RemedyCosts.MIN_SAMPLES;
    }

    /** A median as a cell: the number, or why it is not the phase's own time. */
    String timeCell(Cost c) {
        if (floor.floorShots().isEmpty()) {
            return Format.ms(c.median());
        }
        return floor.aboveFloor(c.median()) ? Format.ms(c.median()) : "below the floor";
    }

    /** The maps with points, in reading order. */
    List<String> subjects() {
        return points.stream().map(Point::subject).distinct().toList();
    }

    /** The maps whose bytes are the same in both orders at every state and delete fraction compared. */
    List<String> equalEverywhere() {
        return subjects().stream().filter(x -> points.stream().filter(p -> p.subject().equals(x))
                .allMatch(Point::equalToTheByte)).toList();
    }

    /** Whose map {@code subject} is. */
    Provenance provenance(String subject) {
        return base.provenance(subject);
    }

    /**
     * How the maps that differ differ, one line per map: "ECLIPSE 24 B more with RANDOM keys at DELETED and after KEEP,
     * deleteFraction 0.5 and 0.9" ("up to" when the differences are not all one size, "apart" when their signs differ).
     */
    List<String> differences(List<String> subjects) {
        List<String> out = new ArrayList<>();
        for (String subject : subjects) {
            List<Point> differing = points.stream().filter(p -> p.subject().equals(subject) && !p.equalToTheByte()).toList();
            if (differing.isEmpty()) {
                continue;
            }
            Set<Long> sizes = new LinkedHashSet<>();
            Set<Integer> signs = new LinkedHashSet<>();
            Set<Integer> states = new java.util.TreeSet<>();
            for (Point p : differing) {
                for (int i = 0; i < STATES.size(); i++) {
                    long d = Double.isNaN(p.difference(i)) ? 0 : Math.round(p.difference(i));
                    if (d != 0) {
                        sizes.add(Math.abs(d));
                        signs.add(Long.signum(d));
                        states.add(i);
                    }
                }
            }
            long largest = sizes.stream().max(Long::compare).orElse(0L);
            String how = signs.size() > 1 ? "apart" : signs.contains(1) ? "more" : "less";
            out.add(subject + Advice.ownTag(base, subject) + " " + (sizes.size() > 1 ? "up to " : "") + Format.bytes(largest)
                    + " " + how + " with RANDOM keys at " + and(states.stream().map(KeyOrders::stateName).toList())
                    + ", deleteFraction " + and(differing.stream().map(Point::deleteFraction).toList()));
        }
        return out;
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** "FILLED", "DELETED", "after KEEP". */
    static String stateName(int state) {
        return STATES.get(state) == Phase.RECLAIMED ? "after KEEP" : STATES.get(state).name();
    }

    /** "+24 B", "−1.00 MiB": a difference in bytes with its sign. */
    static String signed(double bytes) {
        return (bytes < 0 ? "−" : "+") + Format.bytes(Math.abs(bytes));
    }
}
