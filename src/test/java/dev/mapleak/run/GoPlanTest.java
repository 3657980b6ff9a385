package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import dev.mapleak.gorun.GoLifecycle;
import dev.mapleak.gorun.GoMode;
import dev.mapleak.gorun.GoToolchain;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GO_RUNTIME groups in a plan: one Go twin per LifecycleBenchmark method, expanded like any other group. */
class GoPlanTest {

    static final String PROFILE = """
            description = go
            benchmarks = LifecycleBenchmark.fill, LifecycleBenchmark.reclaim
            subject = GO_HYBRID
            valueSize = 128, 100
            entries = 1000
            keys = SEQUENTIAL
            deleteFraction = 1.0
            strategy = KEEP, REBUILD, TRIM, CLEAR
            go = optional
            """;

    static GoLifecycle go(String version) {
        return new GoLifecycle(new GoToolchain(Path.of("/fake/go"), version), List.of(64, 128, 129, 256));
    }

    static Plan plan(String profile, Optional<GoLifecycle> go) {
        return Plan.expand(Profile.parse("go", profile, "profiles/go.properties"), BenchmarkCatalog.fromJar(),
                List.of("jdk17", "jdk25"), go);
    }

    static List<String> goIds(List<Combination> combinations) {
        return combinations.stream().filter(c -> GoLifecycle.isGo(c.benchmark())).map(Combination::id).toList();
    }

    @Test
    void eachLifecycleMethodGetsAGoTwinPerStorageRunOnceNotOncePerJvm() {
        Plan plan = plan(PROFILE, Optional.of(go("go1.19.8")));
        assertEquals(List.of(
                "GoLifecycle.fill,subject=GO_RUNTIME,valueSize=128,keys=SEQUENTIAL,entries=1000,storage=INLINE",
                "GoLifecycle.fill,subject=GO_RUNTIME,valueSize=128,keys=SEQUENTIAL,entries=1000,storage=POINTER",
                "GoLifecycle.reclaim,subject=GO_RUNTIME,valueSize=128,strategy=KEEP,deleteFraction=1.0,keys=SEQUENTIAL,entries=1000,storage=INLINE",
                "GoLifecycle.reclaim,subject=GO_RUNTIME,valueSize=128,strategy=KEEP,deleteFraction=1.0,keys=SEQUENTIAL,entries=1000,storage=POINTER",
                "GoLifecycle.reclaim,subject=GO_RUNTIME,valueSize=128,strategy=REBUILD,deleteFraction=1.0,keys=SEQUENTIAL,entries=1000,storage=INLINE",
                "GoLifecycle.reclaim,subject=GO_RUNTIME,valueSize=128,strategy=REBUILD,deleteFraction=1.0,keys=SEQUENTIAL,entries=1000,storage=POINTER"),
                goIds(plan.runs()));
        assertEquals("dev.mapleak.go.GoLifecycle.fill", plan.runs().stream()
                .filter(c -> c.benchmark().equals("GoLifecycle.fill")).findFirst().orElseThrow().fullName());
        // the Java groups still run once per JVM: fill and reclaim (KEEP, REBUILD, CLEAR) at 128 and 100 bytes
        assertEquals(2 * (2 + 2 * 3), plan.runs().stream().filter(c -> !GoLifecycle.isGo(c.benchmark())).count());
    }

