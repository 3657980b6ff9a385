package dev.mapleak.report;

import dev.mapleak.folder.Metric;
import dev.mapleak.folder.Phase;
import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's first screen: numbered findings computed from the run, each quantified, each only where the run has
 * the numbers behind it. Under the seed's conditions ({@link Scenario#seed}): which library maps keep their table
 * after every entry is deleted and how much per deleted entry, which shrink by themselves, what mapleak's own maps
 * and Go keep, which remedy frees a map and what it costs where the timing pass measured it soundly, how much memory
 * the process handed back per collector, and what iterating a map after its deletes costs where several samples say
 * so. Library maps (subjects.json kind JDK or LIBRARY) and mapleak's own models are never counted together.
 */
final class KeyFindings {

    /** Below this share of what the fill added, a map "shrank by itself" (the claims' rule, {@link ClaimsCheck#KEPT}). */
    static final double KEPT = ClaimsCheck.KEPT;

    private KeyFindings() {
    }

    /** The findings, in the order they are shown; empty when the run has nothing they could be computed from. */
    static List<String> of(RunData data) {
        List<String> out = new ArrayList<>();
        Scenario s = data.seed();
        if (!s.subjects().isEmpty() && !Double.isNaN(deletedEntries(s))) {
            libraryTables(s).ifPresent(out::add);
            shrinkByThemselves(s).ifPresent(out::add);
            ownModels(s).ifPresent(out::add);
            go(s).ifPresent(out::add);
            out.addAll(remedies(data, s));
            osReturn(data).ifPresent(out::add);
        }
        keyOrder(data).ifPresent(out::add);
        iteration(data).ifPresent(out::add);
        return out;
    }

    /** "after deleting all 1,000,000 entries" or "after deleting 50% of 1,000,000 entries". */
    static String afterDeleting(Scenario s) {
        double f = Scenario.number(s.get("deleteFraction"));
        return "after deleting " + (f >= 1.0 ? "all " : Format.percent(f) + " of ") + Format.count(s.entries()) + " entries";
    }

    /** entries × deleteFraction, NaN without either. */
    static double deletedEntries(Scenario s) {
        double f = Scenario.number(s.get("deleteFraction"));
        return s.entries() > 0 && f > 0 ? s.entries() * f : Double.NaN;
    }

    // ---- 1. library maps that keep their table --------------------------------------------------------

    static Optional<String> libraryTables(Scenario s) {
        Map<String, List<String>> byKept = new LinkedHashMap<>();
        int n = 0;
        for (String subject : s.subjectsIn(MapGroup.JAVA_MAPS)) {
            if (keptEverywhere(s, subject, Metric.RETAINED_JOL) != Boolean.TRUE) {
                continue;
            }
            n++;
            byKept.computeIfAbsent(keptText(s, subject, Metric.RETAINED_JOL), k -> new ArrayList<>()).add(subject);
        }
        if (n == 0) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        byKept.forEach((kept, subjects) -> parts.add(names(subjects) + " " + (subjects.size() > 1 ? kept.replaceFirst(" \\(", " each (") : kept)));
        boolean tableOnly = s.subjectsIn(MapGroup.JAVA_MAPS).stream()
                .filter(x -> keptEverywhere(s, x, Metric.RETAINED_JOL) == Boolean.TRUE).allMatch(x -> sameAtEverySize(s, x));
        int all = s.subjectsIn(MapGroup.JAVA_MAPS).size() + s.subjectsIn(MapGroup.NO_TABLE).size();
        return Optional.of(cap(afterDeleting(s)) + onJvm(s) + ", **" + n + " of " + count(all, "library map") + " "
                + (n == 1 ? "keeps its" : "keep their") + " table**: " + String.join("; ", parts) + "."
                + (tableOnly && s.valueSizes().size() > 1 ? " The same at every value size measured (" + sizeRange(s)
                + "): what stays is the empty table, not the values." : "")
                + " Bytes per deleted entry = (retained at DELETED − at START, JOL) ÷ deleted entries.");
    }

