package dev.mapleak.measure;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The JVM flags mapleak's measurements need, computed from the forked JVM's feature version in this one
 * place: JDK 17 refuses to start with the JDK 25-only flags, and JDK 25 warns loudly without them.
 */
public final class JvmFlags {

    /** Lets JOL read java.util internals quickly and attach its agent; accepted by every JDK since 9. */
    private static final List<String> JOL_COMMON = List.of(
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "-Djdk.attach.allowAttachSelf=true");

    /**
     * The Serviceability Agent only refines what JOL prints about layouts on most JVMs: sizes come from
     * Instrumentation, rounded to an object alignment JOL reads from the agent or else guesses from object
     * addresses. Attaching it costs about half a second per JVM, so it is skipped, except under ZGC: there the
     * guess is wrong on JDK 25 (every object rounded to 65,536 bytes, a 200k-entry HashMap read as 37 GiB),
     * while the agent gives the real 8.
     */
    private static final String JOL_SKIP_SA = "-Djol.skipHotspotSAAttach=true";

    /** JDK 23 deprecated sun.misc.Unsafe memory access and JDK 24 restricted native access: JOL uses both. */
    private static final List<String> JOL_SINCE_24 = List.of(
            "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED");

    private JvmFlags() {
    }

    /** The flags JOL needs on a JVM of the given feature version (17, 21, 25, ...) with the default collector. */
    public static List<String> forJol(int featureVersion) {
        return forJol(featureVersion, List.of());
    }

    /** The flags JOL needs on a JVM of the given feature version started with {@code jvmArgs}. */
    public static List<String> forJol(int featureVersion, List<String> jvmArgs) {
        if (featureVersion < 17) {
            throw new IllegalArgumentException("mapleak needs Java 17 or newer, got Java " + featureVersion);
        }
        List<String> flags = new ArrayList<>(JOL_COMMON);
        if (!selectsZgc(jvmArgs)) {
            flags.add(JOL_SKIP_SA);
        }
        if (featureVersion >= 24) {
            flags.addAll(JOL_SINCE_24);
        }
        return List.copyOf(flags);
    }

    /** The HotSpot flags that select a collector, {@code -XX:+Use<NAME>GC}, for every collector HotSpot has had. */
    public static final List<String> COLLECTOR_FLAGS = List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseSerialGC",
            "-XX:+UseZGC", "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC", "-XX:+UseConcMarkSweepGC");

    /** Whether the last collector flag among {@code jvmArgs} is {@code -XX:+UseZGC}. */
    static boolean selectsZgc(List<String> jvmArgs) {
        boolean z = false;
        for (String a : jvmArgs) {
            if (COLLECTOR_FLAGS.contains(a)) {
                z = a.equals("-XX:+UseZGC");
            }
        }
        return z;
    }

    /**
     * {@code -javaagent:JAR} when {@code jar} is mapleak's uber jar (its manifest names {@link JolAgent}), so
     * JOL has Instrumentation from the start; empty otherwise (JOL then attaches itself).
     */
    public static List<String> javaAgent(Optional<Path> jar) {
        return jar.filter(JvmFlags::hasJolAgent).map(j -> List.of("-javaagent:" + j)).orElse(List.of());
    }

    /** The jar this class was loaded from, if it was loaded from one. */
    public static Optional<Path> ownJar() {
        try {
            var source = JvmFlags.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean hasJolAgent(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            return m != null && JolAgent.class.getName().equals(m.getMainAttributes().getValue("Premain-Class"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Flags that only some feature versions accept, as {@code [first, last]} (inclusive): a JVM outside the
     * range refuses to start with them, or, worse, starts and ignores them (JDK 24 and later accept
     * {@code -XX:-ZGenerational} with a warning and run generational ZGC anyway). Matched on the flag's
     * name, whatever its sign or value.
     */
    private static final List<VersionedFlag> VERSIONED = List.of(
            new VersionedFlag("-XX:[+-]UseCompactObjectHeaders", 25, Integer.MAX_VALUE,
                    "compact object headers (JEP 519) are a product flag from JDK 25"),
            new VersionedFlag("-XX:[+-]ZGenerational", 21, 23,
                    "ZGC's generational switch exists in JDK 21 to 23; JDK 24 and later ignore it"),
            new VersionedFlag("--sun-misc-unsafe-memory-access(=.*)?", 23, Integer.MAX_VALUE,
                    "the option arrived in JDK 23"),
            new VersionedFlag("-XX:ShenandoahGCMode=generational", 25, Integer.MAX_VALUE,
                    "generational Shenandoah is a product mode from JDK 25"));

    private record VersionedFlag(String pattern, int first, int last, String why) {
    }

    /**
     * Why a JVM of {@code featureVersion} cannot take {@code flags}, naming the first flag it lacks; empty when
     * every flag is one it accepts, as far as mapleak knows (the JVM itself has the last word: see
     * {@code JvmConfig.check()}).
     */
    public static Optional<String> unsupportedOn(int featureVersion, List<String> flags) {
        for (String flag : flags) {
            for (VersionedFlag v : VERSIONED) {
                if (flag.matches(v.pattern()) && (featureVersion < v.first() || featureVersion > v.last())) {
                    String range = v.last() == Integer.MAX_VALUE ? "JDK " + v.first() + " or newer"
                            : "JDK " + v.first() + " to " + v.last();
                    return Optional.of(flag + " needs " + range + " (" + v.why() + "), not JDK " + featureVersion);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a JVM of the given feature version accepts {@code -XX:+UseCompactObjectHeaders} without unlocking. */
    public static boolean supportsCompactObjectHeaders(int featureVersion) {
        return featureVersion >= 25;
    }

    /** The feature version of a {@code java.version}/{@code java -version} string: "17.0.15" → 17, "1.8.0_402" → 8, "25" → 25. */
    public static int featureVersion(String javaVersion) {
        String v = javaVersion.trim();
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("not a Java version: '" + javaVersion + "'");
        }
        return Integer.parseInt(v.substring(0, end));
    }

    /** The feature version of the JVM running this code. */
    public static int currentFeatureVersion() {
        return Runtime.version().feature();
    }
}
