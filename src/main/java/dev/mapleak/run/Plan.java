package dev.mapleak.run;

import dev.mapleak.folder.PlanFile;
import dev.mapleak.folder.UsageException;
import dev.mapleak.gorun.GoLifecycle;
import dev.mapleak.lifecycle.Strategy;
import dev.mapleak.subject.Subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A profile expanded into the groups to run and the combinations left out as not applicable (with the
 * reason), every parameter value checked before anything runs.
 */
public record Plan(List<Combination> runs, List<Skipped> notApplicable) {

    /** A combination that makes no sense, and why; listed, never run as a failure. */
    public record Skipped(Combination combination, String reason) {
    }

    /** What {@code plan.json} records of this plan. */
    public PlanFile toFile() {
        return new PlanFile(ids(runs), notApplicable.stream()
                .map(s -> new PlanFile.NotApplicable(s.combination().id(), s.reason())).toList());
    }

    /** What {@code plan.json} records of {@code shard}'s part of this plan ({@link #shard}), with the whole plan's groups. */
    public PlanFile toFile(Shard shard, Plan part) {
        return new PlanFile(ids(part.runs()), part.toFile().notApplicable(), shard.toString(), ids(runs));
    }

    /** The part of this plan that {@code shard} runs; the not-applicable list stays whole. */
    Plan shard(Shard shard, java.util.function.Function<Combination, java.time.Duration> estimate) {
        return new Plan(shard.select(runs, estimate), notApplicable);
    }

    private static List<String> ids(List<Combination> groups) {
        return groups.stream().map(Combination::id).toList();
    }

    static Plan expand(Profile profile, BenchmarkCatalog catalog, List<String> jvmLabels) {
        return expand(profile, catalog, jvmLabels, Optional.empty());
    }

    /**
     * With {@code go} present, every LifecycleBenchmark method of the profile also runs as its Go twin (subject
     * GO_RUNTIME, {@link GoLifecycle}): once, not once per JVM, as it runs no JVM.
     */
    static Plan expand(Profile profile, BenchmarkCatalog catalog, List<String> jvmLabels, Optional<GoLifecycle> go) {
        List<BenchmarkCatalog.Benchmark> benchmarks = new ArrayList<>();
        for (String selector : profile.benchmarks()) {
            for (BenchmarkCatalog.Benchmark b : catalog.resolve(selector, profile.where(Profile.BENCHMARKS))) {
                if (!benchmarks.contains(b)) {
                    benchmarks.add(b);
                }
            }
        }
        if (go.isPresent()) {
            benchmarks.addAll(goTwins(benchmarks));
        }
        checkParams(profile, benchmarks);
        TimingGroups.checkClassRuns(profile, benchmarks);

        List<Combination> runs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (BenchmarkCatalog.Benchmark b : benchmarks) {
            boolean isGo = GoLifecycle.isGo(b.name());
            Map<String, List<String>> axes = new LinkedHashMap<>();
            if (isGo) {
                axes.put("subject", List.of(GoLifecycle.SUBJECT));
            }
            b.params().forEach((name, defaults) -> axes.put(name, valuesFor(profile, b, name, defaults)));
            for (Map<String, String> point : cartesian(axes)) {
                Optional<String> reason = isGo ? go.get().notApplicable(point) : notApplicable(point);
                for (String jvm : isGo ? List.of(Combination.DEFAULT_JVM) : jvmLabels) {
                    Combination c = new Combination(b.name(), b.fullName(), point, jvm);
                    if (reason.isPresent()) {
                        skipped.add(new Skipped(c, reason.get()));
                    } else {
                        runs.add(c);
                    }
                }
            }
        }
        return new Plan(List.copyOf(runs), List.copyOf(skipped));
    }

