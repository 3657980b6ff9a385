package dev.mapleak.measure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flags per JVM. The version limits come from the JDKs themselves, checked on this project's machine:
 * JDK 17.0.15 answers "Unrecognized VM option 'UseCompactObjectHeaders'" (and 'ZGenerational') and
 * "Unrecognized option: --sun-misc-unsafe-memory-access=allow"; JDK 25.0.3 accepts both of the first and
 * answers "Ignoring option ZGenerational; support was removed in 24.0".
 */
class JvmFlagsTest {

    static final List<String> SINCE_24 = List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED");

    @Test
    void jdk17NeverGetsAJdk25OnlyFlagFromJol() {
        for (int feature : List.of(17, 21, 23)) {
            List<String> flags = JvmFlags.forJol(feature);
            SINCE_24.forEach(f -> assertFalse(flags.contains(f), feature + ": " + flags));
            assertEquals(Optional.empty(), JvmFlags.unsupportedOn(feature, flags), "JDK " + feature);
        }
    }

    @Test
    void jdk24AndLaterGetTheFlagsThatKeepJolQuiet() {
        for (int feature : List.of(24, 25, 26)) {
            List<String> flags = JvmFlags.forJol(feature);
            assertTrue(flags.containsAll(SINCE_24), feature + ": " + flags);
            assertEquals(Optional.empty(), JvmFlags.unsupportedOn(feature, flags), "JDK " + feature);
        }
    }

    @Test
    void everyJdkGetsTheOpensJolNeeds() {
        List<String> flags = JvmFlags.forJol(17);
        assertEquals(List.of("--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Djdk.attach.allowAttachSelf=true", "-Djol.skipHotspotSAAttach=true"), flags);
    }

    /** JOL guesses a 65,536-byte object alignment under ZGC on JDK 25 without the Serviceability Agent. */
    @Test
    void zgcKeepsTheServiceabilityAgentSoJolKnowsTheAlignment() {
        String skip = "-Djol.skipHotspotSAAttach=true";
        assertTrue(JvmFlags.forJol(25, List.of("-XX:+UseG1GC")).contains(skip));
        assertFalse(JvmFlags.forJol(25, List.of("-XX:+UseZGC", "-XX:ZUncommitDelay=1")).contains(skip));
        assertFalse(JvmFlags.forJol(17, List.of("-XX:+UseZGC")).contains(skip));
        // the last collector flag wins, as in HotSpot
        assertTrue(JvmFlags.forJol(25, List.of("-XX:+UseZGC", "-XX:+UseSerialGC")).contains(skip));
        assertFalse(JvmFlags.forJol(25, List.of("-XX:+UseG1GC", "-XX:+UseZGC")).contains(skip));
    }

    @Test
    void compactObjectHeadersAreRefusedBeforeJdk25WithTheReason() {
        assertEquals(Optional.of("-XX:+UseCompactObjectHeaders needs JDK 25 or newer (compact object headers (JEP 519)"
                        + " are a product flag from JDK 25), not JDK 17"),
                JvmFlags.unsupportedOn(17, List.of("-Xmx4g", "-XX:+UseG1GC", "-XX:+UseCompactObjectHeaders")));
        assertTrue(JvmFlags.unsupportedOn(21, List.of("-XX:-UseCompactObjectHeaders")).isPresent());
        assertEquals(Optional.empty(), JvmFlags.unsupportedOn(25, List.of("-XX:+UseCompactObjectHeaders")));
        assertEquals(Optional.empty(), JvmFlags.unsupportedOn(25, List.of("-XX:-UseCompactObjectHeaders")));
    }

    @Test
    void zgcGenerationalSwitchOnlyWhereItDoesSomething() {
        assertTrue(JvmFlags.unsupportedOn(17, List.of("-XX:+UseZGC", "-XX:+ZGenerational")).isPresent());
        assertEquals(Optional.empty(), JvmFlags.unsupportedOn(21, List.of("-XX:+UseZGC", "-XX:+ZGenerational")));
        assertEquals(Optional.empty(), JvmFlags.unsupportedOn(23, List.of("-XX:-ZGenerational")));
        Optional<String> on25 = JvmFlags.unsupportedOn(25, List.of("-XX:-ZGenerational"));
        assertTrue(on25.isPresent() && on25.get().contains("JDK 21 to 23"), on25.toString());
    }

    @Test
    void flagsEveryJdkTakesPass() {
        List<String> gcMatrixFlags = List.of("-Xmx4g", "-XX:MarkSweepDeadRatio=0", "-XX:+UseShenandoahGC",
                "-XX:-ExplicitGCInvokesConcurrent", "-XX:+UnlockExperimentalVMOptions", "-XX:ShenandoahUncommitDelay=1000",
                "-XX:+UseZGC", "-XX:ZUncommitDelay=1", "-Xms8m", "-XX:+UseAdaptiveSizePolicyWithSystemGC",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:-ShrinkHeapInSteps");
        assertEquals(Optional.empty(), JvmFlags.unsupportedOn(17, gcMatrixFlags));
        assertEquals(Optional.empty(), JvmFlags.unsupportedOn(25, gcMatrixFlags));
    }

    @Test
    void featureVersionsFromVersionStrings() {
        assertEquals(17, JvmFlags.featureVersion("17.0.15"));
        assertEquals(25, JvmFlags.featureVersion("25"));
        assertEquals(25, JvmFlags.featureVersion("25.0.3+9-LTS"));
        assertEquals(8, JvmFlags.featureVersion("1.8.0_402"));
        assertThrows(IllegalArgumentException.class, () -> JvmFlags.featureVersion("x"));
        assertThrows(IllegalArgumentException.class, () -> JvmFlags.forJol(11));
    }
}
