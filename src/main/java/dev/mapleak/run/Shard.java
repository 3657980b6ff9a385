package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code --shard K/N}: the K-th of N deterministic, disjoint parts of a plan, for spreading one run over N
 * machines of an existing engine (a CI matrix, a Kubernetes Indexed Job) and merging the N run folders into one
 * ({@code ./run-bench.sh merge}).
 *
 * <p>Groups are balanced by their time estimate with the longest-processing-time rule: longest first, each to the
 * part with the least estimated time so far (ties to the lower part, units of equal estimate in key order); a map
 * point's memory groups stay together ({@link #split}). Every
 * machine computes the same assignment from the same plan, so no coordinator is needed, and the N parts cover the
 * plan exactly once.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new UsageException("--shard needs K/N with 1 <= K <= N, got " + index + "/" + count);
        }
    }

    /** {@code "2/16"}; a malformed value is bad input. */
    static Shard parse(String spec) {
        String[] parts = spec.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new UsageException("--shard needs K/N (this machine's part K of N, e.g. 3/16), got '"
                + (spec.length() > 40 ? spec.substring(0, 40) + "..." : spec) + "'");
    }

    /** This shard's groups, in plan order. */
    List<Combination> select(List<Combination> groups, Function<Combination, Duration> estimate) {
        List<List<Combination>> parts = split(groups, estimate, count);
        Set<Combination> mine = new HashSet<>(parts.get(index - 1));
        return groups.stream().filter(mine::contains).toList();
    }

    /**
     * The N parts, by the longest-processing-time rule over units: the memory groups of one map point form one unit
     * ({@link PointBatch#key}), so a point's states are reached and measured on one machine, in one JVM; every other
     * group is a unit of its own.
     */
    static List<List<Combination>> split(List<Combination> groups, Function<Combination, Duration> estimate, int n) {
        Map<String, List<Combination>> units = new LinkedHashMap<>();
        for (Combination c : groups) {
            units.computeIfAbsent(PointBatch.key(c), k -> new ArrayList<>()).add(c);
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        units.forEach((k, unit) -> millis.put(k, unit.stream().mapToLong(c -> estimate.apply(c).toMillis()).sum()));
        List<String> order = new ArrayList<>(units.keySet());
        order.sort(Comparator.comparing((String k) -> millis.get(k)).reversed().thenComparing(k -> k));
        List<List<Combination>> parts = new ArrayList<>();
        long[] load = new long[n];
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>());
        }
        for (String k : order) {
            int least = 0;
            for (int i = 1; i < n; i++) {
                if (load[i] < load[least]) {
                    least = i;
                }
            }
            parts.get(least).addAll(units.get(k));
            load[least] += millis.get(k);
        }
        return parts;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
