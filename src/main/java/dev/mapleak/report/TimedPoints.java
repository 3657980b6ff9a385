package dev.mapleak.report;

import dev.mapleak.report.ResultSet.Measurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which points a timed benchmark ran at, against those the memory pass ({@value #MEMORY_PASS}*) measured, when it ran at
 * fewer: a profile may time only the points where a time informs a decision (issue 13) while measuring memory at every
 * point, and a reader of a time table must not take a missing value size or key order for a missing result. Computed
 * from the results alone, per axis the two share ({@link #AXES}); nothing is said where the timed benchmark covers
 * every value the memory pass has, or where the run has no memory pass.
 */
final class TimedPoints {

    static final String MEMORY_PASS = "LifecycleBenchmark.";
    /** The axes compared, with the name the sentence gives each. */
    static final Map<String, String> AXES = axes();

    private TimedPoints() {
    }

    private static Map<String, String> axes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("valueSize", "value size");
        m.put("deleteFraction", "deleteFraction");
        m.put("keys", "keys");
        return m;
    }

    /**
     * One sentence per set of timed benchmarks ({@code timed} names them) that ran at the same narrower points, such as
     * "`OperationsBenchmark.getHit` and `OperationsBenchmark.put` were timed at value size 128 (memory pass: 64, 128); the
     * memory pass's other points were not timed."; empty when none is narrower.
     */
    static List<String> sentences(List<Measurement> all, Predicate<String> timed) {
        List<Measurement> memory = all.stream().filter(m -> m.benchmark().startsWith(MEMORY_PASS)).toList();
        if (memory.isEmpty()) {
            return List.of();
        }
        Map<String, List<Measurement>> byBenchmark = new LinkedHashMap<>();
        all.stream().filter(m -> timed.test(m.benchmark()))
                .forEach(m -> byBenchmark.computeIfAbsent(m.benchmark(), k -> new ArrayList<>()).add(m));
        Map<String, List<String>> byText = new LinkedHashMap<>();
        byBenchmark.forEach((benchmark, ms) -> narrower(ms, memory)
                .ifPresent(text -> byText.computeIfAbsent(text, k -> new ArrayList<>()).add("`" + benchmark + "`")));
        List<String> out = new ArrayList<>();
        byText.forEach((text, names) -> out.add(and(names) + (names.size() == 1 ? " was" : " were") + " timed at " + text
                + "; the memory pass's other points were not timed."));
        return out;
    }

    /** "value size 128 (memory pass: 64, 128) and keys SEQUENTIAL (memory pass: RANDOM, SEQUENTIAL)", if any axis is narrower. */
    private static java.util.Optional<String> narrower(List<Measurement> timed, List<Measurement> memory) {
        List<String> parts = new ArrayList<>();
        AXES.forEach((axis, label) -> {
            TreeSet<String> t = values(timed, axis);
            TreeSet<String> m = values(memory, axis);
            if (!t.isEmpty() && !m.isEmpty() && !t.containsAll(m)) {
                parts.add(label + " " + String.join(", ", t) + " (memory pass: " + String.join(", ", m) + ")");
            }
        });
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(and(parts));
    }

    /** An axis's values in the results, numbers in numeric order, words in alphabetical order. */
    private static TreeSet<String> values(List<Measurement> ms, String axis) {
        TreeSet<String> v = new TreeSet<>(TimedPoints::compare);
        ms.stream().map(m -> m.param(axis)).filter(java.util.Objects::nonNull).forEach(v::add);
        return v;
    }

    private static int compare(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static String and(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
