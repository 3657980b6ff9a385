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
            "-Djdk.attach.allowAttachSelf=true",
            // The Serviceability Agent only refines what JOL prints about layouts; sizes come from
            // Instrumentation. Attaching it costs about half a second per JVM.
            "-Djol.skipHotspotSAAttach=true");

    /** JDK 23 deprecated sun.misc.Unsafe memory access and JDK 24 restricted native access: JOL uses both. */
    private static final List<String> JOL_SINCE_24 = List.of(
            "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED");

    private JvmFlags() {
    }

    /** The flags JOL needs on a JVM of the given feature version (17, 21, 25, ...). */
    public static List<String> forJol(int featureVersion) {
        if (featureVersion < 17) {
            throw new IllegalArgumentException("mapleak needs Java 17 or newer, got Java " + featureVersion);
        }
        List<String> flags = new ArrayList<>(JOL_COMMON);
        if (featureVersion >= 24) {
            flags.addAll(JOL_SINCE_24);
        }
        return List.copyOf(flags);
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
