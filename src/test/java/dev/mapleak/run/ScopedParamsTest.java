package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A profile can give one benchmark class values of its own ({@code OperationsBenchmark.entries = 10000}). */
class ScopedParamsTest {

    static final String PROFILE = """
            description = scoped
            benchmarks = LifecycleBenchmark.fill, ChurnBenchmark
            subject = FASTUTIL
            valueSize = 64, 128
            entries = 1000
            keys = SEQUENTIAL
            ChurnBenchmark.valueSize = 256
            ChurnBenchmark.entries = 500
            """;

    static Plan plan(Profile p) {
        return Plan.expand(p, BenchmarkCatalog.fromJar(), List.of(Combination.DEFAULT_JVM));
    }

    @Test
    void scopedValuesWinForTheirBenchmarkOnly() {
        Plan plan = plan(Profile.parse("scoped", PROFILE, "profiles/scoped.properties"));
        List<String> fill = plan.runs().stream().filter(c -> c.benchmark().equals("LifecycleBenchmark.fill"))
                .map(c -> c.param("valueSize") + "/" + c.param("entries")).toList();
        List<String> churn = plan.runs().stream().filter(c -> c.benchmark().startsWith("ChurnBenchmark."))
                .map(c -> c.param("valueSize") + "/" + c.param("entries")).distinct().toList();
        assertEquals(List.of("64/1000", "128/1000"), fill);
        assertEquals(List.of("256/500"), churn);
    }

    @Test
    void anOverrideFromTheCommandLineReplacesScopedValuesToo() {
        Profile p = Profile.parse("scoped", PROFILE, "profiles/scoped.properties")
                .withParams(Map.of("valueSize", List.of("129")));
        assertTrue(plan(p).runs().stream().allMatch(c -> c.param("valueSize").equals("129")));
    }

    @Test
    void aScopedKeyMustNameAParameterOfOneOfTheProfilesBenchmarks() {
        UsageException e = assertThrows(UsageException.class, () -> plan(Profile.parse("scoped",
                PROFILE + "OperationsBenchmark.entries = 10\n", "profiles/scoped.properties")));
        assertEquals("profiles/scoped.properties:9: 'OperationsBenchmark.entries' names no parameter of a benchmark of"
                + " this profile; scoped keys are BenchmarkClass.param or BenchmarkClass.method.param", e.getMessage());
        UsageException bad = assertThrows(UsageException.class, () -> plan(Profile.parse("scoped",
                PROFILE.replace("ChurnBenchmark.valueSize = 256", "ChurnBenchmark.valueSize = 0"), "profiles/scoped.properties")));
        assertTrue(bad.getMessage().contains("valueSize must be between 1 and 1048576"), bad.getMessage());
    }
}
