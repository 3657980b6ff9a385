package dev.mapleak.gorun;

import dev.mapleak.lifecycle.Lifecycle;
import dev.mapleak.lifecycle.Strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subject GO_RUNTIME: the Go program's twin of each {@code LifecycleBenchmark} method. {@code GoLifecycle.fill}
 * times the same phase as {@code LifecycleBenchmark.fill}, with the same parameters except {@code subject}
 * (always GO_RUNTIME) and one of its own, {@code storage}: INLINE is {@code map[int][N]byte} (Go's runtime
 * itself stores elems over 128 bytes through a pointer), POINTER is {@code map[int]*[N]byte}.
 *
 * <p>What a combination cannot do on the toolchain at hand is not applicable, never a failure: a value size
 * the program has no array type for, TRIM (Go maps have no shrink), CLEAR before Go 1.21, and CLEAR when
 * entries survive the deletes (as for every subject).
 */
public final class GoLifecycle {

    public static final String SUBJECT = "GO_RUNTIME";
    /** The benchmark class name results and ids use: {@code GoLifecycle.fill}, {@code dev.mapleak.go.GoLifecycle.fill}. */
    public static final String CLASS = "GoLifecycle";
    public static final String PACKAGE = "dev.mapleak.go.";
    /** The Java benchmark class whose methods have a Go twin. */
    public static final String JAVA_TWIN_CLASS = "LifecycleBenchmark";
    public static final String STORAGE = "storage";
    public static final List<String> STORAGES = List.of("INLINE", "POINTER");

    private final GoToolchain toolchain;
    private final List<Integer> valueSizes;

    public GoLifecycle(GoToolchain toolchain, List<Integer> valueSizes) {
        this.toolchain = toolchain;
        this.valueSizes = List.copyOf(valueSizes);
    }

    public GoToolchain toolchain() {
        return toolchain;
    }

    public List<Integer> valueSizes() {
        return valueSizes;
    }

    /** {@code GoLifecycle.fill} for {@code LifecycleBenchmark.fill}; empty for a benchmark without a twin. */
    public static Optional<String> twinOf(String javaBenchmark) {
        return javaBenchmark.startsWith(JAVA_TWIN_CLASS + ".")
                ? Optional.of(CLASS + javaBenchmark.substring(JAVA_TWIN_CLASS.length()))
                : Optional.empty();
    }

    /**
     * The Go benchmarks that measure what {@code javaBenchmark} measures: its twin of the same name, or, for the memory
     * group {@code LifecycleBenchmark.memory} (every state in one Java fork), {@code GoLifecycle.fill} and
     * {@code GoLifecycle.reclaim}, which between them record the same four states (Go's program has no probe
     * costs worth folding into one run: no JOL walk).
     */
    public static List<String> twinsOf(String javaBenchmark) {
        if (javaBenchmark.equals(JAVA_TWIN_CLASS + ".memory")) {
            return List.of(CLASS + ".fill", CLASS + ".reclaim");
        }
        return twinOf(javaBenchmark).map(List::of).orElse(List.of());
    }

    /** {@code LifecycleBenchmark.fill} for {@code GoLifecycle.fill}. */
    public static String javaTwinOf(String goBenchmark) {
        return JAVA_TWIN_CLASS + goBenchmark.substring(CLASS.length());
    }

    /** Whether a (short) benchmark name is one of the Go program's. */
    public static boolean isGo(String benchmark) {
        return benchmark.startsWith(CLASS + ".");
    }

    /** The phase a Go benchmark times: fill, delete or reclaim. */
    public static String phase(String goBenchmark) {
        return goBenchmark.substring(CLASS.length() + 1);
    }

    /** Why a point of a Go benchmark's matrix cannot run here, if it cannot. */
    public Optional<String> notApplicable(Map<String, String> point) {
        String size = point.get("valueSize");
        if (size != null && !valueSizes.contains(Integer.parseInt(size))) {
            return Optional.of("the Go program has no [" + size + "]byte type compiled in (sizes: "
                    + String.join(", ", valueSizes.stream().map(String::valueOf).toList()) + "; add one to src/main/go/maps.go)");
        }
        String strategy = point.get("strategy");
        if (strategy == null) {
            return Optional.empty();
        }
        Strategy s = Strategy.parse(strategy);
        double deleteFraction = Double.parseDouble(point.getOrDefault("deleteFraction", "1.0"));
        if (s == Strategy.TRIM) {
            return Optional.of(SUBJECT + ": Go maps have no shrink of their own (B never decreases)");
        }
        if (s == Strategy.CLEAR && !toolchain.hasClear()) {
            return Optional.of(SUBJECT + ": CLEAR needs Go 1.21's clear builtin; this toolchain is " + toolchain.version());
        }
        if (s == Strategy.CLEAR && deleteFraction < 1.0) {
            return Optional.of("CLEAR would also drop the " + Math.round((1 - deleteFraction) * 100)
                    + "% of entries that survive deleteFraction=" + deleteFraction);
        }
        return Optional.empty();
    }

    /** The program's arguments for one group; the values are passed through as the plan has them. */
    public static List<String> arguments(String goBenchmark, Map<String, String> params, int warmups, int runs) {
        List<String> args = new ArrayList<>(List.of("-benchmark", phase(goBenchmark)));
        for (String name : List.of("valueSize", STORAGE, "entries", "keys", "deleteFraction", "strategy")) {
            String v = params.get(name);
            if (v != null) {
                args.add("-" + name);
                args.add(v);
            }
        }
        if (params.containsKey("deleteFraction")) {
            Lifecycle.checkDeleteFraction(Double.parseDouble(params.get("deleteFraction")));
        }
        args.addAll(List.of("-warmups", String.valueOf(warmups), "-runs", String.valueOf(runs)));
        return args;
    }
}