    // ---- 2. library maps that shrink by themselves ----------------------------------------------------

    static Optional<String> shrinkByThemselves(Scenario s) {
        List<String> parts = new ArrayList<>();
        List<String> subjects = new ArrayList<>(s.subjectsIn(MapGroup.JAVA_MAPS));
        subjects.addAll(s.subjectsIn(MapGroup.NO_TABLE));
        int n = 0;
        for (String subject : subjects) {
            if (keptEverywhere(s, subject, Metric.RETAINED_JOL) != Boolean.FALSE) {
                continue;
            }
            n++;
            int vs = Advice.primarySize(s);
            double deleted = s.reading(subject, vs, Phase.DELETED, "", Metric.RETAINED_JOL).score();
            double start = s.reading(subject, vs, Phase.START, "", Metric.RETAINED_JOL).score();
            parts.add(subject + " " + Format.bytes(deleted) + (s.group(subject) == MapGroup.NO_TABLE ? " (no table: each delete frees its node)"
                    : Math.round(deleted) == Math.round(start) ? " (as when empty)" : " (empty: " + Format.bytes(start) + ")"));
        }
        if (n == 0) {
            return Optional.empty();
        }
        int all = subjects.size();
        return Optional.of("**" + n + " of " + count(all, "library map") + " " + (n == 1 ? "shrinks" : "shrink") + " by " + (n == 1 ? "itself" : "themselves")
                + "**: " + afterDeleting(s) + " " + (n == 1 ? "it holds" : "they hold") + " less than " + Format.percent(KEPT)
                + " of what the fill added at every value size; at " + Advice.primarySize(s) + " B: " + String.join("; ", parts) + ".");
    }

    // ---- 3. mapleak's own maps -------------------------------------------------------------------------

