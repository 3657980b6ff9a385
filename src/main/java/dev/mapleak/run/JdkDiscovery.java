package dev.mapleak.run;

import dev.mapleak.folder.UsageException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the JDKs a user's machine has, the way a user would look for them: the JDK running mapleak,
 * {@code JAVA_HOME}, {@code MAPLEAK_JDKS} (homes separated by {@code :}), and the usual install folders
 * ({@code /usr/lib/jvm}, {@code /usr/java}, {@code /opt/java}, {@code /opt}, {@code ~/.sdkman/candidates/java},
 * {@code ~/.jdks}, macOS's {@code /Library/Java/JavaVirtualMachines}). No path is hard-coded to one machine.
 */
public final class JdkDiscovery {

    public static final String ENV_JDKS = "MAPLEAK_JDKS";

    private final Map<String, String> env;
    private final Path runningHome;
    private final List<Path> searchDirs;

    public JdkDiscovery(Map<String, String> env, Path runningHome, List<Path> searchDirs) {
        this.env = env;
        this.runningHome = runningHome;
        this.searchDirs = searchDirs;
    }

    /** Discovery as this machine and this process see it. */
    public static JdkDiscovery system() {
        String home = System.getProperty("user.home", "");
        return new JdkDiscovery(System.getenv(), Path.of(System.getProperty("java.home")), List.of(
                Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/opt"),
                Path.of(home, ".sdkman", "candidates", "java"), Path.of(home, ".jdks"),
                Path.of("/Library/Java/JavaVirtualMachines")));
    }

    /** The JDK running this code. */
    public Jdk running() {
        return Jdk.at(runningHome).orElseThrow(() ->
                new UsageException("the running Java (" + runningHome + ") has no release file; run mapleak on a full JDK"));
    }

    /** Every JDK found, each home once, the running one first. */
    public List<Jdk> all() {
        Map<Path, Jdk> found = new LinkedHashMap<>();
        Jdk.at(runningHome).ifPresent(j -> found.put(j.home(), j));
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Jdk.at(Path.of(javaHome)).ifPresent(j -> found.putIfAbsent(j.home(), j));
        }
        String extra = env.get(ENV_JDKS);
        if (extra != null) {
            for (String home : extra.split(File.pathSeparator)) {
                if (!home.isBlank()) {
                    Jdk.at(Path.of(home.strip())).ifPresent(j -> found.putIfAbsent(j.home(), j));
                }
            }
        }
        for (Path dir : searchDirs) {
            for (Path candidate : children(dir)) {
                Jdk.at(candidate).or(() -> Jdk.at(candidate.resolve("Contents").resolve("Home")))
                        .ifPresent(j -> found.putIfAbsent(j.home(), j));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The JDK a profile names: {@code default} (the running one), a feature version ({@code 25}), or a home
     * path. Empty when that JDK is not installed.
     */
    public Optional<Jdk> find(String spec) {
        if (spec.equals("default")) {
            return Optional.of(running());
        }
        if (spec.matches("[0-9]+")) {
            int feature = Integer.parseInt(spec);
            Jdk running = running();
            if (running.feature() == feature) {
                return Optional.of(running);
            }
            return all().stream().filter(j -> j.feature() == feature).findFirst();
        }
        return Jdk.at(Path.of(spec));
    }

    /** Whether a profile's {@code jdks} entry is optional: {@code 25?} runs on JDK 25 when it is installed. */
    public static boolean isOptional(String entry) {
        return entry.strip().endsWith("?");
    }

    /** The JDK an entry names, without the optional mark: {@code "25?"} → {@code "25"}. */
    public static String required(String entry) {
        String e = entry.strip();
        return isOptional(e) ? e.substring(0, e.length() - 1).strip() : e;
    }

    /** How to point mapleak at a JDK it did not find, for messages. */
    public static String howToAdd(String spec) {
        return "install JDK " + spec + " or list its home in " + ENV_JDKS + " (homes separated by ':')";
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
