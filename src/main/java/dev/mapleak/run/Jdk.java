package dev.mapleak.run;

import dev.mapleak.measure.JvmFlags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * An installed JDK that benchmark forks can run on, described by its {@code release} file (read, not
 * launched, so discovery is instant).
 */
public record Jdk(Path home, int feature, String version, String vendor) {

    /** The {@code java} launcher of this JDK. */
    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** "17 (17.0.15, Debian)". */
    public String describe() {
        return feature + " (" + version + (vendor.isEmpty() ? "" : ", " + vendor) + ")";
    }

    /** The JDK at {@code home}, if it is one: a {@code bin/java} and a readable {@code release} file. */
    public static Optional<Jdk> at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String version = unquote(p.getProperty("JAVA_VERSION", ""));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Jdk(realPath(home), JvmFlags.featureVersion(version), version,
                    unquote(p.getProperty("IMPLEMENTOR", ""))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