    static Optional<String> ownModels(Scenario s) {
        List<String> own = s.subjectsIn(MapGroup.CONTROLLED);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String subject : own) {
            String kept = keptText(s, subject, Metric.RETAINED_JOL);
            if (!kept.isEmpty()) {
                parts.add(subject + " " + kept);
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("**mapleak's own flat maps** (a controlled pair built never to shrink, not library maps) keep, "
                + afterDeleting(s) + ": " + String.join("; ", parts) + ".");
    }

    // ---- 4. Go -----------------------------------------------------------------------------------------

    static Optional<String> go(Scenario s) {
        List<String> parts = new ArrayList<>();
        s.goSubject().filter(g -> s.subjects().contains(g)).ifPresent(g -> {
            String kept = keptText(s, g, Metric.RETAINED_GO);
            if (!kept.isEmpty()) {
                parts.add("mapleak's model of Go's classic map (" + g + ", computed, not measured) says Go keeps " + kept);
            }
        });
        s.goRuntime().ifPresent(g -> {
            String kept = keptText(s, g, Metric.RETAINED_HEAP);
            if (!kept.isEmpty()) {
                parts.add("Go itself, measured (" + s.libraryAndClass(g) + ", HeapAlloc after `runtime.GC()`), keeps " + kept);
            }
        });
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("**Go**, " + afterDeleting(s) + ": " + String.join("; ", parts) + ".");
    }

    // ---- 5. the remedy per map, and its cost where measured soundly ----------------------------------

    static List<String> remedies(RunData data, Scenario s) {
        int vs = Advice.primarySize(s);
        Map<String, List<String>> frees = new LinkedHashMap<>();
        List<String> unfreed = new ArrayList<>();
        List<String> keepers = new ArrayList<>(s.subjectsIn(MapGroup.JAVA_MAPS));
        keepers.addAll(s.subjectsIn(MapGroup.CONTROLLED));
        for (String subject : keepers) {
            double start = s.reading(subject, vs, Phase.START, "", Metric.RETAINED_JOL).score();
            double filled = s.reading(subject, vs, Phase.FILLED, "", Metric.RETAINED_JOL).score();
            double keep = s.reading(subject, vs, Phase.DELETED, "", Metric.RETAINED_JOL).score();
            if (Double.isNaN(start) || Double.isNaN(filled) || Double.isNaN(keep) || keep - start < KEPT * (filled - start)) {
                continue;
            }
            boolean any = false;
            for (String strategy : s.strategies()) {
                double after = s.reading(subject, vs, Phase.RECLAIMED, strategy, Metric.RETAINED_JOL).score();
                if (strategy.equals("KEEP") || Double.isNaN(after)) {
                    continue;
                }
                if (after - start < KEPT * (filled - start)) {
                    frees.computeIfAbsent(strategy, k -> new ArrayList<>()).add(subject + tag(s, subject) + " ("
                            + Format.bytes(keep) + " → " + Format.bytes(after) + ")");
                    any = true;
                }
            }
            if (!any && s.strategies().stream().anyMatch(x -> !x.equals("KEEP"))) {
                unfreed.add(subject + tag(s, subject));
            }
        }
        List<String> sentences = new ArrayList<>();
        if (!frees.isEmpty()) {
            List<String> parts = new ArrayList<>();
            frees.forEach((strategy, subjects) -> parts.add("**" + strategy + "** frees " + names(subjects)));
            sentences.add("The remedy, " + afterDeleting(s) + " (" + vs + "-byte values, back to within " + Format.percent(KEPT)
                    + " of an empty map): " + String.join("; ", parts) + "."
                    + (unfreed.isEmpty() ? "" : " No strategy measured frees " + names(unfreed) + "."));
        }
        RemedyCosts costs = RemedyCosts.of(data.results());
        if (!costs.isEmpty()) {
            // library maps and mapleak's own apart (issue 16): a reader choosing a library map reads its costs alone
            Map<String, List<String>> library = new LinkedHashMap<>();
            Map<String, List<String>> own = new LinkedHashMap<>();
            for (Advice.Pick p : Advice.picks(s, vs, costs)) {
                Map<String, List<String>> into = s.provenance(p.subject()) == Provenance.LIBRARY ? library : own;
                p.best().ifPresent(b -> b.cost().ifPresent(c -> into.computeIfAbsent(p.subject() + tag(s, p.subject()) + " "
                        + b.strategy(), k -> new ArrayList<>()).add("at " + p.deleteFraction() + " frees "
                        + Format.bytes(b.freedBytes()) + " in " + Format.ms(c.median()) + " ms (n=" + c.n() + ", allocates "
                        + Format.bytes(c.allocBytes()) + ")")));
            }
            // each its own finding: a reader looking for "what does it cost" should not have to find it mid-paragraph
            if (!library.isEmpty()) {
                sentences.add("**What the best remedy costs** for the library maps, where the timing pass measured it soundly"
                        + " (median of n shots, n ≥ " + RemedyCosts.MIN_SAMPLES + ", at least " + Format.ratio(RemedyCosts.FLOOR_FACTOR)
                        + " the timer's floor; " + Section.REMEDY_COST.reference() + "), by deleteFraction: " + costList(library) + ".");
            }
            if (!own.isEmpty()) {
                sentences.add("**What the best remedy costs** for mapleak's own maps, measured alike: " + costList(own) + ".");
            }
        }
        return sentences;
    }

    private static String costList(Map<String, List<String>> costs) {
        List<String> parts = new ArrayList<>();
        costs.forEach((who, costsOf) -> parts.add("**" + who + "** " + String.join(", ", costsOf)));
        return String.join("; ", parts);
    }

    // ---- 6. memory handed back to the OS, per collector ---------------------------------------------

    static Optional<String> osReturn(RunData data) {
        Scenario base = data.seed();
        if (Scenario.number(base.get("deleteFraction")) < 1.0) {
            return Optional.empty();
        }
        Map<Verdict, Map<String, List<String>>> byVerdict = new LinkedHashMap<>();
        for (String jvm : base.valuesOf("jvm")) {
            ClaimsCheck.Finding f = ClaimsCheck.osReturn(base.with("jvm", jvm), jvm);
            if (f.verdict() == Verdict.HOLDS || f.verdict() == Verdict.PARTLY || f.verdict() == Verdict.DOES_NOT_HOLD) {
                // "jdk17-parallel" and "jdk25-parallel" are one collector setting on two JDKs: listed once, "parallel (JDK 17, 25)"
                java.util.regex.Matcher m = JDK_LABEL.matcher(jvm);
                String variant = m.matches() ? m.group(2) : jvm;
                String jdk = m.matches() ? m.group(1) : "";
                byVerdict.computeIfAbsent(f.verdict(), k -> new LinkedHashMap<>()).computeIfAbsent(variant, k -> new ArrayList<>()).add(jdk);
            }
        }
        if (byVerdict.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(byVerdict.get(Verdict.HOLDS)).ifPresent(l -> parts.add("**at least "
                + Format.percent(ClaimsCheck.OS_HOLDS) + "** under " + variants(l)));
        Optional.ofNullable(byVerdict.get(Verdict.PARTLY)).ifPresent(l -> parts.add(Format.percent(ClaimsCheck.OS_PARTLY) + " to "
                + Format.percent(ClaimsCheck.OS_HOLDS) + " under " + variants(l)));
        Optional.ofNullable(byVerdict.get(Verdict.DOES_NOT_HOLD)).ifPresent(l -> parts.add("**less than "
                + Format.percent(ClaimsCheck.OS_PARTLY) + "** under " + variants(l)));
        return Optional.of("**Memory back to the OS**: of the heap a full GC freed after the deletes, the process's RSS "
                + "gave back (median over the library maps, one reading each) " + String.join("; ", parts) + " ("
                + Section.CLAIMS.reference() + ", claim 5).");
    }

    /** A JVM label the runner makes from a JDK and a collector variant: "jdk17-g1-tuned". */
    private static final java.util.regex.Pattern JDK_LABEL = java.util.regex.Pattern.compile("jdk(\\d+)-(.+)");

    /** "parallel, serial (JDK 17, 25), g1-tuned (JDK 25)": variants with the JDKs they were seen on. */
    private static String variants(Map<String, List<String>> byVariant) {
        Map<List<String>, List<String>> byJdks = new LinkedHashMap<>();
        byVariant.forEach((variant, jdks) -> byJdks.computeIfAbsent(jdks, k -> new ArrayList<>()).add(variant));
        List<String> out = new ArrayList<>();
        byJdks.forEach((jdks, vs) -> out.add(String.join(", ", vs) + (jdks.stream().allMatch(String::isEmpty) ? ""
                : " (JDK " + String.join(", ", jdks) + ")")));
        return String.join("; ", out);
    }

    // ---- 7. SEQUENTIAL against RANDOM keys, where both were measured -------------------------------

    /**
     * Whether retained memory depends on the key order, and what RANDOM keys do to the fill's and the delete's time,
     * from {@link KeyOrders}: only in a run that measured both orders. Library maps and mapleak's own counted apart.
     */
    static Optional<String> keyOrder(RunData data) {
        Optional<KeyOrders> found = KeyOrders.of(data);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KeyOrders k = found.get();
        List<String> parts = new ArrayList<>();
        for (List<String> group : KeyOrderSection.groups(k)) {
            List<KeyOrders.Timed> timed = k.times().stream().filter(t -> group.contains(t.subject()) && k.comparable(t)).toList();
            List<String> costs = new ArrayList<>();
            range(k, timed.stream().filter(t -> t.phase().equals("fill")).toList()).ifPresent(r -> costs.add("the fill " + r));
            range(k, timed.stream().filter(t -> t.phase().equals("delete")).toList()).ifPresent(r -> costs.add("the delete " + r));
            if (!costs.isEmpty()) {
                String who = k.provenance(group.get(0)) == Provenance.LIBRARY ? "" : " (" + k.provenance(group.get(0)).label() + ")";
                parts.add("RANDOM ÷ SEQUENTIAL median time" + who + " (timing pass, n ≥ " + fewestShots(timed) + " shots each): "
                        + String.join(", ", costs));
            }
        }
        return Optional.of("**Key order** (SEQUENTIAL against RANDOM keys, " + k.valueSize() + "-byte values, deleteFraction "
                + KeyOrders.and(k.fractions()) + "; JOL at FILLED, DELETED and after KEEP; " + Section.SEED.reference()
                + "): " + KeyOrderSection.memorySummary(k).replaceFirst("^The same", "the same")
                + (parts.isEmpty() ? "" : "; " + String.join("; ", parts)) + ".");
    }

    private static int fewestShots(List<KeyOrders.Timed> timed) {
        return timed.stream().mapToInt(t -> Math.min(t.sequential().n(), t.random().n())).min().orElse(0);
    }

    /** "9.43× (JDK_HASH_MAP, 56.39 → 532 ms) to 30.6× (ECLIPSE, 15.53 → 475 ms)": the smallest and largest ratio. */
    private static Optional<String> range(KeyOrders k, List<KeyOrders.Timed> timed) {
        if (timed.isEmpty()) {
            return Optional.empty();
        }
        java.util.Comparator<KeyOrders.Timed> byRatio = java.util.Comparator.comparingDouble(KeyOrders.Timed::ratio);
        KeyOrders.Timed low = timed.stream().min(byRatio).orElseThrow();
        KeyOrders.Timed high = timed.stream().max(byRatio).orElseThrow();
        return Optional.of(low == high ? one(low) : one(low) + " to " + one(high));
    }

    private static String one(KeyOrders.Timed t) {
        return Format.ratio(t.ratio()) + " (" + t.subject() + (t.deleteFraction().isEmpty() ? "" : " at " + t.deleteFraction())
                + ", " + Format.ms(t.sequential().median()) + " → " + Format.ms(t.random().median()) + " ms)";
    }

    // ---- 8. iterating a map after its deletes ---------------------------------------------------------

    static final String ITERATE = "OperationsBenchmark.iterate";

    /**
     * AFTER_DELETE ÷ FRESH of iterating the same live entries, per map, only where both sides have more than one
     * sample (a single shot is not told from noise). Medians of the samples.
     */
    static Optional<String> iteration(RunData data) {
        Map<String, Measurement> fresh = new LinkedHashMap<>();
        Map<String, Measurement> after = new LinkedHashMap<>();
        for (Measurement m : data.results().measurements()) {
            if (!m.benchmark().equals(ITERATE) || m.primary().samples().size() < 2) {
                continue;
            }
            Map<String, String> key = new LinkedHashMap<>(m.params());
            String history = key.remove("history");
            key.put("jvm", m.jvm());
            if ("FRESH".equals(history)) {
                fresh.put(key.toString(), m);
            } else if ("AFTER_DELETE".equals(history)) {
                after.put(key.toString(), m);
            }
        }
        List<String> parts = new ArrayList<>();
        List<String> keys = new ArrayList<>(after.keySet());
        keys.sort(java.util.Comparator.comparingInt(k -> LifecycleTable.subjectOrder(data.subjects(), after.get(k).param("subject"))));
        // a parameter other than the map that differs between the rows (keys, valueSize) names each row's value
        List<String> varying = after.values().stream().flatMap(m -> m.params().keySet().stream()).distinct()
                .filter(p -> !p.equals("subject") && !p.equals("history"))
                .filter(p -> after.values().stream().map(m -> String.valueOf(m.param(p))).distinct().count() > 1)
                .toList();
        String unit = "";
        for (String k : keys) {
            Measurement a = after.get(k);
            Measurement f = fresh.get(k);
            if (f == null) {
                continue;
            }
            unit = a.primary().unit();
            double ratio = Spread.of(a.primary()).median() / Spread.of(f.primary()).median();
            String which = varying.stream().map(p -> p + " " + a.param(p)).collect(java.util.stream.Collectors.joining(", "));
            parts.add(a.param("subject") + tag(data.seed(), a.param("subject")) + (which.isEmpty() ? "" : " (" + which + ")")
                    + " " + Format.ratio(ratio)
                    + " (" + Format.score(Spread.of(f.primary()).median()) + " → " + Format.score(Spread.of(a.primary()).median())
                    + ", n=" + Math.min(a.primary().samples().size(), f.primary().samples().size()) + ")");
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Measurement any = after.get(keys.get(0));
        return Optional.of("**Iterating after the deletes** costs, against a fresh map with the same " + Format.count((long)
                Scenario.number(any.param("entries"))) + " live entries (median " + unit + ", " + Section.OPERATIONS.reference()
                + "): " + String.join("; ", parts) + ".");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /**
     * What {@code subject} keeps after the deletes: "8.00 MiB (8.4 B per deleted entry)" when it is the same at every
     * value size, else per size "128 B: ... ; 129 B: ...". Empty when nothing was measured.
     */
    static String keptText(Scenario s, String subject, Metric metric) {
        List<Integer> sizes = s.valueSizes().stream().filter(vs -> present(s, subject, vs, metric)).toList();
        if (sizes.isEmpty()) {
            return "";
        }
        if (sameAtEverySize(s, subject, metric)) {
            return one(s, subject, sizes.get(0), metric);
        }
        List<String> parts = new ArrayList<>();
        for (int vs : sizes) {
            parts.add(vs + " B " + s.storage(subject, vs).map(x -> "(" + x + ") ").orElse("") + one(s, subject, vs, metric));
        }
        return String.join(", ", parts);
    }

    private static String one(Scenario s, String subject, int vs, Metric metric) {
        double kept = s.reading(subject, vs, Phase.DELETED, "", metric).score() - s.reading(subject, vs, Phase.START, "", metric).score();
        return Format.bytes(kept) + " (**" + Format.bytesPerDeleted(s.keptPerDeletedEntry(subject, vs, metric)) + " per deleted entry**)";
    }

    private static boolean present(Scenario s, String subject, int vs, Metric metric) {
        return !Double.isNaN(s.keptPerDeletedEntry(subject, vs, metric));
    }

    private static boolean sameAtEverySize(Scenario s, String subject) {
        return sameAtEverySize(s, subject, Metric.RETAINED_JOL);
    }

    /** Whether DELETED − START is the same number of bytes at every value size measured. */
    private static boolean sameAtEverySize(Scenario s, String subject, Metric metric) {
        return s.valueSizes().stream().filter(vs -> present(s, subject, vs, metric))
                .map(vs -> Math.round(s.reading(subject, vs, Phase.DELETED, "", metric).score()
                        - s.reading(subject, vs, Phase.START, "", metric).score()))
                .distinct().count() == 1;
    }

    /** TRUE when it kept at least {@link #KEPT} at every size, FALSE when less at every size, null otherwise. */
    private static Boolean keptEverywhere(Scenario s, String subject, Metric metric) {
        List<Double> ks = s.valueSizes().stream().map(vs -> s.keptAfterDelete(subject, vs, metric)).filter(k -> !Double.isNaN(k)).toList();
        if (ks.isEmpty()) {
            return null;
        }
        if (ks.stream().allMatch(k -> k >= KEPT)) {
            return Boolean.TRUE;
        }
        return ks.stream().allMatch(k -> k < KEPT) ? Boolean.FALSE : null;
    }

    /** " (JOL on jdk17-g1)" when the run has several JVMs: the seed's conditions take the first. */
    private static String onJvm(Scenario s) {
        return s.valuesOf("jvm").size() > 1 ? " (JOL on " + s.get("jvm") + ")" : "";
    }

    /** " (mapleak's own)" for mapleak's maps, nothing for a library map, so the two are never mistaken for each other. */
    private static String tag(Scenario s, String subject) {
        return Advice.ownTag(s, subject);
    }

    static String sizeRange(Scenario s) {
        List<Integer> v = s.valueSizes();
        return v.size() == 1 ? v.get(0) + " B" : v.get(0) + "–" + v.get(v.size() - 1) + " B";
    }

    private static String names(List<String> subjects) {
        if (subjects.size() == 1) {
            return subjects.get(0);
        }
        return String.join(", ", subjects.subList(0, subjects.size() - 1)) + " and " + subjects.get(subjects.size() - 1);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
