package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import dev.mapleak.measure.JvmFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which JVMs a profile gets and which flags each receives ({@link BenchRun#jvmConfigs}), on fake JDK homes;
 * and {@link JvmConfig#check()} on the JDK running the tests.
 */
class JvmConfigTest {

    @TempDir
    Path tmp;

    private Path jdk(String dir, String version) throws IOException {
        Path home = tmp.resolve(dir);
        Files.createDirectories(home.resolve("bin"));
        assertTrue(Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n").toFile().setExecutable(true));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home.toRealPath();
    }

    /** A machine with JDK 17 running mapleak and, when asked, a JDK 25 under the usual folder. */
    private JdkDiscovery machine(boolean with25) throws IOException {
        Path running = jdk("jdk-17", "17.0.15");
        if (with25) {
            jdk("lib/jvm/temurin-25", "25.0.3");
        }
        return new JdkDiscovery(Map.of(), running, List.of(tmp.resolve("lib/jvm")));
    }

    private static Profile profile(String jdksAndVariants) {
        return Profile.parse("t", "description = test\nbenchmarks = LifecycleBenchmark\nheap = 1g\n"
                + "jvmArgs = -XX:MarkSweepDeadRatio=0\n" + jdksAndVariants, "profiles/t.properties");
    }

    @Test
    void everyJdkTimesEveryVariantWithLabelsAndFlagsInOrder() throws IOException {
        BenchRun.JvmSet set = BenchRun.jvmConfigs(profile("jdks = 17, 25\nvariant.g1 = -XX:+UseG1GC\n"
                + "variant.zgc-tuned = -XX:+UseZGC -XX:ZUncommitDelay=1\n"), machine(true));
        assertEquals(List.of("jdk17-g1", "jdk17-zgc-tuned", "jdk25-g1", "jdk25-zgc-tuned"), List.copyOf(set.configs().keySet()));
        assertEquals(List.of(), set.leftOut());
        JvmConfig z25 = set.configs().get("jdk25-zgc-tuned");
        assertEquals(25, z25.jdk().feature());
        assertEquals(List.of("-Xmx1g", "-XX:MarkSweepDeadRatio=0", "-XX:+UseZGC", "-XX:ZUncommitDelay=1"), z25.jvmArgs());
    }

    @Test
    void jdk17NeverReceivesAJdk25OnlyFlag() throws IOException {
        BenchRun.JvmSet set = BenchRun.jvmConfigs(profile("jdks = 17, 25\nvariant.standard = -XX:-UseCompactObjectHeaders\n"
                + "variant.compact = -XX:+UseCompactObjectHeaders\n"), machine(true));
        assertEquals(List.of("jdk25-standard", "jdk25-compact"), List.copyOf(set.configs().keySet()));
        assertEquals(List.of(
                "jdk17-standard: -XX:-UseCompactObjectHeaders needs JDK 25 or newer (compact object headers (JEP 519) are a product flag from JDK 25), not JDK 17",
                "jdk17-compact: -XX:+UseCompactObjectHeaders needs JDK 25 or newer (compact object headers (JEP 519) are a product flag from JDK 25), not JDK 17"),
                set.leftOut());
        for (JvmConfig c : set.configs().values()) {
            assertEquals(java.util.Optional.empty(), JvmFlags.unsupportedOn(c.jdk().feature(), c.allArgs()), c.label());
        }
        // the JOL flags of a JDK 17 JVM hold none of JDK 24's
        BenchRun.JvmSet only17 = BenchRun.jvmConfigs(profile("jdks = 17\n"), machine(false));
        List<String> args17 = only17.configs().get("default").allArgs();
        assertFalse(args17.stream().anyMatch(a -> a.startsWith("--sun-misc-unsafe-memory-access")), args17.toString());
        assertFalse(args17.stream().anyMatch(a -> a.startsWith("--enable-native-access")), args17.toString());
    }

    @Test
    void anOptionalJdkThatIsMissingIsLeftOutWithALine() throws IOException {
        BenchRun.JvmSet set = BenchRun.jvmConfigs(profile("jdks = 17, 25?\nvariant.g1 = -XX:+UseG1GC\n"), machine(false));
        assertEquals(List.of("jdk17-g1"), List.copyOf(set.configs().keySet()));
        assertEquals(List.of("JDK 25 (optional): not installed here; install JDK 25 or list its home in MAPLEAK_JDKS"
                + " (homes separated by ':')"), set.leftOut());
        // and runs where it is installed
        assertEquals(List.of("jdk17-g1", "jdk25-g1"), List.copyOf(BenchRun.jvmConfigs(
                profile("jdks = 17, 25?\nvariant.g1 = -XX:+UseG1GC\n"), machine(true)).configs().keySet()));
    }

    @Test
    void aRequiredJdkThatIsMissingStopsTheRunAndSaysHowToPointToOne() throws IOException {
        JdkDiscovery d = machine(false);
        UsageException e = assertThrows(UsageException.class,
                () -> BenchRun.jvmConfigs(profile("jdks = 17, 25\n"), d));
        assertEquals("profiles/t.properties:5: needs JDK 25, which is not installed here: install JDK 25 or list its home"
                + " in MAPLEAK_JDKS (homes separated by ':') (or write '25?' to run without it)", e.getMessage());
    }

    @Test
    void nothingLeftToRunIsAnError() throws IOException {
        JdkDiscovery d = machine(false);
        UsageException e = assertThrows(UsageException.class,
                () -> BenchRun.jvmConfigs(profile("jdks = 17\nvariant.compact = -XX:+UseCompactObjectHeaders\n"), d));
        assertTrue(e.getMessage().startsWith("profiles/t.properties:5: no JVM can run here: jdk17-compact: "
                + "-XX:+UseCompactObjectHeaders needs JDK 25"), e.getMessage());
    }

    /** The shipped profile: ten collector settings per JDK; on a machine without JDK 25 it runs on 17 and says so. */
    @Test
    void gcMatrixRunsOnJdk17AloneWhereJdk25IsMissing() throws IOException {
        Profile gcMatrix = Profile.load(Path.of("profiles"), "gc-matrix");
        BenchRun.JvmSet without25 = BenchRun.jvmConfigs(gcMatrix, machine(false));
        assertEquals(List.of("jdk17-g1", "jdk17-parallel", "jdk17-serial", "jdk17-zgc", "jdk17-shenandoah",
                "jdk17-g1-tuned", "jdk17-parallel-tuned", "jdk17-serial-tuned", "jdk17-zgc-tuned", "jdk17-shenandoah-tuned"),
                List.copyOf(without25.configs().keySet()));
        assertEquals(1, without25.leftOut().size());
        assertTrue(without25.leftOut().get(0).startsWith("JDK 25 (optional): not installed here"), without25.leftOut().toString());
        jdk("lib/jvm/jdk-25", "25.0.3");
        BenchRun.JvmSet with25 = BenchRun.jvmConfigs(gcMatrix, new JdkDiscovery(Map.of(), tmp.resolve("jdk-17"),
                List.of(tmp.resolve("lib/jvm"))));
        assertEquals(20, with25.configs().size());
        assertEquals(List.of(), with25.leftOut());
    }

    /** compact-headers needs JDK 25 and refuses to run half-configured without it. */
    @Test
    void compactHeadersNeedsJdk25() throws IOException {
        Profile headers = Profile.load(Path.of("profiles"), "compact-headers");
        UsageException e = assertThrows(UsageException.class, () -> BenchRun.jvmConfigs(headers, machine(false)));
        assertTrue(e.getMessage().contains("needs JDK 25, which is not installed here"), e.getMessage());
        jdk("lib/jvm/jdk-25", "25.0.3");
        BenchRun.JvmSet set = BenchRun.jvmConfigs(headers, new JdkDiscovery(Map.of(), tmp.resolve("jdk-17"),
                List.of(tmp.resolve("lib/jvm"))));
        assertEquals(List.of("jdk25-standard", "jdk25-compact"), List.copyOf(set.configs().keySet()));
    }

    @Test
    void theSameJdkNamedTwiceRunsOnce() throws IOException {
        BenchRun.JvmSet set = BenchRun.jvmConfigs(profile("jdks = default, 17\n"), machine(false));
        assertEquals(List.of("jdk17"), List.copyOf(set.configs().keySet()));
    }

    @Test
    void aVariantNameMayHoldDashes() {
        Profile p = profile("variant.shenandoah-tuned = -XX:+UseShenandoahGC -XX:-ExplicitGCInvokesConcurrent\n");
        assertEquals(Map.of("shenandoah-tuned", List.of("-XX:+UseShenandoahGC", "-XX:-ExplicitGCInvokesConcurrent")),
                p.settings().variants());
        UsageException e = assertThrows(UsageException.class, () -> profile("variant.bad_name = -Xint\n"));
        assertTrue(e.getMessage().contains("'variant.bad_name' is not a valid key")
                || e.getMessage().contains("a variant name is letters, digits and '-'"), e.getMessage());
    }

    @Test
    void aRefusedCollectorFlagTellsAMissingCollectorFromATypo() {
        List<String> args = List.of("-Xmx1g", "-XX:+UseShenandoahGC");
        assertTrue(JvmConfig.refusesCollector("Unrecognized VM option 'UseShenandoahGC'", args));
        assertTrue(JvmConfig.refusesCollector("Error: VM option '-XX:+UseShenandoahGC' is not supported in this VM", args));
        assertFalse(JvmConfig.refusesCollector("Unrecognized VM option 'ShenandoahUncommitDelayy=1'", args));
        assertFalse(JvmConfig.refusesCollector("Unrecognized VM option 'UseShenandoahGC'", List.of("-XX:+UseG1GC")));
        // a Use...GC flag that selects no collector is a typo or a tuning flag, not a missing collector
        assertFalse(JvmConfig.refusesCollector("Unrecognized VM option 'UseAdaptiveSizePolicyWithSystemGCC'",
                List.of("-XX:+UseAdaptiveSizePolicyWithSystemGCC")));
    }

    @Test
    void printFlagsFinalIsReadBackWithTheCollector() {
        String out = """
                     bool UseG1GC                                  = false                                     {product} {default}
                     bool UseZGC                                   = true                                      {product} {command line}
                     bool ZGenerational                            = true                                      {product} {command line}
                    ccstr ShenandoahGCMode                         =                                           {product} {default}
                openjdk version "21.0.4" 2024-07-16
                """;
        Map<String, String> flags = JvmConfig.parseFlagsFinal(out);
        assertEquals("true", flags.get("UseZGC"));
        assertEquals("", flags.get("ShenandoahGCMode"));
        assertEquals("Z (generational)", JvmConfig.collector(flags));
        assertEquals("unknown", JvmConfig.collector(Map.of()));
    }

    /** Launches the JDK running the tests: a real JVM, started with the flags a fork would get. */
    @Test
    void checkStartsTheJvmAndReadsTheCollectorOrQuotesTheRefusal() {
        Jdk running = JdkDiscovery.system().running();
        JvmConfig serial = new JvmConfig("t", running, List.of("-Xmx64m", "-XX:+UseSerialGC"));
        JvmConfig.Checked checked = serial.check();
        assertEquals("Serial", checked.collector());
        assertEquals(String.valueOf(64L << 20), checked.finalFlags().get("MaxHeapSize"));

        JvmConfig typo = new JvmConfig("t", running, List.of("-Xmx64m", "-XX:+UseSerialGCC"));
        UsageException e = assertThrows(UsageException.class, typo::check);
        assertTrue(e.getMessage().contains("refuses the flags of JVM 't'") && e.getMessage().contains("UseSerialGCC"),
                e.getMessage());

        // A collector this build does not have, in HotSpot's own words (JDK 17 lost CMS): the runner leaves such a JVM out.
        if (running.feature() >= 14) {
            JvmConfig missing = new JvmConfig("t", running, List.of("-Xmx64m", "-XX:+UseConcMarkSweepGC"));
            JvmConfig.CollectorMissing m = assertThrows(JvmConfig.CollectorMissing.class, missing::check);
            assertTrue(m.getMessage().contains("has no such collector: Unrecognized VM option 'UseConcMarkSweepGC'"), m.getMessage());
        }
    }
}