    @Test
    void whatGoCannotDoIsNotApplicableWithTheReason() {
        Plan plan = plan(PROFILE, Optional.of(go("go1.19.8")));
        List<Plan.Skipped> skipped = plan.notApplicable().stream().filter(s -> GoLifecycle.isGo(s.combination().benchmark())).toList();
        // 100 bytes: fill x2 storages, reclaim x4 strategies x2; 128 bytes: TRIM and CLEAR x2
        assertEquals(2 + 8 + 4, skipped.size());
        assertEquals("the Go program has no [100]byte type compiled in (sizes: 64, 128, 129, 256; add one to src/main/go/maps.go)",
                reason(skipped, "GoLifecycle.fill,subject=GO_RUNTIME,valueSize=100,keys=SEQUENTIAL,entries=1000,storage=INLINE"));
        assertEquals("GO_RUNTIME: Go maps have no shrink of their own (B never decreases)", reason(skipped,
                "GoLifecycle.reclaim,subject=GO_RUNTIME,valueSize=128,strategy=TRIM,deleteFraction=1.0,keys=SEQUENTIAL,entries=1000,storage=POINTER"));
        assertEquals("GO_RUNTIME: CLEAR needs Go 1.21's clear builtin; this toolchain is go1.19.8", reason(skipped,
                "GoLifecycle.reclaim,subject=GO_RUNTIME,valueSize=128,strategy=CLEAR,deleteFraction=1.0,keys=SEQUENTIAL,entries=1000,storage=INLINE"));
    }

    @Test
    void clearRunsWhereTheToolchainHasIt() {
        List<String> ids = goIds(plan(PROFILE, Optional.of(go("go1.22.5"))).runs());
        assertTrue(ids.contains("GoLifecycle.reclaim,subject=GO_RUNTIME,valueSize=128,strategy=CLEAR,deleteFraction=1.0,"
                + "keys=SEQUENTIAL,entries=1000,storage=INLINE"), ids.toString());
        assertEquals(2 + 3 * 2, ids.size());
        List<String> partial = goIds(plan(PROFILE.replace("deleteFraction = 1.0", "deleteFraction = 0.5"),
                Optional.of(go("go1.22.5"))).runs());
        assertTrue(partial.stream().noneMatch(id -> id.contains("CLEAR")), partial.toString());
    }

    @Test
    void scopedKeysNarrowTheGoTwinsAndTheJavaBenchmarksScopedValuesApplyToThem() {
        List<String> ids = goIds(plan(PROFILE + "GoLifecycle.storage = POINTER\nLifecycleBenchmark.valueSize = 256\n",
                Optional.of(go("go1.19.8"))).runs());
        assertEquals(3, ids.size(), ids.toString());
        assertTrue(ids.stream().allMatch(id -> id.contains("storage=POINTER") && id.contains("valueSize=256")), ids.toString());
    }

    @Test
    void withoutGoThereAreNoGoGroupsAndStorageIsNoParameter() {
        Plan plan = plan(PROFILE, Optional.empty());
        assertEquals(List.of(), goIds(plan.runs()));
        assertEquals(List.of(), goIds(plan.notApplicable().stream().map(Plan.Skipped::combination).toList()));
        UsageException e = assertThrows(UsageException.class, () -> plan(PROFILE + "storage = INLINE\n", Optional.empty()));
        assertTrue(e.getMessage().startsWith("profiles/go.properties:10: 'storage' is neither a setting"), e.getMessage());
    }

    @Test
    void aBadStorageOrGoValueNamesItsLine() {
        UsageException storage = assertThrows(UsageException.class,
                () -> plan(PROFILE + "storage = INLINED\n", Optional.of(go("go1.19.8"))));
        assertEquals("profiles/go.properties:10: unknown storage 'INLINED'; valid values: INLINE, POINTER", storage.getMessage());
        UsageException mode = assertThrows(UsageException.class,
                () -> Profile.parse("go", PROFILE.replace("go = optional", "go = maybe"), "profiles/go.properties"));
        assertEquals("profiles/go.properties:9: go must be off, optional or required, got 'maybe'", mode.getMessage());
    }

    @Test
    void goIsOffUnlessAProfileSaysOtherwise() {
        assertEquals(GoMode.OFF, Profile.parse("go", PROFILE.replace("go = optional\n", ""), "x").settings().go());
        assertEquals(GoMode.REQUIRED, Profile.parse("go", PROFILE.replace("go = optional", "go = required"), "x").settings().go());
    }

    private static String reason(List<Plan.Skipped> skipped, String id) {
        return skipped.stream().filter(s -> s.combination().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("not skipped: " + id)).reason();
    }
}