    /**
     * A parameter's values for one benchmark: a scoped key ({@code OperationsBenchmark.entries} or
     * {@code OperationsBenchmark.iterate.entries}) wins over the plain one ({@code entries}), so one profile can
     * give each benchmark class the values that make sense for it; without either, the benchmark's defaults.
     */
    static List<String> valuesFor(Profile profile, BenchmarkCatalog.Benchmark b, String name, List<String> defaults) {
        List<String> keys = new ArrayList<>(List.of(b.name() + "." + name, b.className() + "." + name));
        if (GoLifecycle.isGo(b.name())) { // a Go twin also takes its Java benchmark's scoped values
            keys.addAll(List.of(GoLifecycle.javaTwinOf(b.name()) + "." + name, GoLifecycle.JAVA_TWIN_CLASS + "." + name));
        }
        keys.add(name);
        for (String key : keys) {
            List<String> values = profile.params().get(key);
            if (values != null) {
                return values;
            }
        }
        return defaults;
    }

    /**
     * The Go twin of each LifecycleBenchmark method: its parameters without {@code subject} (always GO_RUNTIME),
     * plus {@code storage}, INLINE and POINTER unless the profile narrows it.
     */
    private static List<BenchmarkCatalog.Benchmark> goTwins(List<BenchmarkCatalog.Benchmark> benchmarks) {
        List<BenchmarkCatalog.Benchmark> twins = new ArrayList<>();
        for (BenchmarkCatalog.Benchmark b : benchmarks) {
            for (String twin : GoLifecycle.twinsOf(b.name())) {
                Map<String, List<String>> params = new LinkedHashMap<>(b.params());
                params.remove("subject");
                if (twin.endsWith(".fill")) { // the memory group's fill twin: a fill depends on neither
                    params.remove("deleteFraction");
                    params.remove("strategy");
                }
                params.put(GoLifecycle.STORAGE, GoLifecycle.STORAGES);
                if (twins.stream().noneMatch(t -> t.name().equals(twin))) {
                    twins.add(new BenchmarkCatalog.Benchmark(twin, GoLifecycle.PACKAGE + twin, params));
                }
            }
        }
        return twins;
    }

    /** Every profile key that is not a setting must be a parameter of one of its benchmarks, with valid values. */
    private static void checkParams(Profile profile, List<BenchmarkCatalog.Benchmark> benchmarks) {
        Set<String> known = new TreeSet<>();
        benchmarks.forEach(b -> known.addAll(b.params().keySet()));
        profile.params().forEach((key, values) -> {
            int dot = key.lastIndexOf('.');
            String name = dot < 0 ? key : key.substring(dot + 1);
            if (dot < 0 && !known.contains(name)) {
                throw new UsageException(profile.where(key) + ": '" + key + "' is neither a setting ("
                        + Profile.settingNames() + ") nor a parameter of the profile's benchmarks ("
                        + String.join(", ", known) + ")");
            }
            if (dot >= 0) {
                String scope = key.substring(0, dot);
                boolean declared = benchmarks.stream().anyMatch(b ->
                        (b.name().equals(scope) || b.className().equals(scope)) && b.params().containsKey(name));
                if (!declared) {
                    throw new UsageException(profile.where(key) + ": '" + key + "' names no parameter of a benchmark of this"
                            + " profile; scoped keys are BenchmarkClass.param or BenchmarkClass.method.param");
                }
            }
            for (String value : values) {
                try {
                    ParamDomain.check(name, value);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(profile.where(key) + ": " + e.getMessage());
                }
            }
        });
    }

    /** Why a point of the matrix makes no sense, if it does not. */
    static Optional<String> notApplicable(Map<String, String> point) {
        String strategy = point.get("strategy");
        String subject = point.get("subject");
        if (strategy == null || subject == null) {
            return Optional.empty();
        }
        double deleteFraction = Double.parseDouble(point.getOrDefault("deleteFraction", "1.0"));
        return Strategy.parse(strategy).notApplicable(Subject.parse(subject), deleteFraction);
    }

    private static List<Map<String, String>> cartesian(Map<String, List<String>> axes) {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String v : axis.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }
}
