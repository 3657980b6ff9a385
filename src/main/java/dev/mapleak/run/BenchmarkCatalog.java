package dev.mapleak.run;

import dev.mapleak.measure.NamedOnly;

import dev.mapleak.folder.UsageException;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmarks compiled into the jar and the parameters each declares, read from JMH's own
 * {@code META-INF/BenchmarkList}: the runner never keeps a second list that could drift from the code.
 * Names are short: {@code LifecycleBenchmark.fill}.
 */
final class BenchmarkCatalog {

    /** A benchmark method and its parameters in declaration order, with their default values. */
    record Benchmark(String name, String fullName, Map<String, List<String>> params) {
        /** {@code LifecycleBenchmark} for {@code LifecycleBenchmark.fill}. */
        String className() {
            return name.substring(0, name.indexOf('.'));
        }
    }

    /** The order parameters appear in ids, file names and tables: the ones people read first, then the rest by name. */
    static final List<String> LEADING_PARAMS = List.of("subject", "valueSize", "strategy", "history", "deleteFraction", "keys", "entries");
    private static final java.util.Comparator<String> PARAM_ORDER = java.util.Comparator
            .comparingInt((String p) -> LEADING_PARAMS.contains(p) ? LEADING_PARAMS.indexOf(p) : LEADING_PARAMS.size())
            .thenComparing(p -> p);

    private final Map<String, Benchmark> byName = new TreeMap<>();

    BenchmarkCatalog(BenchmarkList list) {
        for (BenchmarkListEntry entry : list.getAll(null, List.of())) {
            String full = entry.getUsername();
            String shortName = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
            Map<String, List<String>> params = new LinkedHashMap<>();
            Map<String, String[]> declared = new TreeMap<>(PARAM_ORDER);
            declared.putAll(entry.getParams().orElse(Map.of()));
            declared.forEach((k, v) -> params.put(k, List.of(v)));
            byName.put(shortName, new Benchmark(shortName, full, params));
        }
    }

    /** Whether the benchmark's method carries {@link NamedOnly}; false where its class cannot be loaded. */
    static boolean namedOnly(Benchmark b) {
        String full = b.fullName();
        try {
            Class<?> type = Class.forName(full.substring(0, full.lastIndexOf('.')), false, BenchmarkCatalog.class.getClassLoader());
            String method = full.substring(full.lastIndexOf('.') + 1);
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (m.getName().equals(method) && m.isAnnotationPresent(NamedOnly.class)) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static BenchmarkCatalog fromJar() {
        return new BenchmarkCatalog(BenchmarkList.defaultList());
    }

    /**
     * The benchmarks a profile's {@code benchmarks} entry names: {@code Class.method}, or {@code Class}
     * for all of its methods but those marked {@link NamedOnly}.
     */
    List<Benchmark> resolve(String selector, String where) {
        List<Benchmark> found = new ArrayList<>();
        for (Benchmark b : byName.values()) {
            if (b.name().equals(selector) || b.name().startsWith(selector + ".") && !namedOnly(b)) {
                found.add(b);
            }
        }
        if (found.isEmpty()) {
            throw new UsageException(where + ": unknown benchmark '" + selector + "'; valid benchmarks: "
                    + String.join(", ", byName.keySet()));
        }
        return found;
    }
}
