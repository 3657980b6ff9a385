package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * {@code --shard K/N}: the K-th of N deterministic, disjoint parts of a plan, for spreading one run over N
 * machines of an existing engine (a CI matrix, a Kubernetes Indexed Job) and merging the N run folders into one
 * ({@code ./run-bench.sh merge}).
 *
 * <p>Groups are balanced by their time estimate with the longest-processing-time rule: longest first, each to the
 * part with the least estimated time so far (ties to the lower part, groups of equal estimate in id order). Every
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
        List<Combination> mine = parts.get(index - 1);
        return groups.stream().filter(mine::contains).toList();
    }

    /** The N parts, by the longest-processing-time rule. */
    static List<List<Combination>> split(List<Combination> groups, Function<Combination, Duration> estimate, int n) {
        List<Combination> order = new ArrayList<>(groups);
        order.sort(Comparator.comparing((Combination c) -> estimate.apply(c)).reversed().thenComparing(Combination::id));
        List<List<Combination>> parts = new ArrayList<>();
        long[] load = new long[n];
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>());
        }
        for (Combination c : order) {
            int least = 0;
            for (int i = 1; i < n; i++) {
                if (load[i] < load[least]) {
                    least = i;
                }
            }
            parts.get(least).add(c);
            load[least] += estimate.apply(c).toMillis();
        }
        return parts;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
