package dev.mapleak.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group of a run: one benchmark with one value for each of its parameters, run as one JMH invocation
 * whose results land in their own file as soon as it ends.
 *
 * @param benchmark short name, {@code LifecycleBenchmark.fill}
 * @param fullName  JMH's name, {@code dev.mapleak.bench.LifecycleBenchmark.fill}
 * @param jvm       the label of the {@link JvmConfig} its forks run on; {@value #DEFAULT_JVM} when a profile has one
 */
public record Combination(String benchmark, String fullName, Map<String, String> params, String jvm) {

    public static final String DEFAULT_JVM = "default";

    public Combination {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A stable, readable id that is also a file name: {@code LifecycleBenchmark.fill,subject=FASTUTIL,valueSize=128}. */
    public String id() {
        StringBuilder id = new StringBuilder(benchmark);
        params.forEach((k, v) -> id.append(',').append(k).append('=').append(v));
        if (!jvm.equals(DEFAULT_JVM)) {
            id.append(",jvm=").append(jvm);
        }
        return id.toString();
    }

    /** {@code LifecycleBenchmark.fill subject=FASTUTIL valueSize=128}, for people. */
    public String label() {
        return id().replace(',', ' ');
    }

    public String param(String name) {
        return params.get(name);
    }
}
